package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;

/**
 * The first run, as {@code mvn spring-boot:run} starts it: no mail server configured. Mails are written all the same
 * and kept, and a lab manager reads on the outbox page what people would have been told, with a word on how to send
 * them. The app in a JVM of its own on an empty in-memory database (the web tests' shared app has a mail server, and
 * Camunda's webapps keep JVM-wide state that a second app in the test JVM would take over).
 */
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class FirstRunOutboxBrowserTest {

    static final String COMPANY = "first-co";
    static final String MAKER = "first-maker";
    static final String MANAGER = "first-manager";

    static AppNode app;

    LabApi api;
    Chromium browser;

    @BeforeAll
    static void startTheApp() throws Exception {
        app = new AppNode("first-run", "jdbc:h2:mem:jcstar-first-run;DB_CLOSE_DELAY=-1", "sa", Map.of());
        app.start();
    }

    @AfterAll
    static void stopTheApp() throws InterruptedException {
        app.stop();
    }

    @BeforeEach
    void start() {
        api = new LabApi(app.port);
        api.loginForToken("admin", WebAppTest.ADMIN_PASSWORD);
        browser = new Chromium(app.port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void withoutAMailServerTheLabManagerReadsWhatWouldHaveBeenSent() throws Exception {
        api.registerCompany(COMPANY, "初回電機株式会社");
        api.registerManufacturerUser(COMPANY, MAKER);
        api.registerStaff(MANAGER, "lab-manager");
        api.loginForToken(MANAGER, LabApi.PASSWORD);
        LabApi.Reply applied = api.post("/api/assessments", MAKER, Map.of("productName", "初回カメラ F1",
                "modelNumbers", "F-1", "firmwareVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        String reference = applied.json().path("reference").asText();
        String subject = "[JC-STAR] 申請を受け付けました: " + reference + " 初回カメラ F1 / Application received: " + reference
                + " 初回カメラ F1";

        browser.logIn(api, MANAGER).open("/lab/outbox");
        browser.waitForText("SMTP サーバーが設定されていないため、メールは送信されずここに残ります。",
                "No SMTP server is configured: mails are not sent and stay here.", subject,
                "[JC-STAR] 文書の提出をお願いします: " + reference);
        assertThat(browser.find(By.xpath("//table[@id='mails']//tr[.//summary[normalize-space(.) = \"" + subject
                + "\"]]")).getText()).contains(MAKER + "@maker.example", "未送信 (SMTP 未設定) / Not sent (no SMTP server)");
        browser.click(By.xpath("//summary[normalize-space(.) = \"" + subject + "\"]"));
        browser.waitForText("Test " + MAKER + " 様", "Dear " + MAKER + " Test,", "受付番号は " + reference + " です。");
        assertThat(browser.text()).contains("未送信 (SMTP 未設定) / Not sent (no SMTP server): 2");
        browser.screenshot("mail-outbox-first-run.png");
    }
}
