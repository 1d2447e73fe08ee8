package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process as a lab manager sees it in Cockpit (bpmn-js, the renderer Camunda Modeler uses too): the five steps
 * are the diagram's groups, each drawn with its name.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class ProcessDiagramBrowserTest {

    static final List<String> STEPS = List.of("ドキュメントレビュー / Documentation review", "デバイス試験 / Device tests",
            "アプリ試験 / App tests", "クラウド試験 / Cloud tests", "是正・再試験・最終報告 / Rectification, retest and final report");

    static final By GROUPS = By.cssSelector("g.djs-element[data-element-id^='group_']");

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
        browser.screenshot("process-diagram-last.png");
        browser.close();
    }

    @Test
    void aLabManagerSeesTheFiveStepsAsTheGroupsOfTheDiagramInCockpit() throws IOException {
        api.registerStaff("pdmanager", "lab-manager");
        api.loginForToken("pdmanager", LabApi.PASSWORD); // chooses its own password and sets up the second factor
        browser.logIn(api, "pdmanager");
        // Wide enough that the whole diagram is drawn at a size a person can read in the screenshot.
        browser.driver.manage().window().setSize(new Dimension(2600, 1300));
        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.clickText("JC-STAR 評価 / JC-STAR assessment");

        // bpmn-js draws each group as an SVG element of its own with the group's name as its label.
        browser.wait.until(driver -> !driver.findElements(GROUPS).isEmpty());
        // A label wraps where its box ends, inside a Japanese word too: compared without the breaks.
        List<String> labels = browser.driver.findElements(GROUPS).stream().map(ProcessDiagramBrowserTest::label)
                .filter(label -> !label.isEmpty()).distinct().toList();
        assertThat(labels).containsExactlyInAnyOrderElementsOf(STEPS.stream().map(step -> step.replace(" ", "")).toList());
        assertThat(browser.driver.findElements(By.cssSelector("g.djs-element[data-element-id='userTask_testCloud']")))
                .as("the tasks are drawn inside the groups").hasSize(1);
        browser.screenshot("cockpit-process-diagram.png");
    }

    private static String label(WebElement group) {
        return group.findElements(By.tagName("tspan")).stream()
                .map(span -> span.getAttribute("textContent").replaceAll("\\s", "")).collect(Collectors.joining());
    }
}
