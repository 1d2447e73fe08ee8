package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manufacturer's first day, in a real Chromium: the login page, choosing its own password, Tasklist, and the
 * application through the Camunda Form of the start event. Needs Debian's chromium and chromium-driver
 * (.ci/run installs them); without them this class is skipped.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class TasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogRepository catalogs;

    LabApi api;
    Chromium browser;

    @BeforeEach
    void startBrowser() {
        api = LabUsers.on(port);
        browser = new Chromium(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        // What the browser showed last, for whoever reads a failure.
        browser.screenshot("browser-test-last.png");
        browser.close();
    }

    @Test
    void aNewManufacturerUserChoosesItsPasswordAppliesAndSuppliesItsDocumentsThroughTasklist() throws IOException {
        assertThat(api.post("/api/manufacturers/" + COMPANY + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", "browsermaker", "firstName", "Hanako", "lastName", "Suzuki", "email", "h@maker.example",
                        "password", LabApi.PASSWORD)).status()).isEqualTo(201);

        browser.open("/camunda/app/tasklist/default/");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        browser.driver.findElement(By.name("username")).sendKeys("browsermaker");
        browser.driver.findElement(By.name("password")).sendKeys(LabApi.PASSWORD);
        browser.driver.findElement(By.tagName("button")).click();

        browser.wait.until(ExpectedConditions.urlContains("/login/password"));
        browser.driver.findElement(By.name("newPassword")).sendKeys("hanakos-own-passphrase");
        browser.driver.findElement(By.tagName("button")).click();

        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));
        browser.click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
        browser.click(By.xpath("//a[contains(normalize-space(.), 'JC-STAR assessment')]"));
        browser.type("Product name", "ブラウザ試験ロック");
        browser.type("Model numbers", "BT-1");
        browser.type("Firmware version", "5.0");
        browser.click(By.cssSelector(".fjs-form-field-select .fjs-select-display"));
        browser.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(text()) = 'STAR-2']"));
        browser.field("DEVICE").click();
        // The start form tells where the documents go after applying.
        assertThat(browser.driver.findElement(By.xpath("//a[normalize-space(.) = 'assessments page']")).getAttribute("href"))
                .endsWith("/lab/assessments");
        browser.click(By.xpath("//button[normalize-space(text()) = 'Start']"));

        browser.wait.until(driver -> jdbc.sql("select count(*) from assessment where product_name = ?")
                .param("ブラウザ試験ロック").query(Long.class).single() == 1);
        Map<String, Object> applied = jdbc.sql("""
                        select company_id, manufacturer, applied_by, star_level, scope_device, scope_app from assessment
                        where product_name = ?""").param("ブラウザ試験ロック").query().singleRow();
        // Nobody typed the manufacturer's name: it is the company's registered name.
        assertThat(applied).containsEntry("company_id", COMPANY).containsEntry("manufacturer", "株式会社サンプル電機")
                .containsEntry("applied_by", "browsermaker")
                .containsEntry("star_level", "STAR-2").containsEntry("scope_device", true)
                .containsEntry("scope_app", false);

        // Its first task: the seven documents, or a word on each one still missing.
        long id = jdbc.sql("select id from assessment where product_name = ?").param("ブラウザ試験ロック")
                .query(Long.class).single();
        browser.open("/camunda/app/tasklist/default/#/?task="
                + api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, ENGINEER));
        WebElement form = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
        browser.wait.until(driver -> form.getText().contains("0 / 7"));
        assertThat(form.getText()).contains("文書の提出 / Supply documents", "name the item (e.g. DOC-05) and say why",
                "0 / 7 提出済 / supplied").doesNotContain("The lab's request");
        browser.claim();
        browser.type("What you supplied", "DOC-01 は来週 / next week");
        browser.dismissNotifications(); // "The process has been started." lies over the Complete button
        browser.complete();
        browser.wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("No document for"));
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .contains("DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 の文書がありません。",
                        "No document for DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07.")
                .doesNotContain("ENGINE-", "documentsSupplied");
        browser.screenshot("browser-supply-documents.png");
        assertThat(api.activeSteps(id, ENGINEER)).containsExactly(USER_TASK_SUPPLY_DOCUMENTS);

        // The notification covers the buttons until it is closed, as a person would.
        browser.dismissNotifications();
        browser.type("What you supplied", "; DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 は改訂中 / being revised");
        browser.complete();
        browser.wait.until(driver -> api.activeSteps(id, ENGINEER).contains(USER_TASK_REVIEW_DOCUMENTATION));
    }

    @Test
    void theEngineerSeesTheSuppliedAndMissingDocumentsInTheReviewFormAndAttachesEvidenceOnTheDocumentsPage()
            throws IOException {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "ブラウザ試験カメラ", "modelNumbers", "BC-1", "firmwareVersion", "1.0",
                "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        long id = applied.json().path("id").asLong();
        assertThat(api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", "application/pdf",
                DocumentApiTest.pdf("architecture")).status()).isEqualTo(201);
        // The manufacturer supplies one document and says why the other six are missing.
        api.complete(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, Map.of("documentsSupplied",
                "DOC-01 architecture v1; DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 follow next month"));

        browser.logIn(api, ENGINEER);
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));

        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        browser.open("/camunda/app/tasklist/default/#/?task=" + task);
        WebElement supplied = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space(.) = 'v1 architecture.pdf']")));
        assertThat(supplied.getAttribute("href")).matches(".*/lab/assessments/" + id + "/documents/\\d+/content");
        WebElement form = browser.driver.findElement(By.cssSelector(".fjs-form"));
        assertThat(form.getText()).contains("1 / 7 提出済 / supplied, 6 未提出 / missing", "DOC-02", "未提出 / missing");
        browser.screenshot("browser-review-documentation.png");
        String documentsPage = browser.driver.findElement(By.xpath("//a[contains(normalize-space(.), 'Upload and list')]"))
                .getAttribute("href");
        assertThat(documentsPage).endsWith("/lab/assessments/" + id + "/documents");

        browser.driver.get(documentsPage);
        Path evidence = Files.createTempFile("tls-scan-", ".txt");
        Files.writeString(evidence, "api.example.jp:443 TLSv1.2 only\n");
        WebElement evidenceForm = browser.driver.findElement(By.xpath("//h2[contains(., 'Attach evidence')]/following-sibling::form[1]"));
        new Select(evidenceForm.findElement(By.name("itemId"))).selectByValue("DEV-03");
        evidenceForm.findElement(By.name("file")).sendKeys(evidence.toAbsolutePath().toString());
        evidenceForm.findElement(By.tagName("button")).click();
        assertThat(browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.ok"))).getText())
                .endsWith("DEV-03 v1 " + evidence.getFileName());
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .contains("text/plain");
        browser.screenshot("browser-documents-page.png");
        Files.delete(evidence);
    }

    @Test
    void theEngineerRecordsTheSamplesAsReceivedInTasklistBeforeTheDeviceTests() throws IOException {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "ブラウザ試験ハブ", "modelNumbers", "BH-1, BH-1W", "firmwareVersion", "3.1",
                "cloudVersion", "2026.4", "starLevel", "STAR-1", "scope", List.of("DEVICE", "CLOUD")));
        long id = applied.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables());
        assertThat(api.activeSteps(id, ENGINEER)).containsExactlyInAnyOrder(USER_TASK_RECEIVE_SAMPLES, USER_TASK_TEST_CLOUD);

        browser.logIn(api, ENGINEER);
        browser.openTask(api.openTask(id, USER_TASK_RECEIVE_SAMPLES, ENGINEER));
        browser.claim();
        // What arrived is compared with what was applied for, which the form shows in both languages.
        browser.waitForText("試料の受領 / Samples received", "Record the samples as they arrived",
                "申請時の版 / Versions applied for", "ファームウェア / firmware 3.1", "クラウド / cloud 2026.4",
                "型番 / Model numbers", "BH-1, BH-1W", "受領日 / Received on",
                "シリアル番号（1行に1台） / Serial numbers (one per line)", "ハードウェアリビジョン / Hardware revision",
                "受領時のファームウェアバージョン / Firmware version as received",
                "受領時のクラウドバージョン / Cloud version as received");
        assertThat(browser.driver.findElements(By.xpath("//label[contains(., 'App version as received')]")))
                .as("the app is outside the scope").isEmpty();
        LocalDate today = new LabClock().now().toLocalDate();
        WebElement date = browser.field("受領日");
        date.sendKeys(today.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        date.sendKeys(Keys.ENTER);
        browser.type("シリアル番号", "BH1-00017\nBH1-00018");
        browser.type("ハードウェアリビジョン", "Rev.B");
        browser.type("ファームウェアバージョン", "3.1.2");
        browser.type("クラウドバージョン", "2026.4");
        browser.type("状態・付属品", "ACアダプタ付属 / AC adapter included");
        browser.screenshot("receive-samples-form.png");
        browser.complete();

        browser.wait.until(driver -> api.activeSteps(id, ENGINEER).contains(USER_TASK_TEST_DEVICE));
        Map<String, Object> received = jdbc.sql("""
                        select received_on, serial_numbers, hardware_revision, firmware_version, cloud_version, app_version,
                               item_condition, recorded_by
                        from sample_receipt where assessment_id = ?""").param(id).query().singleRow();
        assertThat(received).containsEntry("serial_numbers", "BH1-00017\nBH1-00018")
                .containsEntry("hardware_revision", "Rev.B").containsEntry("firmware_version", "3.1.2")
                .containsEntry("cloud_version", "2026.4").containsEntry("app_version", null)
                .containsEntry("item_condition", "ACアダプタ付属 / AC adapter included")
                .containsEntry("recorded_by", ENGINEER);
        assertThat(received.get("received_on").toString()).isEqualTo(today.toString());
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
