package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one login in front of Tasklist, Cockpit and Admin, with the second factor; sessions, CSRF and security headers;
 * personal API tokens.
 */
@WebAppTest
class SessionLoginTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
    }

    @Test
    void staffMustEnrolASecondFactorAndThePasswordAloneOpensNothing() {
        api.registerStaff("newengineer", "engineer");
        LabApi.BrowserSession browser = api.browser();

        LabApi.Reply afterPassword = browser.submitPassword("newengineer", LabApi.PASSWORD);
        assertThat(afterPassword.location()).endsWith("/login/mfa/enrol");
        assertThat(browser.getPage(TASKLIST).status()).isIn(302, 403);
        assertThat(browser.getPage("/camunda/api/engine/engine/default/task").status()).isIn(302, 403);
        assertThat(browser.postJson("/api/account/tokens", Map.of("name", "too early")).status()).isIn(302, 403);
        // Nor does the password open the API.
        assertThat(api.get("/api/catalog", "newengineer", LabApi.PASSWORD).status()).isEqualTo(401);

        LabApi.Reply enrolment = browser.getPage("/login/mfa/enrol");
        assertThat(enrolment.text()).contains("<code id=secret>", "otpauth://totp/", "data:image/png;base64,");
        String secret = LabApi.between(enrolment.text(), "<code id=secret>", "</code>");
        LabApi.Reply wrong = browser.form("/login/mfa/enrol", Map.of("code", LabApi.wrongCode(secret)));
        assertThat(wrong.location()).endsWith("/login/mfa/enrol?error");

        secret = LabApi.between(browser.getPage("/login/mfa/enrol").text(), "<code id=secret>", "</code>");
        LabApi.Reply enrolled = browser.form("/login/mfa/enrol", Map.of("code", api.firstCode("newengineer", secret)));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(enrolled.text()).contains("<ol id=recovery-codes>");
        assertThat(browser.getPage(TASKLIST).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from mfa_recovery_code where user_id = 'newengineer'").query(Long.class)
                .single()).isEqualTo(10);
    }

    @Test
    void whoeverRegisteredAnAccountCannotUseItsPasswordTheOwnerChoosesAnotherFirst() {
        api.registerStaff("handover", "reviewer");
        LabApi.BrowserSession registrar = api.browser();
        LabApi.Reply firstStep = registrar.submitPasswordOnly("handover", LabApi.PASSWORD);
        assertThat(firstStep.location()).endsWith("/login/password");
        assertThat(registrar.getPage("/login/mfa/enrol").location()).as("no enrolment before the new password").endsWith("/login");
        assertThat(registrar.getPage(TASKLIST).status()).isIn(302, 403);

        registrar.getPage("/login/password");
        assertThat(registrar.form("/login/password", Map.of("newPassword", LabApi.PASSWORD)).location())
                .endsWith("/login/password?error=given");
        assertThat(registrar.getPage("/login/password?error=given").text())
                .contains("受け取ったパスワードとは別のパスワードを選んでください", "Choose a password other than the one you were given");
        assertThat(registrar.form("/login/password", Map.of("newPassword", "short")).location())
                .endsWith("/login/password?error=too-short");
        assertThat(registrar.getPage("/login/password?error=too-short").text())
                .contains("12文字以上にしてください", "use at least 12 characters");
        registrar.getPage("/login/password");
        assertThat(registrar.form("/login/password", Map.of("newPassword", "the-reviewers-own-choice")).location())
                .endsWith("/login/mfa/enrol");

        // A manufacturer's registration password does not open the API either, until its owner has replaced it.
        assertThat(api.post("/api/manufacturers/" + COMPANY + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", "newmaker", "password", LabApi.PASSWORD)).status()).isEqualTo(201);
        assertThat(api.get("/api/catalog", "newmaker", LabApi.PASSWORD).status()).isEqualTo(401);
        api.browser().submitPassword("newmaker", LabApi.PASSWORD);
        assertThat(api.get("/api/catalog", "newmaker", api.passwordOf("newmaker")).status()).isEqualTo(200);
    }

    @Test
    void theAnswerToThePasswordCarriesTheNewCsrfTokenSoAScriptPostsTheNextStepAtOnce() {
        api.registerStaff("scripted", "engineer");
        LabApi.BrowserSession script = api.browser();
        script.getPage("/login");
        String before = script.cookie("JCSTAR-CSRF");
        LabApi.Reply afterPassword = script.form("/login", Map.of("username", "scripted", "password", LabApi.PASSWORD));
        assertThat(afterPassword.location()).endsWith("/login/password");
        String fresh = script.cookie("JCSTAR-CSRF");
        assertThat(fresh).as("README: the token is read from the cookie jar right after the password").isNotBlank()
                .isNotEqualTo(before);
        // No page in between, as the README's recipe does it.
        assertThat(script.form("/login/password", Map.of("newPassword", "the-scripts-own-passphrase", "_csrf", fresh))
                .location()).endsWith("/login/mfa/enrol");
    }

    @Test
    void aCodeIsAcceptedOnceAndSoIsARecoveryCode() {
        api.registerStaff("replayer", "reviewer");
        LabApi.BrowserSession first = api.browser();
        first.submitPassword("replayer", LabApi.PASSWORD);
        String secret = LabApi.between(first.getPage("/login/mfa/enrol").text(), "<code id=secret>", "</code>");
        long now = Instant.now().getEpochSecond() / 30;
        LabApi.Reply enrolled = first.form("/login/mfa/enrol", Map.of("code", LabApi.totpAt(secret, now)));
        List<String> recoveryCodes = List.of(enrolled.text().split("<code>")).stream().skip(1)
                .map(part -> part.substring(0, part.indexOf("</code>"))).toList();
        assertThat(recoveryCodes).hasSize(10);

        // The same code again, in a new login: refused. So is the step before it.
        LabApi.BrowserSession replay = api.browser();
        assertThat(replay.submitPassword("replayer", LabApi.PASSWORD).location()).endsWith("/login/mfa");
        replay.getPage("/login/mfa");
        assertThat(replay.form("/login/mfa", Map.of("code", LabApi.totpAt(secret, now))).location())
                .endsWith("/login/mfa?error");
        replay.getPage("/login/mfa");
        assertThat(replay.form("/login/mfa", Map.of("code", LabApi.totpAt(secret, now - 1))).location())
                .endsWith("/login/mfa?error");
        assertThat(replay.getPage(TASKLIST).status()).isIn(302, 403);

        // A recovery code works once.
        replay.getPage("/login/mfa");
        assertThat(replay.form("/login/mfa", Map.of("code", recoveryCodes.get(0))).location()).endsWith(TASKLIST);
        assertThat(replay.getPage(TASKLIST).status()).isEqualTo(200);
        LabApi.BrowserSession again = api.browser();
        again.submitPassword("replayer", LabApi.PASSWORD);
        again.getPage("/login/mfa");
        assertThat(again.form("/login/mfa", Map.of("code", recoveryCodes.get(0))).location()).endsWith("/login/mfa?error");
    }

    @Test
    void wrongSecondFactorCodesLockTheAccountUntilUnlocked() {
        api.registerStaff("guessed", "engineer");
        LabApi.BrowserSession owner = api.browser();
        owner.login("guessed", LabApi.PASSWORD);
        LabApi.BrowserSession attacker = api.browser();
        attacker.submitPassword("guessed", LabApi.PASSWORD);
        for (int attempt = 1; attempt < 5; attempt++) {
            attacker.getPage("/login/mfa");
            assertThat(attacker.form("/login/mfa", Map.of("code", "00000" + attempt)).location()).endsWith("/login/mfa?error");
        }
        attacker.getPage("/login/mfa");
        LabApi.Reply fifth = attacker.form("/login/mfa", Map.of("code", "000009"));
        assertThat(fifth.location()).as("the fifth wrong code ends the session").endsWith("/login?locked");
        assertThat(attacker.getPage(TASKLIST).status()).isEqualTo(302);

        LabApi.BrowserSession rightful = api.browser();
        rightful.submitPassword("guessed", LabApi.PASSWORD);
        rightful.getPage("/login/mfa");
        assertThat(rightful.form("/login/mfa", Map.of("code", api.nextCode("guessed"))).location())
                .as("even the right code is refused while locked").endsWith("/login?locked");

        assertThat(api.post("/api/users/guessed/unlock", "admin", WebAppTest.ADMIN_PASSWORD, Map.of()).status()).isEqualTo(204);
        LabApi.BrowserSession afterUnlock = api.browser();
        afterUnlock.login("guessed", LabApi.PASSWORD);
        assertThat(afterUnlock.getPage(TASKLIST).status()).isEqualTo(200);
    }

    @Test
    void aSessionIsUnusableAfterLogout() {
        LabApi.BrowserSession browser = api.browser();
        browser.login(REVIEWER, LabApi.PASSWORD);
        assertThat(browser.getPage(TASKLIST).status()).isEqualTo(200);
        HttpCookie session = browser.cookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();

        browser.getPage("/login");
        LabApi.Reply loggedOut = browser.sendJson("POST", "/logout", null, true);
        assertThat(loggedOut.location()).endsWith("/login?logout");

        // The old session cookie, replayed by someone who kept it, opens nothing.
        LabApi.BrowserSession thief = api.browser();
        thief.cookieStore().add(URI.create("http://localhost:" + port), session);
        assertThat(thief.getPage(TASKLIST).status()).isEqualTo(302);
        assertThat(thief.getPage("/api/account/tokens").status()).isEqualTo(302);
    }

    @Test
    void aPasswordChangeEndsEverySessionOfTheUser() {
        api.registerManufacturerUser(COMPANY, "changer");
        LabApi.BrowserSession laptop = api.browser();
        LabApi.BrowserSession phone = api.browser();
        laptop.login("changer", LabApi.PASSWORD);
        phone.login("changer", LabApi.PASSWORD);
        assertThat(laptop.getPage(TASKLIST).status()).isEqualTo(200);
        assertThat(phone.getPage(TASKLIST).status()).isEqualTo(200);

        LabApi.Reply weak = laptop.postJson("/api/account/password",
                Map.of("currentPassword", api.passwordOf("changer"), "newPassword", "too-short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(laptop.getPage(TASKLIST).status()).as("a refused change ends nothing").isEqualTo(200);

        api.registerStaff("changerstaff", "engineer");
        String token = api.loginForToken("changerstaff", LabApi.PASSWORD);
        assertThat(bearer(token).status()).isEqualTo(200);
        LabApi.BrowserSession staffSession = api.browser();
        staffSession.login("changerstaff", LabApi.PASSWORD);
        assertThat(staffSession.postJson("/api/account/password", Map.of("currentPassword",
                api.passwordOf("changerstaff"), "newPassword", "the-staff-member-s-new-one")).status()).isEqualTo(204);
        assertThat(bearer(token).status()).as("a password change revokes the user's tokens").isEqualTo(401);

        String fresh = "a-brand-new-passphrase-2026";
        assertThat(laptop.postJson("/api/account/password",
                Map.of("currentPassword", api.passwordOf("changer"), "newPassword", fresh)).status()).isEqualTo(204);
        assertThat(laptop.getPage(TASKLIST).status()).isEqualTo(302);
        assertThat(phone.getPage(TASKLIST).status()).isEqualTo(302);
        assertThat(api.get("/api/catalog", "changer", fresh).status()).isEqualTo(200);
        assertThat(api.get("/api/catalog", "changer", LabApi.PASSWORD + "x").status()).isEqualTo(401);
        assertThat(api.get("/api/catalog", "changer", api.passwordOf("changer")).status()).as("the old one").isEqualTo(401);

        // An administrator resetting the password in Camunda's API ends the sessions too.
        LabApi.BrowserSession again = api.browser();
        again.login("changer", fresh);
        assertThat(again.getPage(TASKLIST).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/engine-rest/user/changer/credentials", "admin", Map.of(
                "password", "reset-by-the-lab-2026", "authenticatedUserPassword", WebAppTest.ADMIN_PASSWORD)).status())
                .isEqualTo(204);
        assertThat(again.getPage(TASKLIST).status()).isEqualTo(302);
    }

    @Test
    void aNewSessionIdIsIssuedAtEachLoginStep() {
        LabApi.BrowserSession browser = api.browser();
        browser.getPage("/login");
        String before = browser.cookie("JSESSIONID");
        browser.login(staffWithSecondFactor("slsession"), LabApi.PASSWORD);
        assertThat(browser.cookie("JSESSIONID")).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() {
        LabApi.BrowserSession browser = api.browser();
        browser.login(staffWithSecondFactor("slcsrf"), LabApi.PASSWORD);
        assertThat(browser.sendJson("POST", "/api/account/tokens", Map.of("name", "forged"), false).status()).isEqualTo(403);
        assertThat(browser.sendJson("POST", "/api/account/tokens", Map.of("name", "genuine"), true).status()).isEqualTo(201);
        // The webapps' own API keeps Camunda's CSRF protection.
        LabApi.Reply webapp = browser.sendJson("POST", "/camunda/api/engine/engine/default/task", Map.of(), false);
        assertThat(webapp.status()).isEqualTo(403);
        assertThat(webapp.header("X-XSRF-TOKEN")).isEqualTo("Required");
        // A login form without the token is refused too.
        LabApi.BrowserSession forged = api.browser();
        assertThat(forged.form("/login", Map.of("username", ENGINEER, "password", LabApi.PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        LabApi.Reply login = api.browser().getPage("/login");
        assertThat(login.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "default-src 'self'");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();
        LabApi.Reply apiReply = api.get("/api/catalog", ENGINEER);
        assertThat(apiReply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(apiReply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(apiReply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void apiTokensWorkAsBearerAndBasicUntilRevokedOrExpired() {
        LabApi.BrowserSession browser = api.browser();
        String engineer = staffWithSecondFactor("sltokens");
        browser.login(engineer, LabApi.PASSWORD);
        LabApi.Reply created = browser.postJson("/api/account/tokens", Map.of("name", "CI script", "validDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asText();
        long id = created.json().path("id").asLong();
        assertThat(token).startsWith("jcs_");

        assertThat(bearer(token).status()).isEqualTo(200);
        assertThat(api.get("/api/catalog", engineer, token).status()).isEqualTo(200);
        assertThat(api.get("/api/catalog", REVIEWER, token).status()).as("someone else's token").isEqualTo(401);
        assertThat(browser.getPage("/api/account/tokens").text()).contains("CI script").doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single())
                .as("only the hash is stored").isZero();

        assertThat(browser.sendJson("DELETE", "/api/account/tokens/" + id, null, true).status()).isEqualTo(204);
        assertThat(bearer(token).status()).isEqualTo(401);

        String expiring = browser.postJson("/api/account/tokens", Map.of("name", "expiring")).json().path("token").asText();
        assertThat(bearer(expiring).status()).isEqualTo(200);
        jdbc.sql("update api_token set expires_at = ? where name = 'expiring'")
                .param(OffsetDateTime.now().minusMinutes(1)).update();
        assertThat(bearer(expiring).status()).isEqualTo(401);
    }

    @Test
    void aManufacturerMayEnrolAndThenItsPasswordNoLongerOpensTheApi() {
        api.registerManufacturerUser(COMPANY, "careful");
        assertThat(api.get("/api/catalog", "careful", LabApi.PASSWORD).status()).isEqualTo(200);
        LabApi.BrowserSession browser = api.browser();
        assertThat(browser.submitPassword("careful", LabApi.PASSWORD).location()).endsWith(TASKLIST);
        String secret = LabApi.between(browser.getPage("/login/mfa/enrol").text(), "<code id=secret>", "</code>");
        assertThat(browser.form("/login/mfa/enrol", Map.of("code", api.firstCode("careful", secret))).status()).isEqualTo(200);
        assertThat(api.get("/api/catalog", "careful", LabApi.PASSWORD).status()).isEqualTo(401);
    }

    private LabApi.Reply bearer(String token) {
        return LabApi.exchange(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog"))
                        .header("Authorization", "Bearer " + token).GET());
    }

    /**
     * A lab engineer of this test alone, with its own password and second factor: the server takes at most two codes
     * of one person per 30 seconds (replay protection), so tests that log in do not queue behind each other's codes.
     */
    private String staffWithSecondFactor(String user) {
        api.registerStaff(user, "engineer");
        api.loginForToken(user, LabApi.PASSWORD);
        return user;
    }
}
