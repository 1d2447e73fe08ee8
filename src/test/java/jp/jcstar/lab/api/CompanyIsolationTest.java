package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user of company B tries every endpoint that names company A's assessment, process instance, task, variable,
 * history entry and report, and gets 403/404 or an empty list, never data.
 */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class CompanyIsolationTest {

    static final String RIVAL_COMPANY = "rival-works";
    static final String RIVAL = "rival";

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;
    @Autowired CatalogRepository catalogs;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (api.get("/engine-rest/user/" + RIVAL + "/profile", "admin", WebAppTest.ADMIN_PASSWORD).status() == 404) {
            api.registerCompany(RIVAL_COMPANY, "ライバル工業株式会社");
            api.registerManufacturerUser(RIVAL_COMPANY, RIVAL);
        }
    }

    @Test
    void aUserOfAnotherCompanyGetsNothingOfCompanyAsAssessment(CapturedOutput output) {
        // Company A's assessment with a failed round: tasks, variables, history and an issue list exist.
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "極秘スマートロック", "modelNumbers", "SECRET-1", "firmwareVersion", "0.9",
                "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        assertThat(applied.status()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(id, ENGINEER, "1.0.0");
        api.complete(id, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalogs.current().itemsOf(Step.DEVICE))
                .fail("DEV-01", "default password admin/admin").variables());
        api.awaitAssessment(id, MANUFACTURER, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_SUBMIT_RECTIFICATION));
        String processInstance = assessments.get(id).processInstanceId();
        String task = api.openTask(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER);
        String reference = applied.json().path("reference").asText();

        // The app's API: as if it did not exist.
        for (String path : List.of("/api/assessments/" + id, "/api/assessments/" + id + "/reports/issue-list?round=1",
                "/api/assessments/" + id + "/reports/final", "/api/assessments/" + id + "/reports/draft")) {
            assertThat(api.get(path, RIVAL).status()).as(path).isIn(403, 404);
        }
        assertThat(api.post("/api/tasks/" + task + "/claim", RIVAL, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/tasks/" + task + "/complete", RIVAL, Map.of("response_DEV_01", "hijacked")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/manufacturers", RIVAL).status()).isEqualTo(403);

        // Camunda's REST API: single resources are refused, queries come back empty.
        for (String path : List.of("/engine-rest/task/" + task, "/engine-rest/task/" + task + "/variables",
                "/engine-rest/task/" + task + "/form-variables", "/engine-rest/process-instance/" + processInstance,
                "/engine-rest/process-instance/" + processInstance + "/variables",
                "/engine-rest/history/process-instance/" + processInstance)) {
            LabApi.Reply reply = api.get(path, RIVAL);
            assertThat(reply.status()).as(path + " " + reply.text()).isIn(403, 404);
            assertThat(reply.text()).as(path).doesNotContain("極秘", "SECRET-1", "admin/admin");
        }
        for (String query : List.of("/engine-rest/task?", "/engine-rest/task?processInstanceId=" + processInstance,
                "/engine-rest/process-instance?businessKey=" + reference,
                "/engine-rest/variable-instance?processInstanceIdIn=" + processInstance,
                "/engine-rest/history/process-instance?processInstanceId=" + processInstance,
                "/engine-rest/history/task?processInstanceId=" + processInstance,
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstance,
                "/engine-rest/history/activity-instance?processInstanceId=" + processInstance,
                "/engine-rest/history/detail?processInstanceId=" + processInstance)) {
            // Queries made as a user must be paged (queryMaxResultsLimit).
            LabApi.Reply reply = api.get(query + "&firstResult=0&maxResults=100", RIVAL);
            assertThat(reply.status()).as(query + " " + reply.text()).isEqualTo(200);
            JsonNode result = reply.json();
            assertThat(result.isArray() && result.isEmpty()).as(query + " " + reply.text()).isTrue();
        }
        assertThat(api.post("/engine-rest/task/" + task + "/complete", RIVAL, Map.of()).status()).isIn(403, 404);
        assertThat(api.post("/engine-rest/process-instance/" + processInstance + "/variables", RIVAL,
                Map.of("modifications", Map.of("x", Map.of("value", 1, "type", "Integer")))).status()).isIn(403, 404);

        // The webapps' own engine API (Tasklist) answers the same.
        LabApi.BrowserSession rivalBrowser = api.browser();
        rivalBrowser.login(RIVAL, LabApi.PASSWORD);
        for (String path : List.of("/camunda/api/engine/engine/default/task/" + task + "/variables",
                "/camunda/api/engine/engine/default/task/" + task + "/form-variables",
                "/camunda/api/engine/engine/default/task/" + task + "/deployed-form",
                "/camunda/api/engine/engine/default/process-instance/" + processInstance + "/variables")) {
            LabApi.Reply reply = rivalBrowser.getPage(path);
            assertThat(reply.status()).as(path + " " + reply.text()).isIn(403, 404);
            assertThat(reply.text()).doesNotContain("極秘", "SECRET-1", "tenant");
        }
        // Nor may a manufacturer write variables through Camunda's API, even its own.
        assertThat(api.send("PUT", "/engine-rest/task/" + task + "/variables/reportApproved", MANUFACTURER,
                Map.of("value", true, "type", "Boolean")).status()).isEqualTo(403);

        // Every refusal is on the audit trail, with who and what.
        assertThat(output.getAll()).contains("event=AUTHORIZATION_DENIED user=\"rival\"")
                .contains("reason=\"another company's resource\"");

        // Nothing changed: company A's manufacturer still has its task, untouched.
        assertThat(api.openTask(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER)).isEqualTo(task);
        assertThat(api.get("/api/assessments/" + id + "/reports/issue-list?round=1", MANUFACTURER).status()).isEqualTo(200);
    }

    @Test
    void aUserOfAnotherCompanyCannotReadListOrAddToCompanyAsDocuments() {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "極秘ゲートウェイ", "modelNumbers", "SECRET-GW", "firmwareVersion", "0.1",
                "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        long id = applied.json().path("id").asLong();
        byte[] secret = "%PDF-1.7\n% 極秘 key management\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        JsonNode document = api.upload(id, MANUFACTURER, "DOC-05", "key-management.pdf", "application/pdf", secret).json();
        long documentId = document.path("id").asLong();
        long evidenceId = api.upload(id, ENGINEER, "DEV-01", "default-password.txt", null,
                "admin/admin works".getBytes()).json().path("id").asLong();
        long rivalsOwn = api.post("/api/assessments", RIVAL, Map.of(
                "productName", "ライバルゲートウェイ", "modelNumbers", "RG-1", "firmwareVersion", "1",
                "starLevel", "STAR-1", "scope", List.of("DEVICE"))).json().path("id").asLong();

        // As if it did not exist, also when a document ID of company A is asked for under the rival's own assessment.
        for (String path : List.of("/api/assessments/" + id + "/documents",
                "/api/assessments/" + id + "/documents/" + documentId,
                "/api/assessments/" + id + "/documents/" + documentId + "/content",
                "/api/assessments/" + id + "/documents/" + evidenceId + "/content",
                "/api/assessments/" + rivalsOwn + "/documents/" + documentId,
                "/api/assessments/" + rivalsOwn + "/documents/" + documentId + "/content")) {
            LabApi.Reply reply = api.get(path, RIVAL);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.text()).as(path).doesNotContain("極秘", "key-management", "admin/admin", document.path("sha256").asText());
        }
        LabApi.Reply planted = api.upload(id, RIVAL, "DOC-05", "key-management.pdf", "application/pdf", secret);
        assertThat(planted.status()).isEqualTo(404);
        assertThat(api.get("/api/assessments/" + rivalsOwn + "/documents", RIVAL).json().path("files")).isEmpty();

        // Nor through the documents page in the browser.
        LabApi.BrowserSession rivalBrowser = api.browser();
        rivalBrowser.login(RIVAL, LabApi.PASSWORD);
        for (String path : List.of("/lab/assessments/" + id, "/lab/assessments/" + id + "/documents",
                "/lab/assessments/" + id + "/documents/" + documentId + "/content",
                "/lab/assessments/" + rivalsOwn + "/documents/" + documentId + "/content")) {
            LabApi.Reply reply = rivalBrowser.getPage(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.text()).doesNotContain("極秘", "key-management");
        }
        assertThat(rivalBrowser.getPage("/lab/assessments").text()).contains("ライバルゲートウェイ")
                .doesNotContain("極秘");

        // Company A still has exactly its own files.
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).hasSize(2);
        assertThat(api.get(document.path("content").asText(), MANUFACTURER).body()).isEqualTo(secret);
    }

    @Test
    void aManufacturerCannotApplyForAnotherCompany() {
        LabApi.Reply reply = api.post("/api/assessments", RIVAL, Map.of("manufacturerId", COMPANY,
                "productName", "なりすまし", "modelNumbers", "X",
                "firmwareVersion", "1", "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asText()).contains("you may apply only for your own company");
    }

    @Test
    void labStaffSeeEveryCompanysAssessments() {
        LabApi.Reply rivals = api.post("/api/assessments", RIVAL, Map.of(
                "productName", "ライバルカメラ", "modelNumbers", "RC-1", "firmwareVersion", "1", "starLevel", "STAR-1",
                "scope", List.of("DEVICE")));
        assertThat(rivals.status()).isEqualTo(201);
        long id = rivals.json().path("id").asLong();
        LabApi.Reply seen = api.get("/api/assessments/" + id, ENGINEER);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("manufacturer").asText()).isEqualTo("ライバル工業株式会社");
        assertThat(api.get("/api/assessments/" + id, MANUFACTURER).status()).isEqualTo(404);
        // A fresh application waits for its manufacturer's documents first.
        assertThat(api.activeSteps(id, ENGINEER)).containsExactly(USER_TASK_SUPPLY_DOCUMENTS);
    }
}
