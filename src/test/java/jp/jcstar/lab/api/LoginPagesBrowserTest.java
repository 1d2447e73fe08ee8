package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The way in and out as a person sees it, in a real Chromium: the login pages in Japanese and English with what went
 * wrong and what to do, the first login of new staff (own password, second factor, recovery codes), the app's own
 * pages for a missing page and for Admin without the right, and logging out from the app's bar and from Tasklist.
 * Screenshots of every page under target/screenshots.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class LoginPagesBrowserTest {

    @LocalServerPort int port;

    LabApi api;
    Chromium browser;

    @BeforeEach
    void startBrowser() {
        api = LabUsers.on(port);
        browser = new Chromium(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        browser.screenshot("login-pages-last.png");
        browser.close();
    }

    @Test
    void theLoginPageSaysInBothLanguagesWhatToEnterAndWhatWentWrong() throws IOException {
        api.registerStaff("lpwrong", "engineer");
        browser.open("/login");
        assertThat(browser.text()).contains("ログイン / Log in", "ユーザー名 / User name", "パスワード / Password",
                "At your first login you choose your own password");
        assertThat(browser.find(By.cssSelector("form button")).getText()).isEqualTo("ログイン / Log in");
        browser.screenshot("login.png");

        browser.driver.findElement(By.name("username")).sendKeys("lpwrong");
        browser.driver.findElement(By.name("password")).sendKeys("not-the-password-at-all");
        browser.click(By.cssSelector("form button"));
        browser.wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.text()).contains("ユーザー名またはパスワードが違います。入力し直してください。",
                "5回続けて失敗するとアカウントがロックされ", "The user name or password is wrong. Please enter them again.",
                "After 5 failures in a row the account is locked until a lab manager unlocks it.");
        browser.screenshot("login-wrong-password.png");

        assertThat(browser.open("/login?logout").text()).contains("ログアウトしました。", "You have logged out.");
        assertThat(browser.open("/login?expired").text()).contains("セッションは終了しました", "Your session has ended");
        assertThat(browser.open("/login?locked").text()).contains("ラボ管理者に解除を依頼してから",
                "This account is locked", "Ask a lab manager to unlock it");
    }

    @Test
    void aNewStaffMemberChoosesItsPasswordSetsUpTheSecondFactorAndKeepsTheRecoveryCodes() throws IOException {
        api.registerStaff("lpnewstaff", "engineer");
        browser.open("/login");
        browser.driver.findElement(By.name("username")).sendKeys("lpnewstaff");
        browser.driver.findElement(By.name("password")).sendKeys(LabApi.PASSWORD);
        browser.click(By.cssSelector("form button"));

        browser.wait.until(ExpectedConditions.urlContains("/login/password"));
        assertThat(browser.text()).contains("パスワードの設定 / Choose your password", "新しいパスワード / New password",
                "12〜128文字", "12 to 128 characters, not a commonly used password", "保存して続ける / Save and continue");
        browser.driver.findElement(By.name("newPassword")).sendKeys("qwerty123456");
        browser.click(By.cssSelector("form button"));
        browser.wait.until(ExpectedConditions.urlContains("/login/password?error=common"));
        assertThat(browser.find(By.cssSelector("p.error")).getText()).contains(
                "このパスワードはよく使われるパスワードの一覧にあり", "This password is on the list of commonly used passwords");
        browser.screenshot("login-new-password-refused.png");
        browser.driver.findElement(By.name("newPassword")).sendKeys("short");
        browser.click(By.cssSelector("form button"));
        browser.wait.until(ExpectedConditions.urlContains("/login/password?error=too-short"));
        assertThat(browser.find(By.cssSelector("p.error")).getText())
                .contains("パスワードが短すぎます。12文字以上にしてください。", "The password is too short: use at least 12 characters.");
        browser.driver.findElement(By.name("newPassword")).sendKeys("lpnewstaff-chooses-a-long-phrase");
        browser.click(By.cssSelector("form button"));

        browser.wait.until(ExpectedConditions.urlContains("/login/mfa/enrol"));
        assertThat(browser.text()).contains("二要素認証の設定 / Set up the second factor", "QRコードを読み取ります",
                "Scan the QR code with an authenticator app", "アプリに表示されたコード / Code shown by the app");
        WebElement qrCode = browser.find(By.cssSelector("img.qr"));
        assertThat(qrCode.getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(Long.parseLong(qrCode.getDomProperty("naturalWidth"))).as("the QR code is drawn").isPositive();
        browser.screenshot("login-enrol.png");
        String secret = browser.find(By.id("secret")).getText();
        browser.driver.findElement(By.name("code")).sendKeys(api.firstCode("lpnewstaff", secret));
        browser.click(By.cssSelector("form button"));

        browser.waitForText("回復コード / Recovery codes");
        assertThat(browser.driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        assertThat(browser.text()).contains("二要素認証を設定しました。 / Your second factor is set up.",
                "表示されるのは今回だけです。", "They are shown only now.");
        browser.screenshot("login-recovery-codes.png");
        browser.clickText("タスクリストへ進む / Continue to Tasklist");
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));
    }

    @Test
    void aLabManagerGivesTheSecondFactorSeesTheAppsPagesForMissingAndForbiddenAndLogsOutFromTheBar()
            throws IOException {
        api.registerStaff("lpmanager", "lab-manager");
        api.loginForToken("lpmanager", LabApi.PASSWORD);
        browser.open("/login");
        browser.driver.findElement(By.name("username")).sendKeys("lpmanager");
        browser.driver.findElement(By.name("password")).sendKeys(api.passwordOf("lpmanager"));
        browser.click(By.cssSelector("form button"));

        browser.wait.until(ExpectedConditions.urlContains("/login/mfa"));
        assertThat(browser.text()).contains("二要素認証 / Second factor", "認証アプリに表示されている6桁のコード",
                "Enter the 6-digit code shown by your authenticator app", "確認コード / Code", "続行 / Continue",
                "別のユーザーでログイン / Log in as someone else");
        browser.screenshot("login-mfa.png");
        browser.driver.findElement(By.name("code")).sendKeys(LabApi.wrongCode(api.totpSecretOf("lpmanager")));
        browser.click(By.cssSelector("form button"));
        browser.wait.until(ExpectedConditions.urlContains("/login/mfa?error"));
        assertThat(browser.find(By.cssSelector("p.error")).getText()).contains("コードが正しくありません。",
                "5回続けて間違えるとアカウントがロックされます", "That code was not accepted.",
                "After 5 wrong codes in a row the account is locked.");
        browser.driver.findElement(By.name("code")).sendKeys(api.nextCode("lpmanager"));
        browser.click(By.cssSelector("form button"));
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));

        // Cockpit, with its own scripts/config.js like every webapp here, is open to lab managers.
        browser.open("/camunda/app/cockpit/default/");
        assertThat(browser.waitForText("Processes")).doesNotContain("アクセスできません");

        // Admin is Camunda's webapp, which refuses a lab manager itself: the refusal is a page of the app.
        browser.open("/camunda/app/admin/");
        String forbidden = browser.waitForText("アクセスできません / Access denied");
        assertThat(forbidden).contains("プロセス管理者（グループ camunda-admin）専用です",
                "Admin (users, groups and authorizations) is for process administrators (group camunda-admin) only",
                "評価一覧 / Assessments", "タスクリスト / Tasklist", "ログインし直す / Log in again", "lpmanager",
                "ログアウト / Log out", "403").doesNotContain("Whitelabel");
        browser.screenshot("error-403-admin.png");

        browser.open("/lab/assessments/999999");
        assertThat(browser.waitForText("ページが見つかりません / Page not found")).contains(
                "There is no page at this address", "/lab/assessments/999999", "評価一覧 / Assessments")
                .doesNotContain("Whitelabel");
        browser.screenshot("error-404.png");
        // A request the firewall refuses (400), and the error page opened by itself (500): the app's pages too.
        browser.open("/lab/assessments;jsessionid=0");
        assertThat(browser.waitForText("要求を処理できません / The request was refused")).contains("400",
                "Open the page again and retry").doesNotContain("Whitelabel");
        browser.open("/error");
        assertThat(browser.waitForText("システムエラー / Something went wrong")).contains(
                "しばらくしてからやり直してください", "tell the lab's system administrator the time")
                .doesNotContain("Whitelabel");

        browser.clickText("ログアウト / Log out");
        browser.wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.text()).contains("ログアウトしました。", "You have logged out.");
        browser.open("/camunda/app/tasklist/default/");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.url()).as("the session has ended").doesNotContain("/camunda/");
    }

    @Test
    void loggingOutInTasklistLandsOnTheAppsLoginPage() throws IOException {
        api.registerStaff("lplogout", "engineer");
        api.loginForToken("lplogout", LabApi.PASSWORD);
        browser.logIn(api, "lplogout");
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));

        browser.click(By.cssSelector("li.account .dropdown-toggle"));
        browser.click(By.cssSelector("li.logout a"));
        browser.wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.waitForText("ログアウトしました。")).contains("You have logged out.", "ログイン / Log in");
        browser.screenshot("logout-from-tasklist.png");
        browser.open("/camunda/app/tasklist/default/");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.url()).as("the session has ended").doesNotContain("/camunda/");
    }
}
