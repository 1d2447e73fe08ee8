package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A locked account authenticates nowhere: its API token and its open browser sessions stop, until a lab manager unlocks. */
@WebAppTest
class CredentialLockTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort int port;

    @Test
    void failedPasswordsLockTheApiTokenAndEndTheBrowserSessions() {
        LabApi api = engineerWithToken("lockedpw");
        LabApi.BrowserSession open = loggedIn(api, "lockedpw");

        for (int attempt = 0; attempt < 5; attempt++) {
            api.browser().submitPasswordOnly("lockedpw", "wrong-password-" + attempt);
        }
        // The test context has no delay between failures: only the lock itself can refuse the token now.
        assertThat(api.get("/api/catalog", "lockedpw").status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task?maxResults=1", "lockedpw").status()).isEqualTo(401);
        assertThat(open.getPage(TASKLIST).status()).as("the session that was open").isNotEqualTo(200);
        unlockAndExpectTheTokenBack(api, "lockedpw");
    }

    @Test
    void failedSecondFactorCodesLockTheApiTokenAndEndTheBrowserSessions() {
        LabApi api = engineerWithToken("lockedmfa");
        LabApi.BrowserSession open = loggedIn(api, "lockedmfa");

        LabApi.BrowserSession browser = api.browser();
        assertThat(browser.submitPassword("lockedmfa", LabApi.PASSWORD).location()).endsWith("/login/mfa");
        String wrong = LabApi.wrongCode(api.totpSecretOf("lockedmfa"));
        for (int attempt = 0; attempt < 5; attempt++) {
            browser.getPage("/login/mfa");
            browser.form("/login/mfa", Map.of("code", wrong));
        }
        assertThat(api.get("/api/catalog", "lockedmfa").status()).isEqualTo(401);
        assertThat(open.getPage(TASKLIST).status()).as("the session that was open").isNotEqualTo(200);
        unlockAndExpectTheTokenBack(api, "lockedmfa");
    }

    /** A new engineer with a second factor and an API token that works. */
    private LabApi engineerWithToken(String userId) {
        LabApi api = LabUsers.on(port);
        api.registerStaff(userId, "engineer");
        api.loginForToken(userId, LabApi.PASSWORD);
        assertThat(api.get("/api/catalog", userId).status()).isEqualTo(200);
        return api;
    }

    /** A browser that logged in before the lock, with Tasklist open. */
    private static LabApi.BrowserSession loggedIn(LabApi api, String userId) {
        LabApi.BrowserSession browser = api.browser();
        browser.login(userId, LabApi.PASSWORD);
        assertThat(browser.getPage(TASKLIST).status()).isEqualTo(200);
        return browser;
    }

    private static void unlockAndExpectTheTokenBack(LabApi api, String userId) {
        assertThat(api.post("/api/users/" + userId + "/unlock", "admin", WebAppTest.ADMIN_PASSWORD, Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/catalog", userId).status()).isEqualTo(200);
    }
}
