package jp.jcstar.lab.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsAreCutToTheirLastSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("..\\..\\windows\\system32\\drivers\\etc\\hosts.txt")).isEqualTo("hosts.txt");
        assertThat(FileNames.sanitise("/var/lib/jcstar/../../root/.ssh/authorized_keys")).isEqualTo("authorized_keys");
    }

    @Test
    void dotsControlCharactersAndReservedCharactersGo() {
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise("report.pdf.  ")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitise("evil\r\nX-Injected: 1.txt")).isEqualTo("evilX-Injected_ 1.txt");
        assertThat(FileNames.sanitise("a<b>c|d?e*f\"g;h%i.txt")).isEqualTo("a_b_c_d_e_f_g_h_i.txt");
        // Right-to-left override would show "exe.pdf" as "fdp.exe".
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("   ")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void japaneseNamesStayAndLongNamesKeepTheirExtension() {
        assertThat(FileNames.sanitise("脅威モデル_第2版.pdf")).isEqualTo("脅威モデル_第2版.pdf");
        String longName = "設計書".repeat(100) + ".pdf";
        String kept = FileNames.sanitise(longName);
        assertThat(kept).hasSize(FileNames.MAX_LENGTH).startsWith("設計書").endsWith(".pdf");
        // Characters outside the BMP take two UTF-16 units, which the databases count: never cut in half.
        String emoji = FileNames.sanitise("\uD83D\uDD12".repeat(150) + ".txt");
        assertThat(emoji.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(emoji).endsWith(".txt").doesNotContain("?");
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 5))).isFalse();
    }
}
