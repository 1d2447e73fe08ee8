package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Accounts: registration rights, the password policy, lockout, and the engine weaknesses closed in front of it. */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class AccountSecurityTest {

    @LocalServerPort int port;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "eleven chars, elevenchars, a password needs at least 12 characters",
            "common password, 1qaz2wsx3edc, this password is on the list of commonly used passwords",
            "common password in capitals, Q1W2E3R4T5Y6, this password is on the list of commonly used passwords"})
    void weakPasswordsAreRefused(String why, String password, String message) {
        LabApi.Reply reply = api.post("/api/staff", "admin", WebAppTest.ADMIN_PASSWORD, staff("weak" + Math.abs(why.hashCode()), password));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains("password: " + message);
    }

    @Test
    void aPasswordOfMoreThan128CharactersIsRefusedAnd128AreAccepted() {
        LabApi.Reply tooLong = api.post("/api/staff", "admin", WebAppTest.ADMIN_PASSWORD, staff("longpw1", "x".repeat(129)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asText()).contains("a password has at most 128 characters");
        String longest = "長いパスフレーズ".repeat(16);
        assertThat(api.post("/api/manufacturers/" + COMPANY + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                staff("longpw2", longest)).status()).isEqualTo(201);
        assertThat(api.browser().submitPasswordOnly("longpw2", longest).location()).endsWith("/login/password");
    }

    @Test
    void theEngineAppliesThePolicyToUsersCreatedInCamundaAdminToo() {
        LabApi.Reply reply = api.post("/engine-rest/user/create", "admin", WebAppTest.ADMIN_PASSWORD, Map.of(
                "profile", Map.of("id", "viaadmin", "firstName", "Via", "lastName", "Admin", "email", "v@lab.example"),
                "credentials", Map.of("password", "short")));
        assertThat(reply.status()).isNotEqualTo(204);
        assertThat(api.get("/engine-rest/user/viaadmin/profile", "admin", WebAppTest.ADMIN_PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void onlyLabManagersAndAdministratorsRegister() {
        assertThat(api.post("/api/staff", ENGINEER, staff("sneaky1", "a-long-enough-passphrase")).status()).isEqualTo(403);
        assertThat(api.post("/api/manufacturers", MANUFACTURER, Map.of("id", "fake-co", "name", "Fake")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/manufacturers/" + COMPANY + "/users", MANUFACTURER,
                Map.of("id", "friend", "password", "a-long-enough-passphrase")).status()).isEqualTo(403);
        LabApi.Reply badRole = api.post("/api/staff", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", "x1", "password", "a-long-enough-passphrase", "role", "wizard"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("detail").asText())
                .contains("role: must be one of engineer, reviewer, lab-manager, process-admin");
    }

    @Test
    void anAccountIsLockedAfterTheConfiguredFailuresUntilUnlocked(CapturedOutput output) {
        api.registerManufacturerUser(COMPANY, "locky");
        assertThat(api.get("/api/catalog", "locky").status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api.get("/api/catalog", "locky", "wrong-password-" + attempt).status()).isEqualTo(401);
        }
        LabApi.Reply locked = api.get("/api/catalog", "locky");
        assertThat(locked.status()).as("the right password no longer opens a locked account").isEqualTo(401);
        // Same answer as for a user that does not exist: nothing tells a guesser which accounts are real.
        assertThat(api.get("/api/catalog", "nobody-at-all").status()).isEqualTo(401);

        assertThat(api.post("/api/users/locky/unlock", ENGINEER, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/users/locky/unlock", "admin", WebAppTest.ADMIN_PASSWORD, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/catalog", "locky").status()).isEqualTo(200);
        assertThat(output.getAll()).contains("event=ACCOUNT_LOCKED user=\"locky\" from=\"127.0.0.1\"")
                .contains("event=ACCOUNT_UNLOCKED user=\"admin\"");
    }

    @Test
    void adminsInitialSetupEndpointIsUnreachable() {
        Map<String, Object> admin = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N",
                "email", "i@example.com"), "credentials", Map.of("password", "an-intruders-passphrase"));
        for (String path : List.of("/camunda/api/admin/setup/default/user/create", "/camunda/api/admin/setup/default/user/create/")) {
            LabApi.Reply anonymous = api.post(path, null, null, admin);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.location()).endsWith("/login");
        }
        LabApi.BrowserSession administrator = api.browser();
        administrator.login("admin", WebAppTest.ADMIN_PASSWORD);
        assertThat(administrator.sendJson("POST", "/camunda/api/admin/setup/default/user/create", admin, true).status())
                .isEqualTo(403);
        assertThat(api.get("/engine-rest/user/intruder/profile", "admin", WebAppTest.ADMIN_PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void taskQueriesWithExpressionsAreRefusedEvenInsideOrQueries() {
        LabApi.Reply orQuery = api.post("/engine-rest/task", ENGINEER, Map.of("orQueries",
                List.of(Map.of("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}"))));
        assertThat(orQuery.status()).isEqualTo(400);
        assertThat(orQuery.json().path("message").asText()).contains("Expressions in queries are not allowed: assigneeExpression");
        assertThat(api.get("/engine-rest/task?candidateGroupExpression=%24%7BcurrentUserGroups()%7D", ENGINEER).status())
                .isEqualTo(400);
        assertThat(api.post("/engine-rest/task/count", ENGINEER, Map.of("orQueries",
                List.of(Map.of("dueDateExpression", "${now()}")))).status()).isEqualTo(400);
        // However the media type is spelt, and however the field name is cased.
        String casedQuery = "{\"orQueries\":[{\"assigneeEXPRESSION\":\"${now()}\"}]}";
        for (String contentType : List.of("Application/JSON", "APPLICATION/JSON;charset=UTF-8", "application/vnd.x+json")) {
            LabApi.Reply reply = api.sendRaw("POST", "/engine-rest/task/count", MANUFACTURER, contentType, casedQuery);
            assertThat(reply.status()).as(contentType).isEqualTo(400);
        }
        // An ordinary query still works.
        assertThat(api.post("/engine-rest/task?firstResult=0&maxResults=50", ENGINEER, Map.of("orQueries",
                List.of(Map.of("assignee", ENGINEER), Map.of("candidateGroup", "engineers")))).status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsStartAProcessAtAnotherStepOrWithoutItsListeners() {
        for (Map<String, Object> start : List.of(
                Map.<String, Object>of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", USER_TASK_REVIEW_REPORT))),
                Map.<String, Object>of("skipCustomListeners", true), Map.<String, Object>of("skipIoMappings", true))) {
            LabApi.Reply reply = api.post("/engine-rest/process-definition/key/process_jcstarAssessment/start",
                    MANUFACTURER, start);
            assertThat(reply.status()).as(start + " " + reply.text()).isEqualTo(403);
        }
        assertThat(api.get("/engine-rest/task?taskDefinitionKey=userTask_reviewReport&firstResult=0&maxResults=10",
                REVIEWER).json().findValuesAsText("processInstanceId")).allSatisfy(id ->
                assertThat(api.get("/engine-rest/process-instance/" + id, REVIEWER).json().path("businessKey").asText())
                        .startsWith("JCS-"));
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String task = api.openTask(api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "直列化テスト機", "modelNumbers", "SER-1", "firmwareVersion", "1", "starLevel", "STAR-1",
                "scope", List.of("DEVICE"))).json().path("id").asLong(), USER_TASK_SUPPLY_DOCUMENTS, ENGINEER);
        Map<String, Object> hashMap = Map.of(
                "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAB3CAAAABAAAAAAeA==",
                "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                        "serializationDataFormat", "application/x-java-serialized-object"));
        // Lab staff write no variables at all; the engine's command guard refuses before the value is looked at.
        LabApi.Reply byStaff = api.send("PUT", "/engine-rest/task/" + task + "/variables/payload", ENGINEER, hashMap);
        assertThat(byStaff.status()).as(byStaff.text()).isEqualTo(403);
        assertThat(byStaff.json().path("message").asText()).contains("Variables are recorded only by completing your task");
        // An administrator may write variables, but not Java-serialized ones: the engine refuses the format.
        LabApi.Reply serialized = api.send("PUT", "/engine-rest/task/" + task + "/variables/payload", "admin", hashMap);
        assertThat(serialized.status()).as(serialized.text()).isIn(400, 403, 500);
        assertThat(serialized.text()).contains("Java serialization format is prohibited");
        assertThat(api.get("/engine-rest/task/" + task + "/variables/payload", ENGINEER).status()).isEqualTo(404);
        assertThat(api.get("/engine-rest/task/" + task + "/variables/payload", "admin", WebAppTest.ADMIN_PASSWORD)
                .status()).isEqualTo(404);
    }

    @Test
    void securityAndWorkflowEventsAreAuditedWithoutSecrets(CapturedOutput output) {
        api.registerManufacturerUser(COMPANY, "auditee");
        api.get("/api/catalog", "auditee", "a-wrong-secret-guess");
        api.get("/api/catalog", "auditee");
        api.post("/api/staff", "auditee", staff("notallowed", "a-long-enough-passphrase"));
        api.post("/api/assessments", MANUFACTURER, Map.of("productName", "監査テスト",
                "modelNumbers", "AU-1", "firmwareVersion", "1", "starLevel", "STAR-1", "scope", List.of("DEVICE")));

        String log = output.getAll();
        assertThat(log).contains("event=ACCOUNT_REGISTERED user=\"admin\"")
                .contains("event=LOGIN_FAILURE user=\"auditee\" from=\"127.0.0.1\"")
                .contains("event=LOGIN_SUCCESS user=\"auditee\" from=\"127.0.0.1\"")
                .contains("event=AUTHORIZATION_DENIED user=\"auditee\" from=\"127.0.0.1\"")
                .containsPattern("event=WORKFLOW_DECISION user=\"maker\" .*decision=\"APPLIED\"");
        assertThat(log).doesNotContain("a-wrong-secret-guess").doesNotContain(LabApi.PASSWORD);
    }

    private static Map<String, Object> staff(String id, String password) {
        return Map.of("id", id, "firstName", "Test", "lastName", "Staff", "email", id + "@lab.example",
                "password", password, "role", "engineer");
    }
}
