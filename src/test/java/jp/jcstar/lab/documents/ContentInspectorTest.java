package jp.jcstar.lab.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.PayloadTooLargeException;
import jp.jcstar.lab.problem.UnsupportedContentException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

/** The content decides: signatures, UTF-8 text, declarations that must agree, and ZIPs that must not explode. */
class ContentInspectorTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PCAP = {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0, 0, 0, 0, 0};
    static final byte[] PCAPNG = {0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A};
    static final byte[] WINDOWS_EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    ContentInspector inspector = new ContentInspector(limits(DataSize.ofMegabytes(50), DataSize.ofGigabytes(1), 100, 10_000));

    @Test
    void everyAllowedTypeIsRecognisedByItsContent() throws IOException {
        assertThat(inspect(PDF, "a.pdf", "application/pdf").type()).isEqualTo(AllowedType.PDF);
        assertThat(inspect(PNG, "a.png", "image/png").type()).isEqualTo(AllowedType.PNG);
        assertThat(inspect(JPEG, "a.jpg", "image/jpeg").type()).isEqualTo(AllowedType.JPEG);
        assertThat(inspect(PCAP, "a.pcap", "application/vnd.tcpdump.pcap").type()).isEqualTo(AllowedType.PCAP);
        assertThat(inspect(PCAPNG, "a.pcapng", null).type()).isEqualTo(AllowedType.PCAPNG);
        assertThat(inspect(zip("notes.txt", "hello".getBytes()), "a.zip", "application/x-zip-compressed").type())
                .isEqualTo(AllowedType.ZIP);
        byte[] log = "2025-05-20 10:00:01 ログイン失敗 user=admin\n\u001B[31mERROR\u001B[0m\ttls=1.0\r\n"
                .getBytes(StandardCharsets.UTF_8);
        ContentInspector.Inspection text = inspect(log, "server.log", "text/x-log");
        assertThat(text.type()).isEqualTo(AllowedType.TEXT);
        assertThat(text.size()).isEqualTo(log.length);
        assertThat(text.sha256()).isEqualTo(Sha256.hex(log));
    }

    @Test
    void contentOfNoAllowedTypeIsRefused() {
        assertThatThrownBy(() -> inspect(WINDOWS_EXE, "setup.exe", null))
                .isInstanceOf(UnsupportedContentException.class).hasMessageContaining("not of an allowed type")
                // What to do, in both languages.
                .hasMessageContaining("Word や Excel の文書は PDF に変換してから").hasMessageContaining("save Word or Excel documents as PDF");
        // Shift_JIS is not UTF-8; NUL bytes and other control characters are not text.
        assertThatThrownBy(() -> inspect("ログ".getBytes(Charset.forName("Shift_JIS")), "a.txt", null))
                .isInstanceOf(UnsupportedContentException.class);
        assertThatThrownBy(() -> inspect("abc\0def".getBytes(StandardCharsets.US_ASCII), "a.txt", null))
                .isInstanceOf(UnsupportedContentException.class);
        // A multi-byte character cut at the end is not valid UTF-8 either.
        byte[] cut = "あ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> inspect(Arrays.copyOf(cut, 2), "a.txt", null))
                .isInstanceOf(UnsupportedContentException.class);
        assertThatThrownBy(() -> inspect(new byte[0], "empty.txt", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void aDeclaredTypeOrExtensionThatDisagreesWithTheContentIsRefused() throws IOException {
        assertThatThrownBy(() -> inspect(PNG, "diagram.png", "application/pdf"))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageContaining("declared as application/pdf but its content is image/png");
        assertThatThrownBy(() -> inspect("<html>".getBytes(), "threat-model.pdf", null))
                .isInstanceOf(UnsupportedContentException.class).hasMessageContaining("ends in .pdf");
        // application/octet-stream declares nothing; an extension no allowed type uses says nothing.
        assertThat(inspect(PDF, "threat-model.v3", "application/octet-stream").type()).isEqualTo(AllowedType.PDF);
        // Capture files are declared either way by capture tools and browsers.
        assertThat(inspect(PCAPNG, "capture.pcap", "application/vnd.tcpdump.pcap").type()).isEqualTo(AllowedType.PCAPNG);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileReading() {
        ContentInspector small = new ContentInspector(limits(DataSize.ofBytes(1000), DataSize.ofGigabytes(1), 100, 10));
        byte[] text = "a".repeat(1001).getBytes();
        assertThatThrownBy(() -> small.inspect(new ByteArrayResource(text), "a.txt", null))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("a.txt: ファイルが上限の 1000 bytes を超えています。1000 bytes 以下に分割するか圧縮（ZIP）してから、"
                        + "アップロードし直してください。 / a.txt is larger than the limit of 1000 bytes. Split it or compress "
                        + "it (ZIP) below 1000 bytes, then upload again.");
    }

    @Test
    void zipBombsAreRefusedByRatioByTotalSizeByEntriesAndByNesting() throws IOException {
        // 10 MB of zeros deflate to about 10 KB: a ratio of about 1000.
        byte[] ratioBomb = zip("zeros.bin", new byte[10 * 1024 * 1024]);
        assertThatThrownBy(() -> inspect(ratioBomb, "logs.zip", "application/zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("zip bomb")
                .hasMessageContaining("expand to more than");

        ContentInspector tight = new ContentInspector(limits(DataSize.ofMegabytes(50), DataSize.ofKilobytes(64), 1000, 10));
        byte[] fine = zip("a.txt", "x".repeat(60 * 1024).getBytes());
        assertThat(tight.inspect(new ByteArrayResource(fine), "a.zip", null).type()).isEqualTo(AllowedType.ZIP);
        byte[] tooMuch = zip("a.txt", "x".repeat(70 * 1024).getBytes());
        assertThatThrownBy(() -> tight.inspect(new ByteArrayResource(tooMuch), "a.zip", null))
                .hasMessageContaining("zip bomb");

        byte[] manyEntries = zip(11);
        assertThatThrownBy(() -> tight.inspect(new ByteArrayResource(manyEntries), "a.zip", null))
                .hasMessageContaining("more than 10 entries");

        // Each level looks harmless; together they expand far (the idea of 42.zip), and they nest too deep.
        byte[] nested = zip("zeros.bin", new byte[2 * 1024 * 1024]);
        for (int level = 0; level < 2; level++) {
            nested = zip("inner.zip", nested);
        }
        byte[] deep = nested;
        ContentInspector generous = new ContentInspector(limits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(1), 1_000_000, 100));
        assertThatThrownBy(() -> generous.inspect(new ByteArrayResource(deep), "a.zip", null))
                .hasMessageContaining("zip bomb");
        byte[] tooDeep = zip("z.zip", zip("z.zip", zip("z.zip", zip("z.zip", zip("a.txt", "x".getBytes())))));
        assertThatThrownBy(() -> inspector.inspect(new ByteArrayResource(tooDeep), "a.zip", null))
                .hasMessageContaining("deeper than 3 levels");
    }

    @Test
    void archivesInsideAZipAreReadAsUnzipReadsThemWhateverIsAroundThem() throws IOException {
        ContentInspector tight = new ContentInspector(limits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(1), 1_000_000, 100));
        byte[] bomb = zip("zeros.bin", new byte[2 * 1024 * 1024]);
        // A ZIP behind other bytes (as a self-extracting archive is) is found by its end record and counted.
        byte[] prefixed = concat("MZ this is not a zip header ".getBytes(), bomb);
        assertThatThrownBy(() -> tight.inspect(new ByteArrayResource(zip("setup.exe", prefixed)), "a.zip", null))
                .hasMessageContaining("zip bomb");
        // Bytes after a nested ZIP are inflated and counted too.
        byte[] trailing = concat(zip("a.txt", "x".getBytes()), new byte[2 * 1024 * 1024]);
        assertThatThrownBy(() -> tight.inspect(new ByteArrayResource(zip("inner.zip", trailing)), "a.zip", null))
                .hasMessageContaining("zip bomb");
        // An image that merely holds the four bytes of an end record is no archive.
        byte[] png = concat(concat(PNG, "PK\u0005\u0006".getBytes(StandardCharsets.ISO_8859_1)), new byte[100]);
        assertThat(tight.inspect(new ByteArrayResource(zip("screen.png", png)), "a.zip", null).type())
                .isEqualTo(AllowedType.ZIP);
    }

    @Test
    void aNameGetsTheExtensionOfItsContentUnlessItHasIt() throws IOException {
        byte[] text = "echo hello\r\n".getBytes();
        assertThat(inspect(text, "run.bat", null).fileName()).isEqualTo("run.bat.txt");
        assertThat(inspect(text, "README", null).fileName()).isEqualTo("README.txt");
        assertThat(inspect(PCAP, "capture.dump", null).fileName()).isEqualTo("capture.dump.pcap");
        assertThat(inspect(PDF, "設計書.PDF", null).fileName()).isEqualTo("設計書.PDF");
        assertThat(inspect(PCAPNG, "capture.pcap", null).fileName()).isEqualTo("capture.pcap");
    }

    @Test
    void textIsCheckedWholeAcrossEveryBufferBoundary() throws IOException {
        // Multi-byte characters that straddle the 8-byte head and the 64 KiB reading buffer.
        byte[] text = ("1234567" + "あ".repeat(30_000) + "ログ\n").getBytes(StandardCharsets.UTF_8);
        assertThat(inspect(text, "a.log", null).type()).isEqualTo(AllowedType.TEXT);
        // A C1 control character (U+009B is a terminal escape) is not text; a lone bad byte deep inside is caught.
        assertThatThrownBy(() -> inspect("abc\u009B2J".getBytes(StandardCharsets.UTF_8), "a.txt", null))
                .isInstanceOf(UnsupportedContentException.class);
        byte[] bad = text.clone();
        bad[70_000] = (byte) 0xFF;
        assertThatThrownBy(() -> inspect(bad, "a.log", null)).isInstanceOf(UnsupportedContentException.class);
    }

    @Test
    void aBrokenZipIsRefused() {
        byte[] broken = Arrays.copyOf(zip("a.txt", "hello".getBytes()), 30);
        assertThatThrownBy(() -> inspect(broken, "a.zip", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a readable ZIP");
    }

    private ContentInspector.Inspection inspect(byte[] content, String name, String declared) throws IOException {
        return inspector.inspect(new ByteArrayResource(content), name, declared);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static DocumentProperties limits(DataSize maxFile, DataSize zipExpanded, int ratio, int entries) {
        return new DocumentProperties(maxFile, zipExpanded, ratio, entries, 3);
    }

    static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(int entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("file" + i + ".txt"));
                zip.write(("entry " + i).getBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
