package jp.jcstar.lab.api;

import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.TASK_REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.browser.Chromium;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real Chromium, as the lab's people see it: tasks named after their assessment under each group's own
 * filter, a refused completion that says in both languages what to do, and a manufacturer who sees only its own
 * company's task. Screenshots under target/screenshots.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class TaskListsAndRefusalsBrowserTest {

    static final String COMPANY = "tasklist-denki";
    static final String RIVAL_COMPANY = "tasklist-kogyo";
    static final String MAKER = "tlmaker";
    static final String RIVAL = "tlrival";
    static final String ENGINEER = "tleng";

    static final String OPEN_TESTS = "試験待ち / Open tests";
    static final String MY_TASKS = "自分のタスク / My tasks";
    static final String OUR_COMPANY = "自社のタスク / Our company's tasks";
    static final String REPORTS = "レビュー待ち / Reports to review";

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;
    @Autowired CatalogRepository catalogs;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (api.get("/engine-rest/user/" + MAKER + "/profile", "admin", WebAppTest.ADMIN_PASSWORD).status() == 404) {
            api.registerCompany(COMPANY, "株式会社タスク電機");
            api.registerCompany(RIVAL_COMPANY, "タスク工業株式会社");
            api.registerManufacturerUser(COMPANY, MAKER);
            api.registerManufacturerUser(RIVAL_COMPANY, RIVAL);
            api.registerStaff(ENGINEER, "engineer");
            api.loginForToken(ENGINEER, LabApi.PASSWORD);
        }
    }

    @Test
    void anEngineerFindsTheCloudTestByAssessmentUnderOpenTestsAndAFailWithoutObservationIsRefusedInBothLanguages()
            throws IOException {
        long id = apply(MAKER, "ブラウザ一覧ロック");
        api.supplyDocuments(id, MAKER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables());
        String name = assessments.get(id).reference() + " ブラウザ一覧ロック (株式会社タスク電機): クラウド試験 / Test cloud";

        try (Chromium browser = new Chromium(port)) {
            browser.logIn(api, ENGINEER);
            // The engineers' filter opens first and lists the test by reference, product, company and step. The suite's
            // other assessments fill more than Tasklist's first page, so the engineer searches by reference, as a lab does.
            String reference = assessments.get(id).reference();
            browser.open("/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode("[{\"type\":\"processVariables\","
                    + "\"operator\":\"eq\",\"name\":\"" + TASK_REFERENCE.name() + "\",\"value\":\"" + reference + "\"}]",
                    StandardCharsets.UTF_8));
            String list = browser.waitForText(OPEN_TESTS, name);
            assertThat(list).contains(MY_TASKS, "ラウンド / Round:", "評価番号 / Reference:", assessments.get(id).reference())
                    .doesNotContain(REPORTS, OUR_COMPANY, "All tasks");
            browser.screenshot("tasklist-engineer-open-tests.png");

            browser.openTask(api.openTask(id, USER_TASK_TEST_CLOUD, ENGINEER));
            browser.claim();
            for (String item : List.of("CLD-01", "CLD-02", "CLD-03", "CLD-05")) {
                browser.choose(item, "/ PASS");
            }
            browser.choose("CLD-04", "/ FAIL");
            browser.complete();
            String refused = browser.waitForText("CLD-04 証明書管理とTLS設定: 不合格（FAIL）には所見が必要です。所見を記入してから完了してください。",
                    "CLD-04 Certificate management and TLS configuration: a FAIL needs an observation. Write what you "
                            + "observed, then complete.");
            assertThat(refused).doesNotContain("ENGINE-", "verdict_", "observation_");
            browser.screenshot("tasklist-refusal-fail-without-observation.png");
            assertThat(api.activeSteps(id, ENGINEER)).contains(USER_TASK_TEST_CLOUD);

            // With the observation written, the same completion is recorded.
            browser.dismissNotifications();
            browser.type("CLD-04 所見 / Observation", "TLS 1.0 is accepted on api.example.jp");
            browser.complete();
            browser.wait.until(driver -> !api.activeSteps(id, ENGINEER).contains(USER_TASK_TEST_CLOUD));
        }
    }

    @Test
    void aManufacturerSeesOnlyItsOwnCompanysTaskAndIsToldWhoSetsDueDates() throws IOException {
        long own = apply(MAKER, "自社ブラウザロック");
        long rivals = apply(RIVAL, "他社ブラウザロック");
        String ownTask = assessments.get(own).reference() + " 自社ブラウザロック (株式会社タスク電機): 文書の提出 / Supply documents";

        try (Chromium browser = new Chromium(port)) {
            browser.logIn(api, MAKER);
            browser.open("/camunda/app/tasklist/default/");
            String list = browser.waitForText(OUR_COMPANY, ownTask);
            assertThat(list).contains(MY_TASKS).doesNotContain("他社ブラウザロック", assessments.get(rivals).reference(),
                    "タスク工業株式会社", OPEN_TESTS, REPORTS);
            browser.screenshot("tasklist-manufacturer-own-company.png");

            // Tasklist offers everyone the due date's remove button; the engine refuses it and says who sets it.
            browser.openTask(api.openTask(own, USER_TASK_SUPPLY_DOCUMENTS, MAKER));
            browser.dismissNotifications();
            browser.click(By.cssSelector(".reset-due-date"));
            String refused = browser.waitForText("期日・フォローアップ日・担当者・委任は、プロセスと試験所（ラボマネージャー）が決めます。",
                    "Due dates, follow-up dates, assignees, owners and delegation are set by the process and the lab "
                            + "(its lab managers); you may claim and complete your task.");
            assertThat(refused).doesNotContain("ENGINE-");
            browser.screenshot("tasklist-manufacturer-due-date-refused.png");
            assertThat(api.get("/api/assessments/" + own, MAKER).json().path("activeSteps").get(0).path("due").isNull())
                    .isFalse();
        }
    }

    private long apply(String manufacturer, String product) {
        LabApi.Reply applied = api.post("/api/assessments", manufacturer, Map.of("productName", product,
                "modelNumbers", "TL-1", "cloudVersion", "2026.1", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }
}
