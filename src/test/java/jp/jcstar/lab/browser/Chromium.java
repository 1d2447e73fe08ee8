package jp.jcstar.lab.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import jp.jcstar.lab.api.LabApi;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) driving the app as a
 * person would: log in with the second factor, click, read what is on the screen, take screenshots. Test classes
 * using it are {@code @EnabledIf("jp.jcstar.lab.browser.Chromium#installed")}.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go; the README's pictures are copied from here (docs/screenshots). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final String base;

    public Chromium(int port) {
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,1200", "--lang=ja");
        // The page's console, for the report of a wait that times out.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        // A page being replaced while it is read (a form posted, a redirect) leaves stale elements: read again.
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        base = "http://localhost:" + port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    public Chromium open(String path) {
        driver.get(base + path);
        if (path.startsWith("/camunda/app/")) {
            awaitWebapp();
        }
        return this;
    }

    /**
     * Waits until a Camunda webapp (Tasklist, Cockpit, Admin) has started in the page. Now and then its start stays
     * on the spinner with no request left to answer; a person reloads the page then, and so does this, once, saying
     * so in the test's output with what the console logged.
     */
    private void awaitWebapp() {
        WebDriverWait started = new WebDriverWait(driver, Duration.ofSeconds(20));
        started.ignoring(StaleElementReferenceException.class);
        try {
            started.until(driver -> {
                String text = bodyText(driver);
                return text != null && !text.isBlank();
            });
        } catch (TimeoutException stuck) {
            System.err.println("Chromium: " + url() + " still starting after 20 s; reloading. Console: " + console());
            driver.navigate().refresh();
        }
    }

    /** The errors the page logged to its console (scripts that failed, resources refused) since last asked. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** What the page logged to its console since last asked. */
    private String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException unavailable) {
            return "(not available: " + unavailable.getMessage() + ")";
        }
    }

    /**
     * The page's text, or null while the page is being replaced: the body read a moment ago may be gone, which
     * Chromium reports as a stale element or, since version 156, as "Node with given id does not belong to the
     * document"; a wait then reads again.
     */
    private static String bodyText(WebDriver driver) {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (StaleElementReferenceException | NoSuchElementException replaced) {
            return null;
        } catch (WebDriverException replaced) {
            if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw replaced;
        }
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Logs in through the app's login page: the password, then the second factor for those who have one (lab staff
     * must; a manufacturer may); lands where the login sends it.
     */
    public Chromium logIn(LabApi api, String user) {
        open("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(api.passwordOf(user));
        driver.findElement(By.cssSelector("main form button")).click();
        wait.until(driver -> !driver.getCurrentUrl().matches(".*/login([?#].*)?$"));
        if (driver.getCurrentUrl().contains("/login/mfa")) {
            driver.findElement(By.name("code")).sendKeys(api.nextCode(user));
            driver.findElement(By.cssSelector("main form button")).click();
            wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
        }
        return this;
    }

    /** The whole visible text of the page. */
    public String text() {
        return wait.until(Chromium::bodyText);
    }

    /** Waits until the page's text contains all of the given pieces, then returns the text. */
    public String waitForText(String... pieces) {
        try {
            wait.until(driver -> {
                String text = bodyText(driver);
                if (text == null) {
                    return false;
                }
                for (String piece : pieces) {
                    if (!text.contains(piece)) {
                        return false;
                    }
                }
                return true;
            });
        } catch (TimeoutException e) {
            // What the page showed instead, in the test's report (CI keeps no screenshots) and as a screenshot.
            String shown = driver.findElement(By.tagName("body")).getText();
            try {
                screenshot("timeout-" + System.currentTimeMillis() + ".png");
            } catch (IOException | RuntimeException unsaved) {
                e.addSuppressed(unsaved);
            }
            throw new AssertionError("Waited for " + String.join(" + ", pieces) + " at " + url() + "; the page shows:\n"
                    + shown + "\nand its console logged:\n" + console(), e);
        }
        return text();
    }

    /**
     * Waits until a page element is gone, the page it was on replaced by the next (after a click that submits a form).
     * Chromium 156 may report the gone element as "Node with given id does not belong to the document" rather than as
     * a stale element; both mean it is gone.
     */
    public void awaitGone(WebElement element) {
        wait.until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException replaced) {
                if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw replaced;
            }
        });
    }

    public WebElement find(By target) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(target));
    }

    /** Clicks an element once it is clickable, where it stands once scrolled to the middle, as a person would. */
    public void click(By target) {
        // Found again if the page re-renders it meanwhile (Tasklist redraws a form after a claim).
        wait.until(driver -> {
            clickWhereItIs(wait.until(ExpectedConditions.elementToBeClickable(target)));
            return true;
        });
    }

    /**
     * Complete, at the bottom of a long task, as a person reaches it: the field typed in is left (form-js then resizes
     * it, which moves the pane), the button scrolled to the middle once it stands still, and clicked where it is.
     * WebDriver's own scrolling would leave it under Tasklist's fixed footer.
     */
    public void complete() {
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
        click(By.xpath("//button[normalize-space(text()) = 'Complete']"));
    }

    /** Claims the open task and waits until Tasklist has drawn its form again for the claimant. */
    public void claim() {
        By claim = By.xpath("//*[(self::a or self::button) and normalize-space(.) = 'Claim']");
        click(claim);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
    }

    /** Types into a form-js field found by its label, found again if the form is redrawn meanwhile. */
    public void type(String label, String text) {
        wait.until(driver -> {
            field(label).sendKeys(text);
            return true;
        });
    }

    private void clickWhereItIs(WebElement element) {
        awaitStill(element);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        awaitStill(element);
        new Actions(driver).moveToElement(element).click().perform();
    }

    /** Until the element is where it was half a second before. */
    private void awaitStill(WebElement element) {
        Object[] last = {null};
        wait.until(driver -> {
            Object top = ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].getBoundingClientRect().top", element);
            boolean still = top.equals(last[0]);
            last[0] = top;
            return still;
        });
    }

    /** A button or link by (part of) its visible text. */
    public void clickText(String text) {
        click(By.xpath("//*[(self::a or self::button) and contains(normalize-space(.), \"" + text + "\")]"));
    }

    /** A form-js field in Tasklist by (part of) its label. */
    public WebElement field(String label) {
        WebElement labelElement = find(By.xpath("//label[contains(normalize-space(.), \"" + label + "\")]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Picks an option of a form-js radio group: the group by (part of) its label, the option by (part of) its own. */
    public void choose(String groupLabel, String optionLabel) {
        click(By.xpath("//div[contains(@class, 'fjs-form-field-radio')][.//label[contains(normalize-space(.), \""
                + groupLabel + "\")]]//label[contains(normalize-space(.), \"" + optionLabel + "\")]"));
    }

    /** Fetches a link's target with this browser's session cookies, as a click would; the body as bytes. */
    public byte[] fetchWithSession(String href) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : base + href))
                        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(href + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Opens a task in Tasklist and waits for its form. */
    public WebElement openTask(String taskId) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        return find(By.cssSelector(".fjs-form"));
    }

    /** Closes Tasklist's notifications, which cover the form's buttons, as a person would. */
    public void dismissNotifications() {
        // Tasklist fades them out by itself too: one gone while being closed is looked for again.
        wait.until(driver -> {
            driver.findElements(By.xpath("//div[contains(@class, 'alert')]//*[normalize-space(.) = '×']")).stream()
                    .filter(WebElement::isDisplayed).forEach(WebElement::click);
            return true;
        });
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    }

    /** What the browser shows now, kept under target/screenshots. */
    public Path screenshot(String name) throws IOException {
        Path shot = SCREENSHOTS.resolve(name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return shot;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
