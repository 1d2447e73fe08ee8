package jp.jcstar.lab.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import jp.jcstar.lab.DataSizes;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.PayloadTooLargeException;
import jp.jcstar.lab.problem.UnsupportedContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Decides from the bytes, never from what the client says, whether an upload is accepted: its size, its type by
 * signature (or as UTF-8 text), that the declared type and the file name's extension agree with it, and that a ZIP
 * does not expand beyond the limits (a zip bomb), counting the ZIPs inside it too.
 */
@Component
public class ContentInspector {

    /**
     * What the inspection found: the SHA-256 (hex) and size of the content, its type, and the name to keep it under
     * (the given one, with the type's extension added when it had none of the allowed ones).
     */
    public record Inspection(String sha256, long size, AllowedType type, String fileName) {
    }

    private static final int BUFFER = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ContentInspector.class);

    private final DocumentProperties limits;

    public ContentInspector(DocumentProperties limits) {
        this.limits = limits;
    }

    /**
     * Reads the content once (twice for a ZIP, which is checked from a temporary copy).
     *
     * @param fileName     the sanitised file name
     * @param declaredType the media type the client declared; null, empty or application/octet-stream declare none
     */
    public Inspection inspect(InputStreamSource content, String fileName, String declaredType) throws IOException {
        long maxSize = limits.maxFileSize().toBytes();
        MessageDigest sha256 = Sha256.newDigest();
        byte[] head = new byte[AllowedType.SIGNATURE_LENGTH];
        long size;
        AllowedType type;
        try (InputStream in = new DigestInputStream(content.getInputStream(), sha256)) {
            int headLength = in.readNBytes(head, 0, head.length);
            type = AllowedType.ofSignature(head, headLength).orElse(AllowedType.TEXT);
            TextCheck text = type == AllowedType.TEXT ? new TextCheck() : null;
            if (text != null) {
                text.feed(head, headLength);
            }
            size = headLength;
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) != -1; ) {
                size += read;
                if (size > maxSize) {
                    throw new PayloadTooLargeException(PayloadTooLargeException.refusal(fileName, limits.maxFileSize()));
                }
                if (text != null) {
                    text.feed(buffer, read);
                }
            }
            if (size == 0) {
                throw new InvalidInputException(Bilingual.of(fileName + ": 空のファイルです。内容のあるファイルを選び直して"
                        + "ください。", fileName + " is empty. Choose the file with its content and upload again."));
            }
            if (text != null && !text.finish()) {
                throw new UnsupportedContentException(Bilingual.of(fileName + ": 受け付けられない種類のファイルです（受け付ける"
                        + "のは " + AllowedType.names() + "）。Word や Excel の文書は PDF に変換してからアップロードしてください。",
                        fileName + " is not of an allowed type: its content is none of " + AllowedType.names() + ". Convert "
                        + "it to one of them (save Word or Excel documents as PDF), then upload again.").toString());
            }
        }
        requireDeclarationsFit(type, fileName, declaredType);
        if (type == AllowedType.ZIP) {
            requireNoZipBomb(content, fileName, size);
        }
        return new Inspection(Sha256.hex(sha256), size, type, type.withExtension(fileName));
    }

    private static void requireDeclarationsFit(AllowedType type, String fileName, String declaredType) {
        if (declaredType != null && !declaredType.isBlank()
                && !declaredType.strip().toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                && !type.isDeclaredAs(declaredType)) {
            throw new UnsupportedContentException(Bilingual.of(fileName + ": " + declaredType.strip() + " として送られましたが、"
                    + "内容は " + type.mediaType() + " です。正しいファイルを選ぶか、その形式で保存し直してください。", fileName
                    + " is declared as " + declaredType.strip() + " but its content is " + type.mediaType() + ". Choose "
                    + "the right file or save it in that format, then upload again.").toString());
        }
        int dot = fileName.lastIndexOf('.');
        if (dot > 0 && !type.fitsExtension(fileName.substring(dot + 1))) {
            throw new UnsupportedContentException(Bilingual.of(fileName + ": 名前は " + fileName.substring(dot) + " で終わり"
                    + "ますが、内容は " + type.mediaType() + " です。内容に合う名前にするか、正しいファイルを選んでください。",
                    fileName + ": the name ends in " + fileName.substring(dot) + " but the content is " + type.mediaType()
                    + ". Rename it to match its content or choose the right file.").toString());
        }
    }

    private void requireNoZipBomb(InputStreamSource content, String fileName, long size) throws IOException {
        long budget = Math.min(limits.zipMaxExpandedSize().toBytes(), Math.multiplyExact(size, (long) limits.zipMaxRatio()));
        Path copy = Files.createTempFile("jcstar-upload-", ".zip");
        try {
            try (InputStream in = content.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            new ZipBudget(fileName, budget, size).check(copy, 1);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * Counts what a ZIP expands to, the archives inside it included, and refuses it once a limit is passed. Every
     * archive, outer or nested, is read through its central directory, as unzip tools read it, so entries that only
     * the directory points to, overlapping entries and data before or after the entries are all counted.
     */
    private final class ZipBudget {
        /** The end-of-central-directory record is in the last 22 bytes plus at most a 64 KiB comment. */
        private static final int END_RECORD_WINDOW = 22 + 0xFFFF;

        private final String fileName;
        private final long budget;
        private final long size;
        private long expanded;
        private int entries;

        ZipBudget(String fileName, long budget, long size) {
            this.fileName = fileName;
            this.budget = budget;
            this.size = size;
        }

        void check(Path archive, int depth) throws IOException {
            ZipFile zip;
            try {
                zip = new ZipFile(archive.toFile());
            } catch (ZipException e) {
                if (depth > 1 && !startsAsZip(archive)) {
                    return; // data that merely holds the four bytes of an end record (an image, a capture)
                }
                throw unreadable(depth, e);
            }
            try (zip) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    if (++entries > limits.zipMaxEntries()) {
                        throw new InvalidInputException(Bilingual.of(fileName + ": ZIP の中のファイルが " + limits.zipMaxEntries()
                                + " 個を超えているため、zip bomb として受け付けません。いくつかの ZIP に分けてアップロードして"
                                + "ください。", fileName + " is refused as a zip bomb: it holds more than "
                                + limits.zipMaxEntries() + " entries. Upload its files in several smaller archives."));
                    }
                    if (isArchive(zip, entry)) {
                        checkNested(zip, entry, depth);
                    }
                }
            } catch (ZipException e) {
                throw unreadable(depth, e);
            }
        }

        private InvalidInputException unreadable(int depth, ZipException e) {
            log.info("{}: unreadable ZIP at depth {}: {}", fileName, depth, e.getMessage());
            return new InvalidInputException(Bilingual.of(fileName + (depth == 1 ? ": 読み取れない ZIP です。" : ": 中に読み取れない "
                    + "ZIP があります。") + "暗号化された ZIP も、中身を確認できないため受け付けません。パスワードなしで作り直して"
                    + "ください。", fileName + (depth == 1 ? " is not a readable ZIP" : " holds a ZIP that is not readable")
                    + "; encrypted ZIPs are refused too, as their content cannot be checked. Create it again without a "
                    + "password."));
        }

        /**
         * Inflates the entry, counting every byte, and tells whether it is an archive itself: a ZIP signature at its
         * start, or an end-of-central-directory record near its end (a ZIP behind other data).
         */
        private boolean isArchive(ZipFile zip, ZipEntry entry) throws IOException {
            byte[] head = new byte[4];
            int headLength = 0;
            // The last END_RECORD_WINDOW bytes read, oldest first.
            byte[] tail = new byte[END_RECORD_WINDOW];
            int tailLength = 0;
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = zip.getInputStream(entry)) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    count(read);
                    if (headLength < head.length) {
                        int take = Math.min(head.length - headLength, read);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    int kept = Math.min(tailLength, tail.length - Math.min(read, tail.length));
                    System.arraycopy(tail, tailLength - kept, tail, 0, kept);
                    int added = Math.min(read, tail.length);
                    System.arraycopy(buffer, read - added, tail, kept, added);
                    tailLength = kept + added;
                }
            }
            if (startsAsZip(head, headLength)) {
                return true;
            }
            for (int i = tailLength - 4; i >= 0; i--) {
                if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        }

        /** A nested archive, copied out (its bytes are already counted) and checked like the outer one. */
        private void checkNested(ZipFile zip, ZipEntry entry, int depth) throws IOException {
            if (depth >= limits.zipMaxDepth() + 1) {
                throw new InvalidInputException(Bilingual.of(fileName + ": ZIP の入れ子が " + limits.zipMaxDepth() + " 段より"
                        + "深いため受け付けません。入れ子を減らしてからアップロードしてください。", fileName + " is refused: "
                        + "archives nest in it deeper than " + limits.zipMaxDepth() + " levels. Flatten it, then upload "
                        + "again."));
            }
            Path nested = Files.createTempFile("jcstar-nested-", ".zip");
            try {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, nested, StandardCopyOption.REPLACE_EXISTING);
                }
                check(nested, depth + 1);
            } finally {
                Files.deleteIfExists(nested);
            }
        }

        private static boolean startsAsZip(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(4);
                return startsAsZip(head, head.length);
            }
        }

        private static boolean startsAsZip(byte[] head, int length) {
            return AllowedType.ofSignature(head, length).filter(type -> type == AllowedType.ZIP).isPresent();
        }

        private void count(long bytes) {
            expanded += bytes;
            if (expanded > budget) {
                throw new InvalidInputException(Bilingual.of(fileName + ": 展開すると " + budget + " バイトを超える（元の "
                        + limits.zipMaxRatio() + " 倍まで、最大 " + DataSizes.text(limits.zipMaxExpandedSize()) + "）ため、"
                        + "zip bomb として受け付けません。中身を小さく分けてアップロードしてください。", fileName + " is "
                        + "refused as a zip bomb: its " + size + " bytes expand to more than " + budget + " bytes (at most "
                        + limits.zipMaxRatio() + " times its size and at most "
                        + DataSizes.text(limits.zipMaxExpandedSize()) + "). Upload its content in smaller parts."));
            }
        }
    }

    /**
     * Plain text: valid UTF-8 throughout, with no control character but tab, line breaks, form feed and escape (the
     * colours of logs).
     */
    private static final class TextCheck {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean text = true;

        /** Decodes what it can; the bytes of a character cut at the end (at most three) wait for the next call. */
        void feed(byte[] bytes, int length) {
            if (!text) {
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
            if (pending.hasRemaining()) {
                in = ByteBuffer.allocate(pending.remaining() + length).put(pending).put(in).flip();
            }
            decode(in, false);
            pending = ByteBuffer.allocate(in.remaining()).put(in).flip();
        }

        boolean finish() {
            if (text) {
                decode(pending, true);
                text = text && !pending.hasRemaining();
            }
            return text;
        }

        private void decode(ByteBuffer in, boolean endOfInput) {
            while (text) {
                CoderResult result = decoder.decode(in, chars, endOfInput);
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B
                            || c >= 0x7F && c <= 0x9F) {
                        text = false;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    text = false;
                } else if (result.isUnderflow()) {
                    return;
                }
            }
        }
    }
}
