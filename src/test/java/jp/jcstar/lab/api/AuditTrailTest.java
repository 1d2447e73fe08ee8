package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit trail as the README promises it: one line per login and per lock, a line per logout, none per API call. */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTest {

    @LocalServerPort int port;

    @Test
    void oneLinePerCompletedLoginAndPerLogoutAndNoneForTokenCalls(CapturedOutput output) {
        LabApi api = LabUsers.on(port);
        api.registerStaff("trailuser", "engineer");
        api.loginForToken("trailuser", LabApi.PASSWORD); // the first login: new password, second factor enrolled
        int firstLogin = lines(output, "event=LOGIN_SUCCESS user=\"trailuser\"");
        assertThat(firstLogin).isEqualTo(1);

        for (int call = 0; call < 5; call++) {
            assertThat(api.get("/api/catalog", "trailuser").status()).isEqualTo(200);
        }
        assertThat(lines(output, "event=LOGIN_SUCCESS user=\"trailuser\"")).as("no line per token call").isEqualTo(1);

        LabApi.BrowserSession browser = api.browser();
        browser.login("trailuser", LabApi.PASSWORD);
        assertThat(lines(output, "event=LOGIN_SUCCESS user=\"trailuser\"")).isEqualTo(2);
        assertThat(output.getAll()).contains("event=LOGIN_SUCCESS user=\"trailuser\"").contains("factors=\"2\"");
        assertThat(browser.sendJson("POST", "/logout", null, true).status()).isEqualTo(302);
        assertThat(lines(output, "event=LOGOUT user=\"trailuser\"")).isEqualTo(1);
    }

    @Test
    void oneLinePerLockAndControlCharactersShownByNumber(CapturedOutput output) {
        LabApi api = LabUsers.on(port);
        api.registerManufacturerUser(LabUsers.COMPANY, "lockaudit");
        for (int attempt = 0; attempt < 8; attempt++) {
            api.browser().submitPasswordOnly("lockaudit", "wrong-password-" + attempt);
        }
        assertThat(lines(output, "event=ACCOUNT_LOCKED user=\"lockaudit\"")).isEqualTo(1);

        api.browser().submitPasswordOnly("forger\u001b[2J\nevent=LOGIN_SUCCESS user=\"admin\"", "x");
        assertThat(output.getAll()).contains("user=\"forger\\u001b[2J\\nevent=LOGIN_SUCCESS user=\\\"admin\\\"\"");
        assertThat(Arrays.stream(output.getAll().split("\n")).filter(line -> line.startsWith("event="))).isEmpty();
    }

    private static int lines(CapturedOutput output, String text) {
        return (int) Arrays.stream(output.getAll().split("\n")).filter(line -> line.contains(text)).count();
    }
}
