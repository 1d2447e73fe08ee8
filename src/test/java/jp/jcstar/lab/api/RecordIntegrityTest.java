package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentSearch;
import jp.jcstar.lab.assessment.CheckResultRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manufacturer wants a PASS: it tries to plant verdicts, a reviewer's decision, an applicant and a forged
 * documents overview through every API it can reach (the app's, /engine-rest, Tasklist's own), and to move its due
 * date or hand its task on. Each is refused and nothing is recorded or changed.
 */
@WebAppTest
class RecordIntegrityTest {

    static final String START = "/engine-rest/process-definition/key/process_jcstarAssessment";
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;
    @Autowired CheckResultRepository results;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
    }

    @Test
    void startVariablesBeyondTheStartFormAreRefusedOnEveryRoute() {
        long before = assessments.page(true, List.of(), AssessmentSearch.ALL, 0, 1).total();
        Map<String, Object> planted = new HashMap<>(engineVariables(Map.of("productName", "偽装ロック",
                "modelNumbers", "F-1", "cloudVersion", "1", "starLevel", "STAR-1", "scopeCloud", true)));
        planted.putAll(engineVariables(Map.of("verdict_CLD_04", "PASS", "applicant", ENGINEER,
                "reviewDecision", "APPROVE", "documentsOverview", "<script>alert(1)</script>")));

        LabApi.Reply start = api.post(START + "/start", MANUFACTURER, Map.of("variables", planted));
        assertThat(start.status()).as(start.text()).isEqualTo(400);
        assertThat(start.text()).contains("verdict_CLD_04: not a field you fill in on form form_application",
                "applicant: not a field", "reviewDecision: not a field", "documentsOverview: not a field");
        LabApi.Reply submitForm = api.post(START + "/submit-form", MANUFACTURER, Map.of("variables", planted));
        assertThat(submitForm.status()).as(submitForm.text()).isEqualTo(400);

        LabApi.BrowserSession tasklist = api.browser();
        tasklist.login(MANUFACTURER, LabApi.PASSWORD);
        LabApi.Reply viaTasklist = tasklist.sendToWebappApi("POST",
                TASKLIST_API + "/process-definition/key/process_jcstarAssessment/submit-form", Map.of("variables", planted));
        assertThat(viaTasklist.status()).as(viaTasklist.text()).isEqualTo(400);
        assertThat(assessments.page(true, List.of(), AssessmentSearch.ALL, 0, 1).total()).isEqualTo(before);
    }

    @Test
    void theRegisteredNameAndTheAuthenticatedApplicantAreRecordedWhateverTheClientSays() {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("manufacturer", "偽物電機株式会社",
                "productName", "名前テスト", "modelNumbers", "N-1", "cloudVersion", "1", "starLevel", "STAR-1",
                "scope", List.of("CLOUD")));
        assertThat(applied.status()).isEqualTo(201);
        JsonNode assessment = api.get("/api/assessments/" + applied.json().path("id").asLong(), MANUFACTURER).json();
        assertThat(assessment.path("manufacturer").asText()).isEqualTo("株式会社サンプル電機");
        assertThat(assessments.get(applied.json().path("id").asLong()).appliedBy()).isEqualTo(MANUFACTURER);
    }

    @Test
    void aManufacturerWritesNothingBeyondItsOwnFormOnAnyRoute() {
        long id = apply();
        String task = api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER);
        String processInstance = assessments.get(id).processInstanceId();
        Map<String, Object> extra = engineVariables(Map.of("documentsSupplied", "all", "verdict_DOC_01", "PASS",
                "retest_CLD_04", true));

        List<LabApi.Reply> refused = List.of(
                api.post("/api/tasks/" + task + "/complete", MANUFACTURER, Map.of("documentsSupplied", "all", "verdict_DOC_01", "PASS")),
                api.post("/engine-rest/task/" + task + "/complete", MANUFACTURER, Map.of("variables", extra)),
                api.post("/engine-rest/task/" + task + "/submit-form", MANUFACTURER, Map.of("variables", extra)),
                api.send("PUT", "/engine-rest/task/" + task + "/variables/verdict_DOC_01", MANUFACTURER,
                        Map.of("value", "PASS", "type", "String")),
                api.send("PUT", "/engine-rest/task/" + task + "/localVariables/verdict_DOC_01", MANUFACTURER,
                        Map.of("value", "PASS", "type", "String")),
                api.post("/engine-rest/task/" + task + "/variables", MANUFACTURER, Map.of("modifications", extra)),
                api.post("/engine-rest/process-instance/" + processInstance + "/variables", MANUFACTURER,
                        Map.of("modifications", extra)),
                api.send("PUT", "/engine-rest/execution/" + processInstance + "/localVariables/documentsOverview",
                        MANUFACTURER, Map.of("value", "<img src=x onerror=alert(1)>", "type", "String")),
                api.post("/engine-rest/message", MANUFACTURER, Map.of("messageName", "any",
                        "processInstanceId", processInstance, "processVariables", extra)),
                api.post("/engine-rest/signal", MANUFACTURER, Map.of("name", "any", "variables", extra)));
        refused.forEach(reply -> assertThat(reply.status()).as(reply.text()).isIn(400, 403, 404));

        LabApi.BrowserSession tasklist = api.browser();
        tasklist.login(MANUFACTURER, LabApi.PASSWORD);
        for (LabApi.Reply reply : List.of(
                tasklist.sendToWebappApi("POST", TASKLIST_API + "/task/" + task + "/variables", Map.of("modifications", extra)),
                tasklist.sendToWebappApi("POST", TASKLIST_API + "/task/" + task + "/submit-form", Map.of("variables", extra)))) {
            assertThat(reply.status()).as(reply.text()).isIn(400, 403);
        }

        Map<String, Object> variables = new HashMap<>();
        api.get("/engine-rest/process-instance/" + processInstance + "/variables", "admin", WebAppTest.ADMIN_PASSWORD)
                .json().fieldNames().forEachRemaining(name -> variables.put(name, true));
        assertThat(variables).doesNotContainKeys("verdict_DOC_01", "retest_CLD_04", "documentsSupplied");
        assertThat(api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER)).isEqualTo(task);
    }

    @Test
    void aManufacturerCannotMoveItsDueDateNorHandItsTaskOn() {
        long id = apply();
        String task = api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER);
        JsonNode before = api.get("/engine-rest/task/" + task, MANUFACTURER).json();

        Map<String, Object> moved = new HashMap<>();
        moved.put("name", before.path("name").asText());
        moved.put("due", "2028-12-31T00:00:00.000+0000");
        moved.put("followUp", "2028-12-01T00:00:00.000+0000");
        moved.put("assignee", ENGINEER);
        assertThat(api.send("PUT", "/engine-rest/task/" + task, MANUFACTURER, moved).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/assignee", MANUFACTURER, Map.of("userId", ENGINEER)).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/delegate", MANUFACTURER, Map.of("userId", ENGINEER)).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/identity-links", MANUFACTURER,
                Map.of("groupId", "engineers", "type", "candidate")).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/claim", MANUFACTURER, Map.of("userId", ENGINEER)).status()).isEqualTo(403);
        LabApi.BrowserSession tasklist = api.browser();
        tasklist.login(MANUFACTURER, LabApi.PASSWORD);
        assertThat(tasklist.sendToWebappApi("PUT", TASKLIST_API + "/task/" + task, moved).status()).isEqualTo(403);
        // Tasklist's own "remove due date": the task sent back as read, form reference included. The refusal says who
        // sets dates, in words, instead of Camunda's unreadable-body 400.
        ObjectNode asRead = (ObjectNode) tasklist.sendToWebappApi("GET", TASKLIST_API + "/task/" + task, null).json();
        assertThat(asRead.has("camundaFormRef")).isTrue();
        asRead.putNull("due");
        LabApi.Reply removed = tasklist.sendToWebappApi("PUT", TASKLIST_API + "/task/" + task, asRead);
        assertThat(removed.status()).as(removed.text()).isEqualTo(403);
        assertThat(removed.json().path("message").asText()).contains("期日・フォローアップ日・担当者・委任は",
                "Due dates, follow-up dates, assignees, owners and delegation are set by the process and the lab");

        JsonNode after = api.get("/engine-rest/task/" + task, MANUFACTURER).json();
        assertThat(after.path("due").asText()).isEqualTo(before.path("due").asText());
        assertThat(after.path("followUp").isNull()).isTrue();
        assertThat(after.path("assignee").isNull()).isTrue();
        // Its own claim is its to make.
        assertThat(api.post("/engine-rest/task/" + task + "/claim", MANUFACTURER, Map.of("userId", MANUFACTURER)).status()).isEqualTo(204);
    }

    @Test
    void tasklistsDateChangeOfATaskWithAFormReachesTheEngine() {
        long id = apply();
        String task = api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER);
        // As Tasklist saves a follow-up date: the task as it read it, with its form reference.
        ObjectNode asRead = (ObjectNode) api.get("/engine-rest/task/" + task, "admin", WebAppTest.ADMIN_PASSWORD).json();
        asRead.put("followUp", "2028-12-01T00:00:00.000+0000");
        LabApi.Reply saved = api.send("PUT", "/engine-rest/task/" + task, "admin", asRead);
        assertThat(saved.status()).as(saved.text()).isEqualTo(204);
        assertThat(api.get("/engine-rest/task/" + task, MANUFACTURER).json().path("followUp").asText()).startsWith("2028-12-01");
    }

    @Test
    void anEngineerCompletingWithoutTheFormsRequiredFieldsRecordsNothing() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);

        LabApi.Reply viaApi = api.post("/api/tasks/" + task + "/complete", ENGINEER, Map.of());
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(viaApi.json().path("detail").asText()).contains(
                "DOC-01 システム構成図（デバイス・アプリ・クラウド）: 選んでください。",
                "DOC-01 System architecture diagram (device - app - cloud): is required. Choose one.").doesNotContain("verdict_");
        LabApi.Reply viaEngineRest = api.post("/engine-rest/task/" + task + "/complete", ENGINEER, Map.of());
        assertThat(viaEngineRest.status()).as(viaEngineRest.text()).isEqualTo(400);
        assertThat(viaEngineRest.text()).contains("DOC-01 System architecture diagram (device - app - cloud): is required")
                .doesNotContain("verdict_", "ENGINE-");
        LabApi.Reply tooLong = api.post("/api/tasks/" + task + "/complete", ENGINEER, Map.of("documentRequest", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asText()).contains("What the manufacturer must supply: at most 4000 characters (4001 sent)");
        LabApi.Reply nul = api.post("/api/tasks/" + task + "/complete", ENGINEER, Map.of("observation_DOC_01", "a\u0000b"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("detail").asText()).contains("DOC-01 所見: 制御文字（NULなど）が含まれています。",
                "DOC-01 Observation: contains control characters");

        assertThat(results.list(id)).isEmpty();
        assertThat(api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER)).isEqualTo(task);
    }

    private long apply() {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "改ざん試験ロック",
                "modelNumbers", "T-1", "cloudVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private static Map<String, Object> engineVariables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : "String")));
        return variables;
    }
}
