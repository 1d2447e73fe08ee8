package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.browser.Chromium;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lab dashboard in a real Chromium, on assessments with known outcomes (all STAR-3, a level no other test
 * uses): twelve evaluated first rounds, seven failing in the cloud and three on the device, two passing; five
 * completed (two in one round, three in two); seven waiting for a rectification; one cloud test an engineer holds.
 * The charts are drawn (SVG, no console errors) and the figures under them, the CSV and the monthly PDF say so.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class DashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;

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
    void theChartsAndFiguresShowHowTheLabsAssessmentsWent() throws Exception {
        for (int n = 1; n <= 7; n++) {
            long id = tested(n, null, "CLD-04");
            if (n <= 3) {
                rectifiedAndPassed(id, "CLD-04");
            }
        }
        for (int n = 8; n <= 10; n++) {
            tested(n, "DEV-01", null);
        }
        for (int n = 11; n <= 12; n++) {
            approved(tested(n, null, null));
        }
        // The thirteenth waits in its cloud test, which the engineer took.
        long held = applied(13);
        api.supplyDocuments(held, MANUFACTURER);
        api.complete(held, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(held, ENGINEER, "1.0.0");
        api.complete(held, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DEVICE)).variables());
        assertThat(api.post("/api/tasks/" + api.openTask(held, USER_TASK_TEST_CLOUD, ENGINEER) + "/claim", ENGINEER, Map.of())
                .status()).isEqualTo(204);

        browser.logIn(api, ENGINEER).open("/lab/assessments");
        browser.clickText("ダッシュボード / Dashboard");
        browser.waitForText("ダッシュボード / Dashboard", "初回ラウンドの不合格 / First-round failures");
        new Select(browser.find(By.name("level"))).selectByValue("STAR-3");
        WebElement shown = browser.find(By.tagName("html"));
        browser.click(By.cssSelector("#filter button"));
        browser.awaitGone(shown);
        String page = browser.waitForText("申請された評価 / Assessments applied for");

        assertThat(browser.find(By.id("applied")).getText()).isEqualTo("13");
        assertThat(browser.find(By.id("first-pass")).getText()).isEqualTo("16.7%");
        assertThat(browser.find(By.id("mean-rounds")).getText()).isEqualTo("1.6");
        assertThat(browser.find(By.id("terminated")).getText()).isEqualTo("0.0%");
        assertThat(rows("areas")).containsExactly(
                "ドキュメント / Documentation 0 0.0%", "デバイス / Device 3 30.0%", "アプリ / App 0 0.0%",
                "クラウド / Cloud 7 70.0%", "評価済みの初回ラウンド / First rounds evaluated 12（うち不合格 10）/ 12 (10 failed)");
        assertThat(rows("items")).hasSize(2);
        assertThat(rows("items").get(0)).startsWith("CLD-04 ").endsWith(" 7");
        assertThat(rows("items").get(1)).startsWith("DEV-01 ").endsWith(" 3");
        assertThat(rows("outcomes")).containsExactly("5 0 1.6 1 ラウンド / round(s): 2, 2 ラウンド / round(s): 3");
        assertThat(rows("open-work")).containsExactly("クラウド試験 / Test cloud 1 0",
                "是正の提出 / Submit rectification 7 0", "期限超過の合計 / Overdue in all  0");
        assertThat(rows("engineers")).containsExactly(ENGINEER + " 1");
        assertThat(rows("lead-times")).anyMatch(row -> row.startsWith("文書の提出 / Supply documents 製造事業者 / Manufacturer 13 "))
                .anyMatch(row -> row.startsWith("クラウド試験 / Test cloud 試験所 / Lab 12 "))
                .anyMatch(row -> row.startsWith("是正の提出 / Submit rectification 製造事業者 / Manufacturer 3 "));
        assertThat(page).contains("完了した 5 件の評価は申請から平均");

        // Every chart is drawn, as SVG, and nothing went wrong in the page's scripts.
        for (String chart : List.of("chart-areas", "chart-items", "chart-outcomes", "chart-rounds", "chart-lead",
                "chart-open", "chart-engineers")) {
            browser.wait.until(driver -> !driver.findElements(By.cssSelector("#" + chart + " svg")).isEmpty());
        }
        assertThat(browser.find(By.cssSelector("#chart-areas svg")).getText()).contains("クラウド / Cloud");
        assertThat(browser.consoleErrors()).isEmpty();
        // The whole page at once, for a person to look at (README's picture of the dashboard).
        browser.driver.manage().window().setSize(new Dimension(1400, 3400));
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("#chart-engineers svg")).isEmpty());
        browser.screenshot("dashboard.png");

        // The same figures as CSV, for the level and period shown.
        String csv = new String(browser.fetchWithSession(browser.find(By.id("csv")).getAttribute("href")),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFfigure,key,label_ja,label_en,value\r\n")
                .contains("period,level,レベル,Level,STAR-3\r\n", "applied,,申請された評価,Assessments applied for,13\r\n",
                        "first_round_failure_share_by_area,CLOUD,クラウド,Cloud,0.7\r\n",
                        "first_rounds,pass_rate,初回合格率,First-pass rate,0.1667\r\n",
                        "top_failing_items,CLD-04,", "outcomes,mean_rounds,完了までの平均ラウンド数,Mean rounds to completion,1.6\r\n",
                        "engineer_open_tasks,eng1,試験員の未完了タスク,Engineer's open tasks,1\r\n",
                        "lead_time_party,userTask_supplyDocuments,文書の提出,Supply documents,製造事業者 / Manufacturer\r\n");

        // This month as the monthly PDF (every level: other tests' assessments count too).
        String month = YearMonth.from(LocalDate.now(LabClock.ZONE)).toString();
        byte[] pdf = browser.fetchWithSession("/lab/dashboard/monthly.pdf?month=" + month);
        Files.write(Chromium.SCREENSHOTS.resolve("monthly-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("月次報告 " + month + " / Monthly Report " + month, "初回ラウンド / First rounds",
                    "初回不合格: クラウド / First-round failures: Cloud", "CLD-04", "所要時間 / Lead times",
                    "未完了の作業（印刷時点） / Open work (as printed)");
        }

        // A manufacturer sees no dashboard; a bad period is refused in words.
        LabApi.BrowserSession maker = api.browser();
        maker.login(MANUFACTURER, LabApi.PASSWORD);
        assertThat(maker.getHtml("/lab/dashboard").status()).isEqualTo(403);
        assertThat(maker.getHtml("/lab/dashboard.csv").status()).isEqualTo(403);
        browser.open("/lab/dashboard?from=2026-12-31&to=2026-01-01");
        browser.waitForText("期間の終わり (2026-01-01) が始まり (2026-12-31) より前です。", "swap the dates.");
        browser.open("/lab/dashboard/monthly.pdf?month=November");
        browser.waitForText("month: write it as year-month, e.g. 2026-11, was 'November'.");
    }

    private long applied(int n) {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "集計ルーター D" + n,
                "modelNumbers", "D-" + n, "firmwareVersion", "1.0", "cloudVersion", "1.0", "starLevel", "STAR-3",
                "scope", List.of("DEVICE", "CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    /** Applied, documents supplied and passed, device and cloud tested: failing the given item, or passing. */
    private long tested(int n, String deviceFailure, String cloudFailure) {
        long id = applied(n);
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        Verdicts device = Verdicts.allPass(catalog.itemsOf(Step.DEVICE));
        Verdicts cloud = Verdicts.allPass(catalog.itemsOf(Step.CLOUD));
        api.receiveSamples(id, ENGINEER, "1.0.0");
        api.complete(id, USER_TASK_TEST_DEVICE, ENGINEER, (deviceFailure == null ? device
                : device.fail(deviceFailure, "初期パスワードが共通 / shared default password")).variables());
        api.complete(id, USER_TASK_TEST_CLOUD, ENGINEER, (cloudFailure == null ? cloud
                : cloud.fail(cloudFailure, "TLS 1.0 を受け付ける / accepts TLS 1.0")).variables());
        if (deviceFailure != null || cloudFailure != null) {
            api.awaitAssessment(id, ENGINEER, a -> a.path("activeSteps").findValuesAsText("step")
                    .contains(USER_TASK_SUBMIT_RECTIFICATION));
        }
        return id;
    }

    private void rectifiedAndPassed(long id, String item) {
        api.complete(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, Verdicts.none()
                .with(AssessmentVariables.CLOUD_VERSION.name(), "1.1")
                .with(ItemVariables.response(item).name(), "修正済み / fixed").variables());
        api.complete(id, USER_TASK_RETEST_ITEMS, ENGINEER, Verdicts.none().pass(item).variables());
        approved(id);
    }

    private void approved(long id) {
        api.complete(id, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());
        api.awaitAssessment(id, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
    }

    /** The rows of a table under a chart, as a person reads them (cells joined by spaces), without the header. */
    private List<String> rows(String table) {
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#" + table + " tr"));
        return rows.subList(1, rows.size()).stream().map(row -> row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText).reduce((a, b) -> a + " " + b).orElse("")).toList();
    }
}
