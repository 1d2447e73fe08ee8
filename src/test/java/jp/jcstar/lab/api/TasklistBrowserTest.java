package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manufacturer's first day, in a real Chromium: the login page, choosing its own password, Tasklist, and the
 * application through the Camunda Form of the start event. Needs Debian's chromium and chromium-driver
 * (.ci/run installs them); without them this class is skipped.
 */
@WebAppTest
@EnabledIf("browserInstalled")
class TasklistBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    LabApi api;
    WebDriver browser;
    WebDriverWait wait;

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void startBrowser() {
        api = LabUsers.on(port);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,1200");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws java.io.IOException {
        // What the browser showed last, for whoever reads a failure.
        screenshot("browser-test-last.png");
        browser.quit();
    }

    @Test
    void aNewManufacturerUserChoosesItsPasswordAppliesAndSuppliesItsDocumentsThroughTasklist() throws java.io.IOException {
        assertThat(api.post("/api/manufacturers/" + COMPANY + "/users", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("id", "browsermaker", "firstName", "Hanako", "lastName", "Suzuki", "email", "h@maker.example",
                        "password", LabApi.PASSWORD)).status()).isEqualTo(201);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys("browsermaker");
        browser.findElement(By.name("password")).sendKeys(LabApi.PASSWORD);
        browser.findElement(By.tagName("button")).click();

        wait.until(ExpectedConditions.urlContains("/login/password"));
        browser.findElement(By.name("newPassword")).sendKeys("hanakos-own-passphrase");
        browser.findElement(By.tagName("button")).click();

        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));
        click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
        click(By.xpath("//a[contains(normalize-space(.), 'JC-STAR assessment')]"));
        field("Product name").sendKeys("ブラウザ試験ロック");
        field("Model numbers").sendKeys("BT-1");
        field("Firmware version").sendKeys("5.0");
        click(By.cssSelector(".fjs-form-field-select .fjs-select-display"));
        click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(text()) = 'STAR-2']"));
        field("DEVICE").click();
        // The start form tells where the documents go after applying.
        assertThat(browser.findElement(By.xpath("//a[normalize-space(.) = 'assessments page']")).getAttribute("href"))
                .endsWith("/lab/assessments");
        click(By.xpath("//button[normalize-space(text()) = 'Start']"));

        wait.until(driver -> jdbc.sql("select count(*) from assessment where product_name = ?")
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
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
                + api.openTask(id, "userTask_supplyDocuments", ENGINEER));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(driver -> form.getText().contains("0 / 7"));
        assertThat(form.getText()).contains("文書の提出 / Supply documents", "name the item (e.g. DOC-05) and say why",
                "0 / 7 提出済 / supplied").doesNotContain("The lab's request");
        click(By.xpath("//*[(self::a or self::button) and contains(normalize-space(.), 'Claim')]"));
        field("What you supplied").sendKeys("DOC-01 は来週 / next week");
        dismissNotifications(); // "The process has been started." lies over the Complete button
        complete();
        wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("No document for"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 の文書がありません。",
                        "No document for DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07.")
                .doesNotContain("ENGINE-", "documentsSupplied");
        screenshot("browser-supply-documents.png");
        assertThat(api.activeSteps(id, ENGINEER)).containsExactly("userTask_supplyDocuments");

        // The notification covers the buttons until it is closed, as a person would.
        dismissNotifications();
        field("What you supplied").sendKeys("; DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 は改訂中 / being revised");
        complete();
        wait.until(driver -> api.activeSteps(id, ENGINEER).contains("userTask_reviewDocumentation"));
    }

    @Test
    void theEngineerSeesTheSuppliedAndMissingDocumentsInTheReviewFormAndAttachesEvidenceOnTheDocumentsPage()
            throws java.io.IOException {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "ブラウザ試験カメラ", "modelNumbers", "BC-1", "firmwareVersion", "1.0",
                "starLevel", "STAR-1", "scope", java.util.List.of("DEVICE")));
        long id = applied.json().path("id").asLong();
        assertThat(api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", "application/pdf",
                DocumentApiTest.pdf("architecture")).status()).isEqualTo(201);
        // The manufacturer supplies one document and says why the other six are missing.
        api.complete(id, "userTask_supplyDocuments", MANUFACTURER, Map.of("documentsSupplied",
                "DOC-01 architecture v1; DOC-02, DOC-03, DOC-04, DOC-05, DOC-06, DOC-07 follow next month"));

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(ENGINEER);
        browser.findElement(By.name("password")).sendKeys(api.passwordOf(ENGINEER));
        browser.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.urlContains("/login/mfa"));
        browser.findElement(By.name("code")).sendKeys(api.nextCode(ENGINEER));
        browser.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));

        String task = api.openTask(id, "userTask_reviewDocumentation", ENGINEER);
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        WebElement supplied = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space(.) = 'v1 architecture.pdf']")));
        assertThat(supplied.getAttribute("href")).matches(".*/lab/assessments/" + id + "/documents/\\d+/content");
        WebElement form = browser.findElement(By.cssSelector(".fjs-form"));
        assertThat(form.getText()).contains("1 / 7 提出済 / supplied, 6 未提出 / missing", "DOC-02", "未提出 / missing");
        screenshot("browser-review-documentation.png");
        String documentsPage = browser.findElement(By.xpath("//a[contains(normalize-space(.), 'Upload and list')]"))
                .getAttribute("href");
        assertThat(documentsPage).endsWith("/lab/assessments/" + id + "/documents");

        browser.get(documentsPage);
        Path evidence = Files.createTempFile("tls-scan-", ".txt");
        Files.writeString(evidence, "api.example.jp:443 TLSv1.2 only\n");
        WebElement evidenceForm = browser.findElement(By.xpath("//h2[contains(., 'Attach evidence')]/following-sibling::form[1]"));
        new org.openqa.selenium.support.ui.Select(evidenceForm.findElement(By.name("itemId"))).selectByValue("DEV-03");
        evidenceForm.findElement(By.name("file")).sendKeys(evidence.toAbsolutePath().toString());
        evidenceForm.findElement(By.tagName("button")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.ok"))).getText())
                .endsWith("DEV-03 v1 " + evidence.getFileName());
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("text/plain");
        screenshot("browser-documents-page.png");
        Files.delete(evidence);
    }

    /** What the browser shows, kept under target/ for whoever wants to see it. */
    private void screenshot(String name) throws java.io.IOException {
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Closes Tasklist's notifications, which cover the form's buttons, as a person would. */
    private void dismissNotifications() {
        browser.findElements(By.xpath("//div[contains(@class, 'alert')]//*[normalize-space(.) = '×']")).stream()
                .filter(WebElement::isDisplayed).forEach(WebElement::click);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    }

    private void click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    /**
     * The task form's Complete button at the bottom of a long task, as a person reaches it: the field typed in is left
     * (form-js then resizes it, which moves the pane), the button scrolled to the middle once it stands still, and
     * clicked where it is. WebDriver's own scrolling would leave it under Tasklist's fixed footer.
     */
    private void complete() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(text()) = 'Complete']")));
        org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) browser;
        page.executeScript("document.activeElement.blur()");
        awaitStill(button);
        page.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        awaitStill(button);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(button).click().perform();
    }

    /** Until the element is where it was half a second before. */
    private void awaitStill(WebElement element) {
        Object[] last = {null};
        wait.until(driver -> {
            Object top = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return arguments[0].getBoundingClientRect().top", element);
            boolean still = top.equals(last[0]);
            last[0] = top;
            return still;
        });
    }

    /** A form-js field by the English part of its bilingual label. */
    private WebElement field(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.), '" + label + "')]")));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }
}
