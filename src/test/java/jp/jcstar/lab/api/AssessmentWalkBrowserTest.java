package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.browser.Chromium;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One assessment with a failure walked through every step in a real Chromium, as the manufacturer, the engineer,
 * the reviewer and the lab manager each see it: the task list, the forms with their context, the assessment pages
 * and the reports opened with the browser's own session. The screenshots are the README's pictures
 * (target/screenshots, copied to docs/screenshots).
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class AssessmentWalkBrowserTest {

    static final String PRODUCT = "スマートロック X1";
    static final String LAB_MANAGER = "walkboss";
    static final String RIVAL_COMPANY = "walk-rival";
    static final String RIVAL = "walkrival";

    @LocalServerPort int port;

    LabApi api;
    Chromium browser;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
        browser = new Chromium(port);
    }

    @AfterEach
    void stop() throws IOException {
        browser.screenshot("walk-last.png");
        browser.close();
    }

    @Test
    void anAssessmentWithACloudFailureWalkedThroughEveryStepAsEachPersonSeesIt() throws Exception {
        api.registerStaff(LAB_MANAGER, "lab-manager");
        api.loginForToken(LAB_MANAGER, LabApi.PASSWORD);
        long id = api.post("/api/assessments", MANUFACTURER, Map.of("productName", PRODUCT, "modelNumbers", "SL-X1",
                "firmwareVersion", "1.0.0", "appVersion", "2.3.0", "cloudVersion", "2025.03", "starLevel", "STAR-1",
                "scope", List.of("CLOUD"))).json().path("id").asLong();
        String reference = api.get("/api/assessments/" + id, MANUFACTURER).json().path("reference").asText();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, verdicts("DOC", 7, Map.of()));

        // The engineer: the task list tells this task apart by reference, product and company.
        browser.logIn(api, ENGINEER).open("/camunda/app/tasklist/default/");
        String list = browser.waitForText(reference);
        assertThat(list).contains(reference + " " + PRODUCT + " (株式会社サンプル電機)", "クラウド試験 / Test cloud");
        browser.screenshot("tasklist-engineer.png");

        // A FAIL without an observation is refused in words the engineer can act on, then recorded with one.
        WebElement form = browser.openTask(api.openTask(id, USER_TASK_TEST_CLOUD, ENGINEER));
        browser.claim();
        for (String item : List.of("CLD-01", "CLD-02", "CLD-03", "CLD-05")) {
            browser.choose(item, "PASS");
        }
        browser.choose("CLD-04", "FAIL");
        browser.complete();
        String refusal = browser.waitForText("FAIL needs an observation");
        assertThat(refusal).contains("CLD-04", "FAIL needs an observation").doesNotContain("ENGINE-", "verdict_CLD_04");
        browser.screenshot("fail-without-observation.png");
        browser.dismissNotifications();
        browser.type("CLD-04 所見", "TLS 1.0 is accepted on api.example.jp:443");
        browser.complete();
        api.awaitAssessment(id, ENGINEER, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_SUBMIT_RECTIFICATION));

        // The manufacturer: the list shows where it stands; the rectification form shows what to fix and why.
        Chromium maker = new Chromium(port);
        try {
            maker.logIn(api, MANUFACTURER).open("/lab/assessments");
            assertThat(maker.waitForText(reference)).contains("進行中 / In progress", "是正の提出 / Submit rectification",
                    "製造事業者 / Manufacturer");
            maker.screenshot("assessments-list.png");

            maker.openTask(api.openTask(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER));
            String rectification = maker.waitForText("TLS 1.0 is accepted on api.example.jp:443");
            assertThat(rectification).contains("CLD-04", "求める是正 / Required fix",
                    "TLS 1.2以降と強固な暗号スイートのみを使用すること", "Only TLS 1.2 or later");
            maker.screenshot("rectification-form.png");
            String issueList = maker.find(By.xpath("//a[contains(., 'Issue list of round 1')]")).getAttribute("href");
            assertThat(pdfText(maker.fetchWithSession(issueList))).contains(reference, "TLS 1.0 is accepted");
            maker.claim();
            // The form starts from the version under test; the manufacturer replaces it with the fixed one.
            WebElement cloudVersion = maker.field("Fixed cloud version");
            assertThat(cloudVersion.getAttribute("value")).isEqualTo("2025.03");
            cloudVersion.clear();
            cloudVersion.sendKeys("2025.04");
            maker.type("CLD-04", "TLS 1.0 と 1.1 を全エンドポイントで無効化 / TLS 1.0 and 1.1 disabled");
            maker.complete();
            api.awaitAssessment(id, ENGINEER, a -> a.path("activeSteps").findValuesAsText("step")
                    .contains(USER_TASK_RETEST_ITEMS));
        } finally {
            maker.close();
        }

        // The engineer retesting: the previous observation, the response and the version now under test.
        browser.openTask(api.openTask(id, USER_TASK_RETEST_ITEMS, ENGINEER));
        String retest = browser.waitForText("TLS 1.0 と 1.1 を全エンドポイントで無効化");
        assertThat(retest).contains("前回の所見 / Previous observation: TLS 1.0 is accepted on api.example.jp:443",
                "クラウド / cloud 2025.04").doesNotContain("2025.032025");
        browser.screenshot("retest-form.png");
        browser.claim();
        browser.choose("CLD-04", "PASS");
        browser.complete();
        api.awaitAssessment(id, ENGINEER, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_REVIEW_REPORT));

        // The reviewer: the review form says what passed and opens the draft with the reviewer's own session.
        Chromium reviewer = new Chromium(port);
        try {
            reviewer.logIn(api, REVIEWER);
            reviewer.openTask(api.openTask(id, USER_TASK_REVIEW_REPORT, REVIEWER));
            assertThat(reviewer.waitForText("Overall result")).contains("12 合格 / PASS", "0 不合格 / FAIL",
                    "Tested by: eng1");
            reviewer.screenshot("review-form.png");
            String draft = reviewer.find(By.xpath("//a[contains(., 'Open the draft report')]")).getAttribute("href");
            assertThat(pdfText(reviewer.fetchWithSession(draft))).contains(reference, PRODUCT);
            reviewer.claim();
            reviewer.choose("判断 / Decision", "Approve");
            reviewer.complete();
            api.awaitAssessment(id, REVIEWER, a -> "COMPLETED".equals(a.path("status").asText()));
        } finally {
            reviewer.close();
        }

        // The lab manager: the completed assessment's page with its verdicts, history, decision and final report.
        Chromium manager = new Chromium(port);
        try {
            manager.logIn(api, LAB_MANAGER).open("/lab/assessments/" + id);
            String page = manager.waitForText("完了（合格）/ Completed (passed)");
            assertThat(page).contains(reference, PRODUCT, "最終評価報告書 / Final assessment report",
                    "第1回 指摘事項一覧 / Issue list, round 1", "TLS 1.0 and 1.1 disabled", "承認 / Approved",
                    "不合格 / Failed", "再試験 / Retest: 合格 / Passed");
            manager.screenshot("assessment-page.png");
            String finalReport = manager.find(By.xpath("//a[normalize-space(.) = '最終評価報告書 / Final assessment report']"))
                    .getAttribute("href");
            assertThat(pdfText(manager.fetchWithSession(finalReport))).contains(reference, PRODUCT);
            // Logging out from the page's bar goes back to the app's login page.
            manager.clickText("ログアウト / Log out");
            manager.wait.until(driver -> driver.getCurrentUrl().contains("/login"));
            assertThat(manager.url()).endsWith("/login?logout");
            assertThat(manager.text()).contains("ログアウトしました", "logged out");
        } finally {
            manager.close();
        }
    }

    @Test
    void anotherCompanyGetsNotFoundForEveryPageAndReportOfTheAssessment() throws Exception {
        api.registerCompany(RIVAL_COMPANY, "ライバル電子株式会社");
        api.registerManufacturerUser(RIVAL_COMPANY, RIVAL);
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "見えない製品",
                "modelNumbers", "H-1", "cloudVersion", "2025.03", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, verdicts("DOC", 7, Map.of()));
        api.complete(id, USER_TASK_TEST_CLOUD, ENGINEER, verdicts("CLD", 5, Map.of("CLD-02", "Replay accepted")));
        api.awaitAssessment(id, MANUFACTURER, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_SUBMIT_RECTIFICATION));
        List<String> paths = List.of("/lab/assessments/" + id, "/lab/assessments/" + id + "/documents",
                "/lab/assessments/" + id + "/reports/issue-list/1", "/lab/assessments/" + id + "/reports/draft");

        LabApi.BrowserSession owner = api.browser();
        owner.login(MANUFACTURER, LabApi.PASSWORD);
        assertThat(owner.getPage(paths.get(0)).text()).contains("見えない製品", "Replay accepted");
        LabApi.Reply issueList = owner.getPage(paths.get(2));
        assertThat(issueList.status()).isEqualTo(200);
        assertThat(issueList.header("Content-Disposition")).startsWith("inline");
        // The browser's PDF viewer is a plugin, which the app's pages forbid: a report allows it.
        assertThat(issueList.header("Content-Security-Policy")).contains("object-src 'self'").doesNotContain("'none';object");
        assertThat(owner.getPage(paths.get(2) + "?download").header("Content-Disposition")).startsWith("attachment");
        // The draft is the lab's: the manufacturer gets the app's 403 page, not the PDF.
        LabApi.Reply draft = owner.getHtml(paths.get(3));
        assertThat(draft.status()).isEqualTo(403);
        assertThat(draft.text()).contains("報告書の下書きはラボの担当者のみ閲覧できます", "Draft reports are for lab staff")
                .doesNotContain("%PDF");

        LabApi.BrowserSession rival = api.browser();
        rival.login(RIVAL, LabApi.PASSWORD);
        for (String path : paths) {
            LabApi.Reply reply = rival.getHtml(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.text()).as(path).contains("ページが見つかりません / Page not found")
                    .doesNotContain("見えない製品", "Replay accepted", "%PDF");
        }
        assertThat(rival.getPage("/lab/assessments").text()).doesNotContain("見えない製品");
    }

    /** Every item of a step (DOC-01.., CLD-01..) passes but those given with an observation, which fail. */
    private static Map<String, Object> verdicts(String prefix, int count, Map<String, String> failures) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            String item = prefix + "-0" + i;
            if (failures.containsKey(item)) {
                ItemVariables.verdict(item).putInto(values, "FAIL");
                ItemVariables.observation(item).putInto(values, failures.get(item));
            } else {
                ItemVariables.verdict(item).putInto(values, "PASS");
            }
        }
        return values;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
