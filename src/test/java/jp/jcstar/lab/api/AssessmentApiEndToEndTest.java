package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One assessment through the REST API, from the application to the final PDF, with the job executor producing the
 * reports: a failed cloud item is fixed in round 2.
 */
@WebAppTest
class AssessmentApiEndToEndTest {

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;

    LabApi api;
    Catalog catalog;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        catalog = catalogs.current();
    }

    @Test
    void failedCloudItemIsFixedInRoundTwoAndTheFinalReportListsEverything() throws IOException {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "スマートロック X1", "modelNumbers", "SL-X1, SL-X1P",
                "firmwareVersion", "1.0.0", "appVersion", "2.3.0", "cloudVersion", "2025.03", "starLevel", "STAR-1",
                "scope", List.of("DEVICE", "APP", "CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        assertThat(applied.json().path("reference").asText()).matches("JCS-\\d{4}-\\d{5}");

        JsonNode fresh = api.get("/api/assessments/" + id, ENGINEER).json();
        assertThat(fresh.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(fresh.path("round").asInt()).isEqualTo(1);
        assertThat(fresh.path("appliedBy").asText()).isEqualTo(MANUFACTURER);
        assertThat(fresh.path("items")).hasSize(catalog.items().size());
        // The manufacturer's name is its company's registered name, not anything a client typed.
        assertThat(fresh.path("manufacturer").asText()).isEqualTo("株式会社サンプル電機");

        // The manufacturer's threat model, and the engineers' evidence of round 1 and of the retest.
        byte[] threatModel = DocumentApiTest.pdf("threat model of SL-X1");
        byte[] tlsScan = "api.example.jp:443 accepts TLSv1.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] tlsRetest = "api.example.jp:443 accepts TLSv1.2, TLSv1.3 only\n".getBytes(StandardCharsets.UTF_8);
        // The manufacturer's first step: the seven documents, its threat model as DOC-07.
        assertThat(api.upload(id, MANUFACTURER, "DOC-07", "脅威モデル.pdf", "application/pdf", threatModel).status())
                .isEqualTo(201);
        for (int n = 1; n <= 6; n++) {
            assertThat(api.upload(id, MANUFACTURER, "DOC-0" + n, "DOC-0" + n + ".pdf", "application/pdf",
                    DocumentApiTest.pdf("document DOC-0" + n)).status()).isEqualTo(201);
        }
        complete(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER,
                Verdicts.none().with("documentsSupplied", "DOC-01..06 version 1, DOC-07 脅威モデル version 1"));
        complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)));
        assertThat(api.upload(id, ENGINEER, "CLD-04", "tls-scan.txt", null, tlsScan).status()).isEqualTo(201);
        // The device waits for its samples; a day in the future is refused in words and changes nothing.
        assertThat(api.activeSteps(id, ENGINEER))
                .containsExactlyInAnyOrder(USER_TASK_RECEIVE_SAMPLES, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        String samplesTask = api.openTask(id, USER_TASK_RECEIVE_SAMPLES, ENGINEER);
        LabApi.Reply future = api.post("/api/tasks/" + samplesTask + "/complete", ENGINEER, Map.of(
                "samplesReceivedOn", "2999-01-01", "sampleSerials", "SLX1-0001", "sampleHardwareRevision", "Rev.C",
                "sampleFirmwareVersion", "1.0.1"));
        assertThat(future.status()).as(future.text()).isEqualTo(400);
        assertThat(future.text()).contains("受領日", "Received on: 2999-01-01 is in the future");
        assertThat(api.activeSteps(id, ENGINEER)).contains(USER_TASK_RECEIVE_SAMPLES).doesNotContain(USER_TASK_TEST_DEVICE);
        complete(id, USER_TASK_RECEIVE_SAMPLES, ENGINEER, Verdicts.none()
                .with("samplesReceivedOn", new LabClock().now().toLocalDate().toString())
                .with("sampleSerials", "SLX1-0001\nSLX1-0002").with("sampleHardwareRevision", "Rev.C")
                .with("sampleFirmwareVersion", "1.0.1").with("sampleAppVersion", "2.3.0")
                .with("sampleCondition", "外箱に傷 / box scratched"));
        assertThat(api.activeSteps(id, ENGINEER))
                .containsExactlyInAnyOrder(USER_TASK_TEST_DEVICE, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        complete(id, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DEVICE)));
        complete(id, USER_TASK_TEST_APP, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.APP)));
        complete(id, USER_TASK_TEST_CLOUD, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.CLOUD))
                .fail("CLD-04", "api.example.jp が TLS 1.0 を受け付ける / accepts TLS 1.0")
                .with("testMethod", "testssl.sh 3.2 で api.example.jp:443 を走査 / scanned with testssl.sh 3.2"));

        JsonNode failed = awaitAssessment(id, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_SUBMIT_RECTIFICATION));
        assertThat(failed.path("openFindings")).singleElement().satisfies(finding -> {
            assertThat(finding.path("itemId").asText()).isEqualTo("CLD-04");
            assertThat(finding.path("status").asText()).isEqualTo("SENT_TO_MANUFACTURER");
        });
        LabApi.Reply issueList = api.get("/api/assessments/" + id + "/reports/issue-list?round=1", MANUFACTURER);
        assertThat(issueList.status()).isEqualTo(200);
        assertThat(issueList.contentType()).isEqualTo("application/pdf");
        assertThat(pdfText(issueList.body())).contains("CLD-04", "TLS1.0", "スマートロックX1",
                "DOC-07文書Document1v1脅威モデル.pdf" + threatModel.length + Sha256.hex(threatModel),
                "CLD-04エビデンスEvidence1v1tls-scan.txt" + tlsScan.length + Sha256.hex(tlsScan));

        LabApi.Reply early = api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).contains("exists once the assessment is completed");

        complete(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, Verdicts.none()
                .with(AssessmentVariables.CLOUD_VERSION.name(), "2025.04")
                .with(ItemVariables.response("CLD-04").name(), "TLS 1.0/1.1 を無効化 / disabled"));
        JsonNode retest = api.get("/api/assessments/" + id, ENGINEER).json();
        assertThat(retest.path("round").asInt()).isEqualTo(2);
        assertThat(retest.path("cloudVersion").asText()).isEqualTo("2025.04");
        assertThat(api.upload(id, ENGINEER, "CLD-04", "tls-scan.txt", null, tlsRetest).status()).isEqualTo(201);
        complete(id, USER_TASK_RETEST_ITEMS, ENGINEER, Verdicts.none().pass("CLD-04"));

        // The reviewer reads the draft before deciding; the manufacturer gets no draft.
        LabApi.Reply draft = api.get("/api/assessments/" + id + "/reports/draft", REVIEWER);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(pdfText(draft.body())).contains("DRAFT", "スマートロックX1", "CLD-04");
        assertThat(api.get("/api/assessments/" + id + "/reports/draft", MANUFACTURER).status()).isEqualTo(403);

        // Four eyes, through the API: the engineer who tested may not decide the review.
        LabApi.Reply byTester = api.post("/api/tasks/" + api.openTask(id, USER_TASK_REVIEW_REPORT, REVIEWER) + "/complete",
                ENGINEER, Map.of(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE"));
        assertThat(byTester.status()).isEqualTo(403);
        complete(id, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none().with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE"));

        JsonNode done = awaitAssessment(id, a -> a.path("status").asText().equals("COMPLETED"));
        assertThat(done.path("reviewedBy").asText()).isEqualTo(REVIEWER);
        assertThat(done.path("openFindings")).isEmpty();
        assertThat(done.path("rounds").findValuesAsText("outcome")).containsExactly("FAILED", "PASSED");

        LabApi.Reply report = api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("application/pdf");
        String text = pdfText(report.body());
        assertThat(text).contains("スマートロックX1", "株式会社サンプル電機", applied.json().path("reference").asText(),
                "2025.04", "STAR-1", REVIEWER);
        assertThat(catalog.items()).extracting(CheckItem::id).allSatisfy(itemId -> assertThat(text).contains(itemId));
        // Round history: round 1 failed on CLD-04, round 2 passed on the fixed cloud version.
        assertThat(text).contains("不合格/Failed", "合格/Passed", "2025.03", "TLS1.0/1.1を無効化",
                "再試験合格/Retestpassed");
        // People by name with their account, the test period, and what a PASS without an observation verified.
        assertThat(text).contains("Test" + ENGINEER + "(" + ENGINEER + ")", "Test" + REVIEWER + "(" + REVIEWER + ")",
                "試験期間Testperiod", "（2ラウンド/2rounds）", "デバイス/Device,アプリ/App,クラウド/Cloud",
                "試験方法・ツール・環境/TestMethods,ToolsandEnvironment",
                "第1回/Round1クラウド/Cloud—Test" + ENGINEER + "(" + ENGINEER + ")",
                "testssl.sh3.2でapi.example.jp:443を走査/scannedwithtestssl.sh3.2", "要件を満たすことを確認/Verifiedtomeet:");
        // The samples as received, with the firmware applied for beside the one they carried.
        assertThat(text).contains("試験試料/SamplesunderTest", "シリアル番号/Serialnumbers:SLX1-0001,SLX1-0002",
                "ハードウェアリビジョン/Hardwarerevision:Rev.C", "ファームウェア/Firmware:1.0.1（申請時/appliedfor:1.0.0）",
                "アプリ/App:2.3.0", "クラウド/Cloud:記録なし/notrecorded", "状態・付属品/Condition:外箱に傷/boxscratched");
        // Words a reader understands, never the app's enum names.
        assertThat(text).doesNotContain("FAILED", "PASSED", "CLOSED", "RETEST_PASSED");
        // The index of every file, each version with its round and its SHA-256, as a reader checks them.
        assertThat(text).contains("文書・エビデンス索引",
                "CLD-04エビデンスEvidence1v1tls-scan.txt" + tlsScan.length + Sha256.hex(tlsScan),
                "CLD-04エビデンスEvidence2v2tls-scan.txt" + tlsRetest.length + Sha256.hex(tlsRetest),
                "DOC-07文書Document1v1脅威モデル.pdf" + threatModel.length + Sha256.hex(threatModel));
        // Once the report is issued, the files are closed.
        assertThat(api.upload(id, ENGINEER, "CLD-04", "late.txt", null, tlsScan).status()).isEqualTo(409);
    }

    private void complete(long assessmentId, String step, String user, Verdicts form) {
        api.complete(assessmentId, step, user, form.variables());
    }

    private JsonNode awaitAssessment(long id, Predicate<JsonNode> condition) {
        return api.awaitAssessment(id, ENGINEER, condition);
    }

    /** The PDF's text with white space removed, so that wrapped lines still match. */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
