package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.browser.Chromium;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.reports.SignedPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change notice of a certified product, in a real Chromium: the manufacturer files new device and cloud versions on
 * the assessment's page; an engineer judges each component in the change notice process (the device needs no
 * retest, the cloud does); a delta assessment tests the cloud only, and when it passes its report supersedes the
 * certified one for the rest of the same validity.
 */
@jp.jcstar.lab.WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class ChangeNoticeBrowserTest {

    private static final String PRODUCT = "変更ハブ H3";

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    LabApi api;
    Catalog catalog;
    Chromium browser;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
        catalog = catalogs.current();
        browser = new Chromium(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aChangeIsJudgedPerComponentAndADeltaAssessmentSupersedesTheReport() throws Exception {
        long id = Walks.completedAfterOneRectification(api, catalog, PRODUCT, "STAR-2", "TLS 1.0 / accepts TLS 1.0");
        String reference = api.get("/api/assessments/" + id, MANUFACTURER).json().path("reference").asText();
        byte[] certifiedReport = api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER).body();
        String certifiedUrl = SignedPdfs.qrCodes(certifiedReport, 0).get(0);

        // The manufacturer files the notice on the page.
        browser.logIn(api, MANUFACTURER).open("/lab/assessments/" + id);
        browser.waitForText("変更の届出 / Change notices", "File the change notice");
        browser.click(By.cssSelector("#change-notice input[name=components][value=DEVICE]"));
        browser.click(By.cssSelector("#change-notice input[name=components][value=CLOUD]"));
        browser.find(By.id("notice-firmwareVersion")).sendKeys("7.1");
        browser.find(By.id("notice-cloudVersion")).sendKeys("2026.3");
        browser.find(By.id("notice-description")).sendKeys("ログ出力の修正とTLSライブラリの更新 / log output fix, TLS library update");
        WebElement before = browser.find(By.tagName("html"));
        browser.click(By.cssSelector("#change-notice button"));
        browser.awaitGone(before);
        browser.waitForText("判断待ち / Waiting for the lab", "デバイス / Device, クラウド / Cloud",
                "ログ出力の修正とTLSライブラリの更新");
        browser.screenshot("change-notice-filed.png");
        assertThat(browser.driver.findElements(By.id("notice-appVersion"))).as("the app is outside the scope").isEmpty();
        // One notice waits at a time; engineers do not file them.
        Map<String, Object> another = Map.of("components", List.of("CLOUD"), "cloudVersion", "2026.4",
                "description", "another change");
        LabApi.Reply waiting = api.post("/api/assessments/" + id + "/change-notices", MANUFACTURER, another);
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.json().path("detail").asText()).contains("waiting for the lab's decision");
        assertThat(api.post("/api/assessments/" + id + "/change-notices", ENGINEER, another).status()).isEqualTo(403);
        // Nor does a renewal start while the lab has a change to judge.
        LabApi.Reply renewal = api.post("/api/assessments/" + id + "/renewal", MANUFACTURER, Map.of());
        assertThat(renewal.status()).isEqualTo(409);
        assertThat(renewal.json().path("detail").asText()).contains("is waiting for the lab's decision");

        // The engineers' task in the change notice process: one decision per changed component, with a reason.
        JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=process_jcstarChangeNotice"
                + "&processInstanceBusinessKey=" + reference + "&firstResult=0&maxResults=10", ENGINEER).json();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("変更の判断 / Judge the change");
        LabApi.Reply unjudged = api.post("/api/tasks/" + taskId + "/complete", ENGINEER,
                Map.of("decisionDevice", "NO_RETEST", "changeDecisionReason", "ログのみ / logging only"));
        assertThat(unjudged.status()).isEqualTo(400);
        assertThat(unjudged.text()).contains("クラウド / Cloud: choose whether it needs a retest (RETEST or NO_RETEST).");
        // A retest names the items the change touches: a tick for a component not retested, or for one that did
        // not change, is refused, and nothing is decided.
        LabApi.Reply strayTicks = api.post("/api/tasks/" + taskId + "/complete", ENGINEER, Map.of("decisionDevice",
                "NO_RETEST", "decisionCloud", "RETEST", "touches_DEV_01", true, "touches_APP_01", true,
                "changeDecisionReason", "TLS"));
        assertThat(strayTicks.status()).isEqualTo(400);
        assertThat(strayTicks.text()).contains("DEV-01: its component is not retested",
                "APP-01: not an item of a changed component");
        // The engineer judges in Tasklist: the notice's summary, a choice for each changed component only.
        Chromium engineer = new Chromium(port);
        try {
            engineer.logIn(api, ENGINEER);
            WebElement form = engineer.openTask(taskId);
            engineer.claim();
            String shown = engineer.waitForText("変更の判断 / Judge a change", "デバイス / Device", "7.0 → 7.1",
                    "クラウド / Cloud", "2026.2 → 2026.3", "log output fix, TLS library update",
                    "デバイス（ファームウェア） / Device (firmware)");
            assertThat(shown).doesNotContain("アプリ / App\n");
            assertThat(engineer.driver.findElements(By.xpath("//label[contains(., 'アプリ / App')]")))
                    .as("the app did not change").isEmpty();
            engineer.choose("デバイス（ファームウェア）", "再試験は不要");
            engineer.choose("クラウド / Cloud", "再試験する");
            // The cloud's items to tick appear once it is to be retested; the device's do not (no retest).
            engineer.waitForText("クラウド: 変更が影響する項目 / Cloud: the items the change touches");
            assertThat(engineer.driver.findElements(By.xpath("//label[contains(., 'DEV-01')]"))).isEmpty();
            engineer.click(By.id(engineer.field("CLD-04").getAttribute("id")));
            engineer.type("判断の理由", "ファームウェアはログ出力のみ、クラウドはTLS実装が変わった / firmware: logging only; cloud: new TLS stack");
            engineer.screenshot("change-judge-form.png");
            engineer.complete();
            engineer.wait.until(driver -> api.get("/engine-rest/task?processDefinitionKey=process_jcstarChangeNotice"
                    + "&processInstanceBusinessKey=" + reference + "&firstResult=0&maxResults=10", ENGINEER).json()
                    .isEmpty());
        } finally {
            engineer.close();
        }

        // The delta assessment: the cloud only, on the new versions, linked to the certified one.
        browser.open("/lab/assessments/" + id);
        browser.waitForText("再試験 / Retest: クラウド / Cloud（CLD-04）", "firmware: logging only; cloud: new TLS stack",
                "差分評価 / Delta assessment:");
        browser.screenshot("change-notice-decided.png");
        assertThat(browser.driver.findElements(By.id("renew"))).as("no renewal beside a running delta").isEmpty();
        String delta = browser.find(By.cssSelector("#notices a")).getAttribute("href");
        long deltaId = Long.parseLong(delta.replaceAll(".*/lab/assessments/(\\d+).*", "$1"));
        JsonNode fresh = api.get("/api/assessments/" + deltaId, MANUFACTURER).json();
        assertThat(fresh.path("scope")).extracting(JsonNode::asText).containsExactly("CLOUD");
        assertThat(fresh.path("firmwareVersion").asText()).isEqualTo("7.1");
        assertThat(fresh.path("cloudVersion").asText()).isEqualTo("2026.3");
        // Only the ticked item of the cloud is tested (the documentation is reviewed whole).
        assertThat(fresh.path("items")).allSatisfy(item -> assertThat(item.path("step").asText()).isIn("DOCUMENTATION", "CLOUD"))
                .filteredOn(item -> item.path("step").asText().equals("CLOUD")).extracting(item -> item.path("itemId").asText())
                .containsExactly("CLD-04");

        // It passes: its report replaces the certified one, standing until the same day.
        api.supplyDocuments(deltaId, MANUFACTURER);
        api.complete(deltaId, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        // The engineer's cloud test form in Tasklist shows CLD-04 alone; a verdict for another item is refused.
        Chromium tester = new Chromium(port);
        try {
            tester.logIn(api, ENGINEER);
            tester.openTask(api.openTask(deltaId, USER_TASK_TEST_CLOUD, ENGINEER));
            tester.waitForText("クラウド試験 / Cloud tests", "CLD-04");
            assertThat(tester.driver.findElements(By.xpath("//label[contains(., 'CLD-01')]"))).as("not touched").isEmpty();
            tester.screenshot("delta-cloud-test-form.png");
        } finally {
            tester.close();
        }
        LabApi.Reply untouched = api.post("/api/tasks/" + api.openTask(deltaId, USER_TASK_TEST_CLOUD, ENGINEER)
                + "/complete", ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.CLOUD)).variables());
        assertThat(untouched.status()).isEqualTo(400);
        assertThat(untouched.text()).contains("CLD-01", "leave its verdict out");
        api.complete(deltaId, USER_TASK_TEST_CLOUD, ENGINEER, Verdicts.none().pass("CLD-04").variables());
        api.complete(deltaId, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());
        api.awaitAssessment(deltaId, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
        byte[] deltaReport = api.get("/api/assessments/" + deltaId + "/reports/final", MANUFACTURER).body();
        String deltaUrl = SignedPdfs.qrCodes(deltaReport, 0).get(0);
        // The delta's report covers the whole product: the items it did not retest as carried over, saying from where.
        String deltaText = AssessmentApiEndToEndTest.pdfText(deltaReport);
        // Four untested cloud items and five device items carried over; CLD-04 tested by the delta itself.
        assertThat(deltaText.split("引継ぎ/Carriedoverfrom" + reference, -1)).hasSize(10);
        assertThat(deltaText).contains("Theresultscarriedoverweretestedonthesamplesof:" + reference);

        browser.close();
        browser = new Chromium(port);
        browser.open(URI.create(certifiedUrl).getPath());
        browser.waitForText("新しい報告書に置き換え済み / Superseded", deltaUrl.substring(deltaUrl.lastIndexOf('/') + 1));
        String certifiedUntil = browser.find(By.id("valid-until")).getText();
        // The next change is filed on the delta assessment: the certified product as it now stands.
        LabApi.Reply onOld = api.post("/api/assessments/" + id + "/change-notices", MANUFACTURER, another);
        assertThat(onOld.status()).isEqualTo(409);
        assertThat(onOld.json().path("detail").asText()).contains("does not stand (withdrawn, superseded or expired)");
        // On the delta, also for the device, which it did not test but the product still has.
        LabApi.Reply onDelta = api.post("/api/assessments/" + deltaId + "/change-notices", MANUFACTURER, Map.of(
                "components", List.of("DEVICE"), "firmwareVersion", "7.2", "description", "省電力の調整 / power tuning"));
        assertThat(onDelta.status()).as(onDelta.text()).isEqualTo(201);
        browser.open(URI.create(deltaUrl).getPath());
        browser.waitForText("有効 / Valid", PRODUCT);
        assertThat(browser.find(By.id("valid-until")).getText()).isEqualTo(certifiedUntil);
        assertThat(browser.consoleErrors()).isEmpty();

        // A delta of the delta: DEV-02 retested on firmware 7.2. Its report and IPA package cover the whole product,
        // each other result from the nearest assessment that tested it: CLD-04 from the first delta, the rest from
        // the certified assessment.
        String deltaReference = fresh.path("reference").asText();
        JsonNode judge = api.get("/engine-rest/task?processDefinitionKey=process_jcstarChangeNotice"
                + "&processInstanceBusinessKey=" + deltaReference + "&firstResult=0&maxResults=10", ENGINEER).json();
        assertThat(judge).hasSize(1);
        LabApi.Reply judged = api.post("/api/tasks/" + judge.get(0).path("id").asText() + "/complete", ENGINEER, Map.of(
                "decisionDevice", "RETEST", "touches_DEV_02", true, "changeDecisionReason", "Wi-Fi の省電力 / Wi-Fi power"));
        assertThat(judged.status()).as(judged.text()).isEqualTo(204);
        long secondDelta = jdbc.sql("select delta_assessment_id from change_notice where assessment_id = ?")
                .param(deltaId).query(Long.class).single();
        api.supplyDocuments(secondDelta, MANUFACTURER);
        api.complete(secondDelta, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(secondDelta, ENGINEER, "7.2");
        api.complete(secondDelta, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.none().pass("DEV-02").variables());
        api.complete(secondDelta, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());
        api.awaitAssessment(secondDelta, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
        String secondText = AssessmentApiEndToEndTest.pdfText(api.get("/api/assessments/" + secondDelta
                + "/reports/final", MANUFACTURER).body());
        assertThat(secondText.split("引継ぎ/Carriedoverfrom" + deltaReference, -1)).hasSize(2);
        assertThat(secondText.split("引継ぎ/Carriedoverfrom" + reference, -1)).hasSize(9);
        Map<String, byte[]> ipa = RequirementsAndIpaPackageBrowserTest.unzip(api.get("/api/assessments/" + secondDelta
                + "/reports/ipa-package", MANUFACTURER).body());
        String checklist = new String(ipa.entrySet().stream().filter(e -> e.getKey().endsWith("-checklist.csv"))
                .findFirst().orElseThrow().getValue(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(checklist).contains("CLD-04 PASS（引継ぎ / carried over from " + deltaReference,
                "CLD-01 PASS（引継ぎ / carried over from " + reference).doesNotContain("DEV-02 PASS（引継ぎ");
    }
}
