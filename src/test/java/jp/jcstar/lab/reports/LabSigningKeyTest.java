package jp.jcstar.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.GregorianCalendar;

import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.reports.signing.LabSigningKey;
import jp.jcstar.lab.reports.signing.PdfSigner;
import jp.jcstar.lab.reports.signing.SigningSettings;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's own key from a PKCS#12 file made as the README says (here with the JDK's keytool): reports are signed
 * with it; a key store that cannot be opened stops with the reason instead of signing with something else.
 */
class LabSigningKeyTest {

    private static final LabProperties LAB = new LabProperties("試験所 Signing Lab", Duration.ofDays(14),
            Duration.ofDays(30), 3);

    @TempDir Path dir;

    @Test
    void aConfiguredKeyStoreSignsTheReports() throws Exception {
        Path store = keytool("report-signing", "store-password-1");
        LabSigningKey key = new LabSigningKey(new SigningSettings(store.toString(), "store-password-1", null), LAB,
                null, null);
        assertThat(key.get().selfSigned()).isFalse();

        byte[] signed = new PdfSigner(key, LAB).sign(blankPdf(), new GregorianCalendar(), "test");
        SignedPdfs.Signature signature = SignedPdfs.signature(signed);
        assertThat(signature.intact()).isTrue();
        assertThat(signature.coversWholeFile()).isTrue();
        assertThat(signature.signer().getSubjectX500Principal().getName()).isEqualTo("CN=Lab Report Signing,O=Example Lab");
        assertThat(key.get().fingerprint()).hasSize(64);
    }

    @Test
    void aKeyStoreThatCannotBeOpenedSaysWhy() throws Exception {
        Path store = keytool("report-signing", "store-password-1");
        assertThatThrownBy(() -> new LabSigningKey(new SigningSettings(store.toString(), "wrong", null), LAB, null, null)
                .get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jcstar.reports.signing.key-store " + store)
                .hasMessageContaining("cannot be read as a PKCS#12 key store with the configured password");
        assertThatThrownBy(() -> new LabSigningKey(new SigningSettings(dir.resolve("none.p12").toString(), "x", null),
                LAB, null, null).get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none.p12 does not exist or cannot be read");
        assertThatThrownBy(() -> new LabSigningKey(new SigningSettings(store.toString(), "store-password-1", "other"),
                LAB, null, null).get()).hasMessageContaining("no private key under the alias other");
    }

    private Path keytool(String alias, String password) throws Exception {
        return keytool(dir.resolve("signing.p12"), alias, password, 2048);
    }

    /** A PKCS#12 key store made by the JDK's keytool, as a lab makes one. */
    static Path keytool(Path store, String alias, String password, int rsaBits) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", String.valueOf(rsaBits), "-dname",
                "CN=Lab Report Signing,O=Example Lab", "-validity", "30", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", password).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        assertThat(Files.exists(store)).isTrue();
        return store;
    }

    private static byte[] blankPdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
