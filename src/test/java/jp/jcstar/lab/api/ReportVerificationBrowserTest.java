package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.reports.ReportSettings;
import jp.jcstar.lab.reports.SignedPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the holder of an issued PDF can check, in a real Chromium: the PDFs are signed with the lab's key (the
 * signature breaks when one byte changes), each page's QR code holds the address of the report's verification page,
 * which anyone opens without an account and which says whether the report stands (valid, expired, withdrawn) and
 * whether a file is that report; it shows nothing else of the assessment. A lab manager withdraws a report with a
 * reason on the assessment's page.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class ReportVerificationBrowserTest {

    static final String MANAGER = "verify-manager";
    private static final String PRODUCT = "検証ゲートウェイ G7";
    private static final String FINDING = "管理画面が HTTP で開ける / the admin page opens over plain HTTP";

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;
    @Autowired ReportSettings settings;
    @Autowired JdbcClient jdbc;

    LabApi api;
    Catalog catalog;
    Chromium browser;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
        catalog = catalogs.current();
        LabUsers.staff(api, MANAGER, "lab-manager");
        LabUsers.rival(api);
        browser = new Chromium(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void anIssuedReportIsSignedAndItsQrCodeOpensAPageThatSaysWhetherItStands() throws Exception {
        long id = Walks.completedAfterOneRectification(api, catalog, PRODUCT, "STAR-2", FINDING);
        String reference = api.get("/api/assessments/" + id, MANUFACTURER).json().path("reference").asText();
        byte[] report = api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER).body();
        byte[] issueList = api.get("/api/assessments/" + id + "/reports/issue-list?round=1", MANUFACTURER).body();

        // Signed with the lab's key, PAdES: the whole file but the signature, the time in the dictionary only.
        SignedPdfs.Signature signature = SignedPdfs.signature(report);
        assertThat(signature.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(signature.coversWholeFile()).isTrue();
        assertThat(signature.intact()).isTrue();
        assertThat(signature.signingTimeInCms()).isFalse();
        assertThat(signature.signer().getSubjectX500Principal().getName()).contains("JC-STAR Test Laboratory");
        assertThat(SignedPdfs.signature(issueList).intact()).isTrue();
        // One byte changed in the rendered content: the signature no longer holds.
        byte[] altered = report.clone();
        int inContent = report.length / 3;
        altered[inContent] = (byte) (altered[inContent] ^ 0x01);
        assertThat(SignedPdfs.signature(altered).intact()).isFalse();

        // The QR code on the first page is the page's address; the issue list has a page of its own.
        List<String> codes = SignedPdfs.qrCodes(report, 0);
        assertThat(codes).singleElement().asString().matches(java.util.regex.Pattern.quote(settings.publicUrl())
                + "/verify/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        String url = codes.get(0);
        String code = url.substring(url.lastIndexOf('/') + 1);
        assertThat(SignedPdfs.qrCodes(issueList, 0)).singleElement().asString().startsWith(settings.publicUrl() + "/verify/")
                .isNotEqualTo(url);
        assertThat(AssessmentApiEndToEndTest.pdfText(report)).contains("Verify:" + url, "Code" + code);

        // Anyone holding the PDF opens the address (the test server's, at the path the QR code names): no login.
        String path = URI.create(url).getPath();
        browser.open(path);
        String page = browser.waitForText("有効 / Valid", "報告書の検証 / Report verification");
        String today = LocalDate.now(LabClock.ZONE).toString();
        assertThat(fact("issued-by")).isEqualTo("JC-STAR Test Laboratory");
        assertThat(fact("document")).isEqualTo("最終評価報告書 / Final assessment report");
        assertThat(fact("product")).isEqualTo(PRODUCT);
        assertThat(fact("manufacturer")).isEqualTo("株式会社サンプル電機");
        assertThat(fact("level")).isEqualTo("STAR-2");
        assertThat(fact("issued")).isEqualTo(today);
        assertThat(fact("valid-until")).isEqualTo(LocalDate.parse(today).plusYears(2).toString());
        assertThat(fact("sha256")).isEqualTo(Sha256.hex(report));
        assertThat(fact("certificate")).isEqualTo(Sha256.hex(signature.signer().getEncoded()));
        // Nothing else of the assessment: no reference, findings, people or other files.
        assertThat(page).doesNotContain(reference, "CLD-04", "HTTP", ENGINEER, REVIEWER, MANUFACTURER, "DOC-0");
        browser.screenshot("verify-valid.png");

        // A pasted hash and a chosen file are compared with the issued one.
        browser.find(By.id("sha256-input")).sendKeys(Sha256.hex(altered));
        browser.click(By.id("check-hash"));
        browser.waitForText("一致しません。", "No match: this file is not the report issued under this code");
        browser.find(By.id("sha256-input")).sendKeys(" " + Sha256.hex(report).toUpperCase() + " ");
        browser.click(By.id("check-hash"));
        browser.waitForText("一致します。", "It matches: this file is the report issued under this code.");
        Path copy = Files.createTempFile("final-report", ".pdf");
        Files.write(copy, report);
        browser.find(By.id("file")).sendKeys(copy.toString());
        WebElement before = browser.find(By.tagName("html"));
        browser.click(By.id("check-file"));
        browser.awaitGone(before);
        browser.waitForText("It matches: this file is the report issued under this code.", copy.getFileName().toString());
        Files.write(copy, altered);
        browser.find(By.id("file")).sendKeys(copy.toString());
        before = browser.find(By.tagName("html"));
        browser.click(By.id("check-file"));
        browser.awaitGone(before);
        browser.waitForText("No match: this file is not the report issued under this code, or it was changed.");
        // Anyone may upload here: what cannot be a report (over 20 MB) is refused before it is read.
        LabApi.BrowserSession anonymous = api.browser();
        String upload = anonymous.getPage(path).text();
        String csrf = upload.replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        LabApi.Reply tooLarge = anonymous.postMultipart(path, new LabApi.Multipart().field("_csrf", csrf)
                .file("file", "huge.pdf", "application/pdf", new byte[21 * 1024 * 1024]));
        assertThat(tooLarge.location()).endsWith(path + "?tooLarge");
        assertThat(anonymous.getPage(path + "?tooLarge").text()).contains("paste its SHA-256 (what sha256sum prints) instead");
        browser.open(path + "?sha256=not-a-hash");
        browser.waitForText("SHA-256 は 16 進数 64 文字です", "A SHA-256 is 64 hexadecimal characters");
        browser.open("/verify/ZZZZ-ZZZZ-ZZZZ");
        browser.waitForText("検証コード「ZZZZ-ZZZZ-ZZZZ」の報告書はありません。", "No report was issued under the code");
        // A code typed by hand, in lower case.
        browser.open("/verify?code=" + code.toLowerCase());
        browser.waitForText("有効 / Valid", code);

        // The page is all that a person of another company, or no account, gets: not the assessment, not the file.
        assertThat(api.get("/api/assessments/" + id, CompanyIsolationTest.RIVAL).status()).isEqualTo(404);
        assertThat(api.get("/api/assessments/" + id + "/reports/final", CompanyIsolationTest.RIVAL).status()).isEqualTo(404);
        assertThat(LabApi.exchange(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/assessments/" + id + "/reports/final")).GET()).status())
                .isEqualTo(401);

        // Two years on, the label's validity has ended (the report's end of validity moved into the past).
        OffsetDateTime validUntil = jdbc.sql("select valid_until from report where verification_code = ?").param(code)
                .query(OffsetDateTime.class).single();
        jdbc.sql("update report set valid_until = ? where verification_code = ?")
                .params(OffsetDateTime.now().minusDays(1), code).update();
        try {
            browser.open(path);
            browser.waitForText("有効期限切れ / Expired", "This report's validity has ended.");
        } finally {
            jdbc.sql("update report set valid_until = ? where verification_code = ?").params(validUntil, code).update();
        }

        // The manufacturer sees where its reports stand, and cannot withdraw them.
        browser.close();
        browser = new Chromium(port);
        browser.logIn(api, MANUFACTURER).open("/lab/assessments/" + id);
        browser.waitForText("検証ページ / Verification page " + code, "有効 / Valid");
        assertThat(browser.driver.findElements(By.cssSelector("form.withdraw"))).isEmpty();
        LabApi.BrowserSession session = api.browser();
        session.login(MANUFACTURER, LabApi.PASSWORD);
        session.getHtml("/lab/assessments/" + id);
        LabApi.Reply refused = session.form("/lab/reports/" + code + "/withdraw", Map.of("reason", "不要 / not needed"));
        assertThat(refused.status()).isEqualTo(403);
        browser.open("/lab/assessments/" + id);
        browser.waitForText("検証ページ / Verification page " + code, "有効 / Valid");

        // A lab manager withdraws the final report with a reason; the page says so, to everyone.
        browser.close();
        browser = new Chromium(port);
        browser.logIn(api, MANAGER).open("/lab/assessments/" + id);
        browser.waitForText("検証ページ / Verification page " + code);
        WebElement form = browser.find(By.cssSelector("li[data-code='" + code + "'] form.withdraw"));
        form.findElement(By.name("reason")).sendKeys("型番の記載誤り。再発行します。 / Wrong model number; to be reissued.");
        before = browser.find(By.tagName("html"));
        form.findElement(By.tagName("button")).click();
        browser.awaitGone(before);
        browser.waitForText("撤回 / Withdrawn");
        assertThat(browser.driver.findElements(By.cssSelector("li[data-code='" + code + "'] form.withdraw"))).isEmpty();
        browser.screenshot("assessment-report-withdrawn.png");

        browser.close();
        browser = new Chromium(port);
        browser.open(path);
        browser.waitForText("撤回 / Withdrawn", "The issuing lab withdrew this report. Do not rely on it.",
                "型番の記載誤り。再発行します。 / Wrong model number; to be reissued.");
        browser.screenshot("verify-withdrawn.png");
        // A withdrawn report goes into no IPA package.
        LabApi.Reply noPackage = api.get("/api/assessments/" + id + "/reports/ipa-package", MANUFACTURER);
        assertThat(noPackage.status()).isEqualTo(409);
        assertThat(noPackage.json().path("detail").asText()).contains("is withdrawn: there is no IPA package for it");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String fact(String id) {
        return browser.find(By.id(id)).getText();
    }
}
