package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assessments list of a company with more assessments than one page holds, in a real Chromium: 50 a page, newest
 * first, the older ones a click away, and a search by reference, product or manufacturer and by status. Lab staff find
 * any company's assessment; another manufacturer finds none of them.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class AssessmentListBrowserTest {

    static final String COMPANY = "list-co";
    static final String COMPANY_NAME = "一覧電機株式会社";
    static final String MAKER = "listmaker";
    static final int ASSESSMENTS = 53;

    @LocalServerPort int port;

    LabApi api;
    Chromium browser;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
        browser = new Chromium(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aCompanyWithMoreAssessmentsThanAPageFindsEachOfThem() throws IOException {
        api.registerCompany(COMPANY, COMPANY_NAME);
        api.registerManufacturerUser(COMPANY, MAKER);
        String oldest = null;
        for (int n = 1; n <= ASSESSMENTS; n++) {
            long id = api.post("/api/assessments", MAKER, Map.of("productName", "見守りカメラ C" + n,
                    "modelNumbers", "MC-" + n, "firmwareVersion", "1.0." + n, "appVersion", "1.0", "cloudVersion", "1.0",
                    "starLevel", "STAR-1", "scope", List.of("DEVICE"))).json().path("id").asLong();
            if (n == 1) {
                oldest = api.get("/api/assessments/" + id, MAKER).json().path("reference").asText();
            }
        }

        browser.logIn(api, MAKER).open("/lab/assessments");
        String first = browser.waitForText("全 53 件中 1–50 件（1 / 2 ページ）/ 1–50 of 53 (page 1 of 2)");
        assertThat(rows()).isEqualTo(50);
        assertThat(firstProduct()).isEqualTo("見守りカメラ C53");
        assertThat(first).doesNotContain(oldest).contains("古い評価 / Older →").doesNotContain("新しい評価 / Newer");
        browser.screenshot("assessments-list-paged.png");

        WebElement shown = browser.find(By.tagName("html"));
        browser.click(By.linkText("古い評価 / Older →"));
        browser.awaitGone(shown);
        String second = browser.waitForText("全 53 件中 51–53 件（2 / 2 ページ）/ 51–53 of 53 (page 2 of 2)");
        assertThat(rows()).isEqualTo(3);
        assertThat(second).contains(oldest, "見守りカメラ C1", "← 新しい評価 / Newer").doesNotContain("Older →");

        // A product's name or a reference finds the one assessment, whatever page it is on.
        search("カメラ c7", "");
        browser.waitForText("全 1 件中 1–1 件（1 / 1 ページ）/ 1–1 of 1 (page 1 of 1)");
        assertThat(firstProduct()).isEqualTo("見守りカメラ C7");
        search(oldest, "");
        browser.waitForText("1–1 of 1");
        assertThat(firstProduct()).isEqualTo("見守りカメラ C1");
        search("", "COMPLETED");
        browser.waitForText("条件に合う評価はありません。条件を変えるか外してください。 / No assessment matches. Change the search or clear it.");
        assertThat(new Select(browser.find(By.name("status"))).getFirstSelectedOption().getText())
                .isEqualTo("完了（合格）/ Completed (passed)");
        browser.screenshot("assessments-list-no-match.png");
        browser.click(By.linkText("条件を外す / Clear"));
        browser.waitForText("1–50 of 53");

        // A page past the last says so and leads back; a page that is no number is refused in words.
        browser.open("/lab/assessments?page=9");
        browser.waitForText("このページに評価はありません（全 2 ページ）。 / There is nothing on this page (there are 2 pages).");
        browser.click(By.linkText("最初のページへ / To the first page"));
        browser.waitForText("1–50 of 53");
        browser.open("/lab/assessments?page=2147483647");
        browser.waitForText("There is nothing on this page (there are 2 pages).");
        browser.open("/lab/assessments?page=two");
        browser.waitForText("ページ page は 1 以上の整数にしてください", "page must be a whole number from 1, was 'two'");
        browser.open("/lab/assessments?status=PASSED");
        browser.waitForText("status must be one of IN_PROGRESS, COMPLETED, TERMINATED, WITHDRAWN, CANCELLED, was 'PASSED'");

        // Lab staff search every company; another manufacturer finds nothing of this one.
        LabApi.BrowserSession engineer = api.browser();
        engineer.login(ENGINEER, LabApi.PASSWORD);
        assertThat(engineer.getPage("/lab/assessments?q=" + oldest).text()).contains(oldest, "見守りカメラ C1", COMPANY_NAME);
        LabApi.BrowserSession other = api.browser();
        other.login(MANUFACTURER, LabApi.PASSWORD);
        // (the reference searched for stays in the search field: no row, no link names it)
        assertThat(other.getPage("/lab/assessments?q=" + oldest).text()).doesNotContain(">" + oldest + "<", "見守りカメラ")
                .contains("value=\"" + oldest + "\"", "No assessment matches");
    }

    private void search(String text, String status) {
        WebElement field = browser.find(By.name("q"));
        field.clear();
        field.sendKeys(text);
        new Select(browser.find(By.name("status"))).selectByValue(status);
        WebElement shown = browser.find(By.tagName("html"));
        browser.click(By.cssSelector("form.search button"));
        browser.awaitGone(shown);
    }

    private int rows() {
        return browser.driver.findElements(By.cssSelector("#assessments tr")).size() - 1;
    }

    private String firstProduct() {
        return browser.find(By.cssSelector("#assessments tr:nth-child(2) td:nth-child(3)")).getText();
    }
}
