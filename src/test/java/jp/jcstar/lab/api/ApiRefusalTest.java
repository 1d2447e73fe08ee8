package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may call what, and bad input: a clear 4xx that changes nothing. */
@WebAppTest
class ApiRefusalTest {

    /** Tries wrong passwords; kept apart from the users other tests log in as. */
    static final String LOCKED_OUT = "guesser";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogRepository catalogs;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (api.get("/engine-rest/user/" + LOCKED_OUT + "/profile", "admin", WebAppTest.ADMIN_PASSWORD).status() == 404) {
            api.createUser(WebAppTest.ADMIN_PASSWORD, LOCKED_OUT, "engineers");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/catalog", "/api/assessments/1", "/engine-rest/task", "/engine-rest/process-definition",
            "/engine-rest/user"})
    void everyApiNeedsAuthentication(String path) {
        assertThat(api.get(path, null).status()).isEqualTo(401);
        // A wrong password for a real user (who is then throttled by the engine) and for nobody look the same.
        assertThat(api.get(path, LOCKED_OUT, "wrong-password-123").status()).isEqualTo(401);
        assertThat(api.get(path, "nobody", "wrong-password-123").status()).isEqualTo(401);
        assertThat(api.get(path, ENGINEER).status()).isNotEqualTo(401);
    }

    @Test
    void applicationWithUnknownScopeOrMissingProductNameIsRefusedAndNothingIsStored() {
        long before = assessmentCount();

        LabApi.Reply unknownScope = api.post("/api/assessments", MANUFACTURER, application("スマートプラグ", List.of("DEVICE", "FRIDGE")));
        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.json().path("detail").asText())
                .contains("評価範囲（scope）: DEVICE, APP, CLOUD のいずれかにしてください（「FRIDGE」は選べません）。",
                        "Scope (scope): must be one of DEVICE, APP, CLOUD, was 'FRIDGE'.");

        LabApi.Reply noName = api.post("/api/assessments", MANUFACTURER, application(" ", List.of("DEVICE")));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("detail").asText()).contains("Product name (productName): is required.");

        LabApi.Reply malformed = api.post("/api/assessments", MANUFACTURER, "{not json");
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(assessmentCount()).isEqualTo(before);
    }

    @Test
    void onlyManufacturersAndLabManagersApply() {
        LabApi.Reply byEngineer = api.post("/api/assessments", ENGINEER, application("スマートプラグ", List.of("DEVICE")));
        assertThat(byEngineer.status()).isEqualTo(403);
        Map<String, Object> onBehalf = new HashMap<>(application("スマートプラグ", List.of("DEVICE")));
        LabApi.Reply unnamed = api.post("/api/assessments", "admin", WebAppTest.ADMIN_PASSWORD, onBehalf);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().path("detail").asText()).contains("登録事業者IDを入力してください",
                "Registered company id: lab staff applying on a manufacturer's behalf must name its company");
        onBehalf.put("manufacturerId", COMPANY);
        LabApi.Reply byAdministrator = api.post("/api/assessments", "admin", WebAppTest.ADMIN_PASSWORD, onBehalf);
        assertThat(byAdministrator.status()).as(byAdministrator.text()).isEqualTo(201);
    }

    @Test
    void verdictOtherThanPassFailOrNaIsRefusedOnBothApisAndTheTaskStaysOpen() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        Map<String, Object> bad = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION))
                .judge("DOC-07", "OK", "looks fine").variables();

        LabApi.Reply viaApi = api.post("/api/tasks/" + task + "/complete", ENGINEER, bad);
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(viaApi.json().path("detail").asText()).contains("DOC-07 Threat model: must be one of PASS, FAIL, NA, was 'OK'")
                .doesNotContain("verdict_");

        Map<String, Object> typed = new HashMap<>();
        bad.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        LabApi.Reply viaEngineRest = api.post("/engine-rest/task/" + task + "/complete", ENGINEER, Map.of("variables", typed));
        assertThat(viaEngineRest.status()).isEqualTo(400);
        assertThat(viaEngineRest.json().path("message").asText()).contains("DOC-07 Threat model: must be one of PASS, FAIL, NA")
                .doesNotContain("verdict_", "ENGINE-");

        assertThat(api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER)).isEqualTo(task);
        assertThat(jdbc.sql("select count(*) from check_result where assessment_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOpenApiDescriptionDocumentsRegistrationAndNeedsAuthentication() {
        assertThat(api.get("/api/openapi", null).status()).isEqualTo(401);
        LabApi.Reply description = api.get("/api/openapi", ENGINEER);
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().path("paths").fieldNames()).toIterable()
                .contains("/api/assessments", "/api/manufacturers", "/api/manufacturers/{companyId}/users", "/api/staff",
                        "/api/tasks/{taskId}/complete", "/api/admin/process-versions/migrate");
        assertThat(description.json().path("info").path("description").asText()).contains("POST /api/staff");
    }

    @Test
    void unboundedAndOversizedQueriesAreRefused() {
        LabApi.Reply unbounded = api.get("/engine-rest/task", ENGINEER);
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.json().path("message").asText()).contains("An unbound number of results is forbidden");
        assertThat(api.get("/engine-rest/task?firstResult=0&maxResults=5000", ENGINEER).status()).isEqualTo(400);
        assertThat(api.get("/engine-rest/task?firstResult=0&maxResults=2000", ENGINEER).status()).isEqualTo(200);
    }

    @Test
    void completingATaskTwiceIsRefused() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        Map<String, Object> pass = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables();

        assertThat(api.post("/api/tasks/" + task + "/complete", ENGINEER, pass).status()).isEqualTo(204);
        LabApi.Reply again = api.post("/api/tasks/" + task + "/complete", ENGINEER, pass);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("detail").asText()).contains("does not exist or is already completed");
    }

    @Test
    void manufacturerCannotSeeOrCompleteAnEngineersTask() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        Map<String, Object> pass = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables();
        assertThat(api.post("/api/tasks/" + task + "/complete", MANUFACTURER, pass).status()).isEqualTo(404);
        Map<String, Object> typed = new HashMap<>();
        pass.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        assertThat(api.post("/engine-rest/task/" + task + "/complete", MANUFACTURER, Map.of("variables", typed)).status())
                .isIn(403, 404);
        // A reviewer sees the task (lab staff follow every assessment) but it is not theirs to do.
        LabApi.Reply byReviewer = api.post("/api/tasks/" + task + "/complete", REVIEWER, pass);
        assertThat(byReviewer.status()).isEqualTo(403);
        assertThat(byReviewer.json().path("detail").asText()).contains("is for engineers");
        assertThat(api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER)).isEqualTo(task);
    }

    @Test
    void aManufacturerCannotActAsAnAdministratorThroughCamundasApi() {
        long id = apply();
        String processInstance = jdbc.sql("select process_instance_id from assessment where id = ?").param(id)
                .query(String.class).single();

        assertThat(api.put("/engine-rest/group/camunda-admin/members/" + MANUFACTURER, MANUFACTURER, LabApi.PASSWORD)
                .status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/process-instance/" + processInstance + "/variables", MANUFACTURER,
                Map.of("modifications", Map.of("retestLimit", Map.of("value", 99, "type", "Integer")))).status())
                .isIn(403, 404);
        assertThat(api.get("/engine-rest/process-instance/" + processInstance + "/variables/retestLimit", "admin",
                WebAppTest.ADMIN_PASSWORD).json().path("value").asInt())
                .isEqualTo(jdbc.sql("select retest_limit from assessment where id = ?").param(id).query(Integer.class).single())
                .isNotEqualTo(99);
        assertThat(api.get("/engine-rest/user?firstResult=0&maxResults=100", MANUFACTURER).json().findValuesAsText("id"))
                .containsExactly(MANUFACTURER);
        // Engineers do not apply: a start with nothing but the start form's fields, valid, reaches the engine's
        // authorization check and is refused there, and no assessment is registered.
        long assessments = assessmentCount();
        LabApi.Reply startedByEngineer = api.post("/engine-rest/process-definition/key/process_jcstarAssessment/start",
                ENGINEER, Map.of("variables", Map.of(
                        "manufacturerId", Map.of("value", COMPANY, "type", "String"),
                        "productName", Map.of("value", "技術者の申請", "type", "String"),
                        "modelNumbers", Map.of("value", "ENG-1", "type", "String"),
                        "starLevel", Map.of("value", "STAR-1", "type", "String"),
                        "scopeDevice", Map.of("value", true, "type", "Boolean"))));
        assertThat(startedByEngineer.status()).as(startedByEngineer.text()).isEqualTo(403);
        assertThat(startedByEngineer.json().path("message").asText()).contains("user with id '" + ENGINEER + "' does not have", "permission");
        assertThat(assessmentCount()).isEqualTo(assessments);
        assertThat(api.get("/engine-rest/group/camunda-admin/members", "admin", WebAppTest.ADMIN_PASSWORD).status())
                .isNotEqualTo(403);
    }

    @Test
    void onlyTheFieldsOfTheTasksFormAreAccepted() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        Map<String, Object> tampered = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION))
                .with("retestLimit", 99).with("assessmentId", 1).variables();

        LabApi.Reply reply = api.post("/api/tasks/" + task + "/complete", ENGINEER, tampered);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains("Not recorded, correct and submit again",
                "retestLimit: not a field you fill in on form form_reviewDocumentation",
                "assessmentId: not a field you fill in on form form_reviewDocumentation");
        assertThat(api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER)).isEqualTo(task);
        assertThat(jdbc.sql("select count(*) from check_result where assessment_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void reportsThatDoNotExistAreNotFound() {
        long id = apply();
        assertThat(api.get("/api/assessments/999999/reports/final", ENGINEER).status()).isEqualTo(404);
        LabApi.Reply noIssueList = api.get("/api/assessments/" + id + "/reports/issue-list?round=1", ENGINEER);
        assertThat(noIssueList.status()).isEqualTo(404);
        assertThat(noIssueList.json().path("detail").asText()).contains("has no issue list for round 1");
        assertThat(api.get("/api/assessments/" + id + "/reports/issue-list?round=one", ENGINEER).status()).isEqualTo(400);
    }

    private long apply() {
        LabApi.Reply reply = api.post("/api/assessments", MANUFACTURER, application("スマートカメラ C2", List.of("DEVICE")));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private static Map<String, Object> application(String productName, List<String> scope) {
        return Map.of("productName", productName, "modelNumbers", "TC-2",
                "firmwareVersion", "3.1", "starLevel", "STAR-1", "scope", scope);
    }

    private long assessmentCount() {
        return jdbc.sql("select count(*) from assessment").query(Long.class).single();
    }
}
