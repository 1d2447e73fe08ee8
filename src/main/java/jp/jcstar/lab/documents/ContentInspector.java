package jp.jcstar.lab.documents;

import java.io.BufferedInputStream;
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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.web.DataSizes;
import jp.jcstar.lab.web.InvalidInputException;
import jp.jcstar.lab.web.PayloadTooLargeException;
import jp.jcstar.lab.web.UnsupportedContentException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Decides from the bytes, never from what the client says, whether an upload is accepted: its size, its type by
 * signature (or as UTF-8 text), that the declared type and the file name's extension agree with it, and that a ZIP
 * does not expand beyond the limits (a zip bomb), counting the ZIPs inside it too.
 */
@Component
public class ContentInspector {

    /** What the inspection found: the SHA-256 (hex) and size of the content, and its type. */
    public record Inspection(String sha256, long size, AllowedType type) {
    }

    private static final int BUFFER = 64 * 1024;

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
                    throw new PayloadTooLargeException(fileName + " is larger than the limit of " + DataSizes.text(limits.maxFileSize())
                            + " (jcstar.documents.max-file-size)");
                }
                if (text != null) {
                    text.feed(buffer, read);
                }
            }
            if (size == 0) {
                throw new InvalidInputException(fileName + " is empty");
            }
            if (text != null && !text.finish()) {
                throw new UnsupportedContentException(fileName + " is not of an allowed type: its content is none of "
                        + AllowedType.names());
            }
        }
        requireDeclarationsFit(type, fileName, declaredType);
        if (type == AllowedType.ZIP) {
            requireNoZipBomb(content, fileName, size);
        }
        return new Inspection(Sha256.hex(sha256), size, type);
    }

    private static void requireDeclarationsFit(AllowedType type, String fileName, String declaredType) {
        if (declaredType != null && !declaredType.isBlank()
                && !declaredType.strip().toLowerCase().startsWith("application/octet-stream")
                && !type.isDeclaredAs(declaredType)) {
            throw new UnsupportedContentException(fileName + " is declared as " + declaredType.strip()
                    + " but its content is " + type.mediaType());
        }
        int dot = fileName.lastIndexOf('.');
        if (dot > 0 && !type.fitsExtension(fileName.substring(dot + 1))) {
            throw new UnsupportedContentException(fileName + ": the name ends in " + fileName.substring(dot)
                    + " but the content is " + type.mediaType());
        }
    }

    private void requireNoZipBomb(InputStreamSource content, String fileName, long size) throws IOException {
        long budget = Math.min(limits.zipMaxExpandedSize().toBytes(), Math.multiplyExact(size, (long) limits.zipMaxRatio()));
        Path copy = Files.createTempFile("jcstar-upload-", ".zip");
        try {
            try (InputStream in = content.getInputStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ZipBudget expansion = new ZipBudget(fileName, budget, size);
            // The central directory, as unzip tools read it: every entry is inflated and counted, overlapping or not.
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    expansion.entry();
                    try (InputStream in = zip.getInputStream(entry)) {
                        expansion.drain(in, 1);
                    }
                }
            } catch (ZipException e) {
                throw new InvalidInputException(fileName + " is not a readable ZIP: " + e.getMessage());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Counts what a ZIP expands to, ZIPs inside it included, and refuses it once a limit is passed. */
    private final class ZipBudget {
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

        void entry() {
            if (++entries > limits.zipMaxEntries()) {
                throw new InvalidInputException(fileName + " is refused as a zip bomb: it holds more than "
                        + limits.zipMaxEntries() + " entries (jcstar.documents.zip-max-entries)");
            }
        }

        /** Reads an entry to its end, counting; an entry that is itself a ZIP is opened and counted as well. */
        void drain(InputStream entry, int depth) throws IOException {
            BufferedInputStream in = new BufferedInputStream(entry, BUFFER);
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (AllowedType.ofSignature(head, head.length).filter(type -> type == AllowedType.ZIP).isPresent()) {
                if (depth > limits.zipMaxDepth()) {
                    throw new InvalidInputException(fileName + " is refused: ZIPs nest in it deeper than "
                            + limits.zipMaxDepth() + " levels (jcstar.documents.zip-max-depth)");
                }
                ZipInputStream nested = new ZipInputStream(new CountingStream(in));
                try {
                    while (nested.getNextEntry() != null) {
                        entry();
                        drain(nested, depth + 1);
                    }
                } catch (ZipException e) {
                    throw new InvalidInputException(fileName + " holds a ZIP that is not readable: " + e.getMessage());
                }
                in.transferTo(OutputStreamNull.INSTANCE);
            } else {
                byte[] buffer = new byte[BUFFER];
                for (int read; (read = in.read(buffer)) != -1; ) {
                    count(read);
                }
            }
        }

        private void count(long bytes) {
            expanded += bytes;
            if (expanded > budget) {
                throw new InvalidInputException(fileName + " is refused as a zip bomb: its " + size
                        + " bytes expand to more than " + budget + " bytes (at most " + limits.zipMaxRatio()
                        + " times its size and at most " + DataSizes.text(limits.zipMaxExpandedSize())
                        + "; jcstar.documents.zip-max-ratio, zip-max-expanded-size)");
            }
        }

        /** Counts the bytes a nested ZIP is read from (its entries' inflated bytes are counted by drain). */
        private final class CountingStream extends java.io.FilterInputStream {
            CountingStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b != -1) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int read = super.read(b, off, len);
                if (read > 0) {
                    count(read);
                }
                return read;
            }
        }
    }

    /** Where the rest of a nested ZIP (its central directory) goes once its entries are counted. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Plain text: valid UTF-8 throughout, with no control character but tab, line breaks, form feed and escape. */
    private static final class TextCheck {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean text = true;

        void feed(byte[] bytes, int length) {
            if (!text) {
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(bytes, 0, length).flip();
            decode(in, false);
            pending = in;
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
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F) {
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
