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
 * Renewal, in a real Chromium: the manufacturer starts a new assessment of a certified product from the completed
 * one's page; it is prefilled with the product, model numbers, the versions last tested, level and scope, and the
 * two pages link each other. One renewal runs at a time, and only a completed assessment is renewed. The renewal's
 * final report supersedes the old one on its verification page.
 */
@jp.jcstar.lab.WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class RenewalBrowserTest {

    private static final String PRODUCT = "更新カメラ R2";

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
    void theManufacturerRenewsACompletedAssessmentFromItsPage() throws Exception {
        long id = Walks.completedAfterOneRectification(api, catalog, PRODUCT, "STAR-2", "TLS 1.0 / accepts TLS 1.0");
        String reference = api.get("/api/assessments/" + id, MANUFACTURER).json().path("reference").asText();

        browser.logIn(api, MANUFACTURER).open("/lab/assessments/" + id);
        browser.waitForText("更新の評価を申請する / Apply for a renewal", "Starts a new assessment of this product");
        WebElement before = browser.find(By.tagName("html"));
        browser.click(By.cssSelector("#renew button"));
        browser.awaitGone(before);
        String page = browser.waitForText("更新元 / Renewal of", PRODUCT);
        assertThat(browser.find(By.id("renews")).getText()).isEqualTo(reference);
        long renewal = Long.parseLong(browser.url().replaceAll(".*/lab/assessments/(\\d+).*", "$1"));
        assertThat(renewal).isNotEqualTo(id);
        assertThat(page).doesNotContain("更新の評価を申請する");
        browser.screenshot("renewal.png");

        // Prefilled from the completed assessment: the versions it last tested (the cloud's fixed one), level, scope.
        JsonNode fresh = api.get("/api/assessments/" + renewal, MANUFACTURER).json();
        assertThat(fresh.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(fresh.path("productName").asText()).isEqualTo(PRODUCT);
        assertThat(fresh.path("modelNumbers").asText()).isEqualTo("G-7");
        assertThat(fresh.path("firmwareVersion").asText()).isEqualTo("7.0");
        assertThat(fresh.path("cloudVersion").asText()).isEqualTo("2026.2");
        assertThat(fresh.path("starLevel").asText()).isEqualTo("STAR-2");
        assertThat(fresh.path("manufacturer").asText()).isEqualTo("株式会社サンプル電機");
        assertThat(fresh.path("activeSteps").findValuesAsText("step")).containsExactly("userTask_supplyDocuments");

        browser.open("/lab/assessments/" + id);
        browser.waitForText("更新の評価 / Renewed by");
        assertThat(browser.find(By.id("renewals")).getText())
                .isEqualTo(fresh.path("reference").asText() + " (進行中 / In progress)");

        // One at a time; a running assessment has no label to renew; another company sees neither.
        LabApi.Reply again = api.post("/api/assessments/" + id + "/renewal", MANUFACTURER, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("The renewal of " + reference + " is in progress");
        LabApi.Reply running = api.post("/api/assessments/" + renewal + "/renewal", MANUFACTURER, Map.of());
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.json().path("detail").asText()).contains("not completed: there is no label to renew");
        assertThat(api.post("/api/assessments/" + id + "/renewal", ENGINEER, Map.of()).status()).isEqualTo(403);
        assertThat(browser.consoleErrors()).isEmpty();

        // The renewal passes: its report replaces the old one, whose verification page now says so and leads on.
        byte[] oldReport = api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER).body();
        String oldUrl = SignedPdfs.qrCodes(oldReport, 0).get(0);
        api.supplyDocuments(renewal, MANUFACTURER);
        api.complete(renewal, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(renewal, ENGINEER, "7.0");
        api.complete(renewal, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DEVICE)).variables());
        api.complete(renewal, USER_TASK_TEST_CLOUD, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.CLOUD)).variables());
        api.complete(renewal, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());
        api.awaitAssessment(renewal, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
        String newUrl = SignedPdfs.qrCodes(api.get("/api/assessments/" + renewal + "/reports/final", MANUFACTURER).body(),
                0).get(0);
        String newCode = newUrl.substring(newUrl.lastIndexOf('/') + 1);

        browser.close();
        browser = new Chromium(port);
        browser.open(URI.create(oldUrl).getPath());
        browser.waitForText("新しい報告書に置き換え済み / Superseded", "This report was replaced by the report of its renewal:",
                newCode);
        browser.screenshot("verify-superseded.png");
        browser.click(By.id("superseded-by"));
        browser.waitForText("有効 / Valid", newCode, PRODUCT);
    }
}
