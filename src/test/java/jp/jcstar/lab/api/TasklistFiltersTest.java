package jp.jcstar.lab.api;

import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filters through Camunda's REST API, as Tasklist reads them: each group sees its own filter and "my
 * tasks", never another group's, and a manufacturer's filter lists its own company's tasks only.
 */
@WebAppTest
class TasklistFiltersTest {

    static final String COMPANY_A = "filter-denki";
    static final String COMPANY_B = "filter-kogyo";
    static final String MAKER_A = "fltmaker-a";
    static final String MAKER_B = "fltmaker-b";
    static final String ENGINEER = "flteng";
    static final String REVIEWER = "fltrev";
    static final String LAB_MANAGER = "fltboss";

    static final String MY_TASKS = "自分のタスク / My tasks";
    static final String OUR_COMPANY = "自社のタスク / Our company's tasks";
    static final String OPEN_TESTS = "試験待ち / Open tests";
    static final String REPORTS = "レビュー待ち / Reports to review";
    static final String DECISIONS = "判断待ち / Decisions and escalations";

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (api.get("/engine-rest/user/" + MAKER_A + "/profile", "admin", WebAppTest.ADMIN_PASSWORD).status() == 404) {
            api.registerCompany(COMPANY_A, "フィルタ電機株式会社");
            api.registerCompany(COMPANY_B, "フィルタ工業株式会社");
            api.registerManufacturerUser(COMPANY_A, MAKER_A);
            api.registerManufacturerUser(COMPANY_B, MAKER_B);
            api.registerStaff(ENGINEER, "engineer");
            api.registerStaff(REVIEWER, "reviewer");
            api.registerStaff(LAB_MANAGER, "lab-manager");
            List.of(ENGINEER, REVIEWER, LAB_MANAGER).forEach(user -> api.loginForToken(user, LabApi.PASSWORD));
        }
    }

    @Test
    void eachGroupSeesItsOwnFilterAndMyTasksAndNoOtherGroupsFilter() {
        assertThat(filterNames(MAKER_A)).containsExactlyInAnyOrder(MY_TASKS, OUR_COMPANY);
        assertThat(filterNames(ENGINEER)).containsExactlyInAnyOrder(MY_TASKS, OPEN_TESTS);
        assertThat(filterNames(REVIEWER)).containsExactlyInAnyOrder(MY_TASKS, REPORTS);
        assertThat(filterNames(LAB_MANAGER)).containsExactlyInAnyOrder(MY_TASKS, DECISIONS);

        // Another group's filter by its ID: refused, its list too.
        String reports = filterId(REPORTS);
        assertThat(api.get("/engine-rest/filter/" + reports, ENGINEER).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/filter/" + reports + "/list?firstResult=0&maxResults=50", ENGINEER, Map.of())
                .status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/filter/" + filterId(OPEN_TESTS) + "/list?firstResult=0&maxResults=50",
                MAKER_A, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aManufacturersFilterListsItsOwnCompanysTasksAndTheEngineersFilterTheTestsNamedAfterTheirAssessment() {
        long a = apply(MAKER_A, "フィルタ試験ロック A");
        long b = apply(MAKER_B, "フィルタ試験ロック B");
        String referenceA = assessments.get(a).reference();

        assertThat(taskNames(MAKER_A, OUR_COMPANY)).contains(referenceA + " フィルタ試験ロック A (フィルタ電機株式会社): "
                + "文書の提出 / Supply documents").noneMatch(name -> name.contains("フィルタ試験ロック B"));
        assertThat(taskNames(MAKER_B, OUR_COMPANY)).anyMatch(name -> name.contains("フィルタ試験ロック B"))
                .noneMatch(name -> name.contains("フィルタ試験ロック A"));

        api.supplyDocuments(a, MAKER_A);
        String review = referenceA + " フィルタ試験ロック A (フィルタ電機株式会社): ドキュメントレビュー / Review documentation";
        assertThat(taskNames(ENGINEER, OPEN_TESTS)).contains(review)
                .noneMatch(name -> name.contains(assessments.get(b).reference()));
        assertThat(taskNames(REVIEWER, REPORTS)).doesNotContain(review);
        assertThat(taskNames(ENGINEER, MY_TASKS)).doesNotContain(review);

        String task = api.openTask(a, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        assertThat(api.post("/engine-rest/task/" + task + "/claim", ENGINEER, Map.of("userId", ENGINEER)).status())
                .isEqualTo(204);
        assertThat(taskNames(ENGINEER, MY_TASKS)).contains(review);
        assertThat(taskNames(ENGINEER, OPEN_TESTS)).as("claimed, still the group's open test").contains(review);
    }

    private long apply(String manufacturer, String product) {
        LabApi.Reply applied = api.post("/api/assessments", manufacturer, Map.of("productName", product,
                "modelNumbers", "FT-1", "firmwareVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private List<String> filterNames(String user) {
        LabApi.Reply filters = api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", user);
        assertThat(filters.status()).as(filters.text()).isEqualTo(200);
        return names(filters.json());
    }

    private String filterId(String name) {
        JsonNode all = api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", "admin", WebAppTest.ADMIN_PASSWORD).json();
        return StreamSupport.stream(all.spliterator(), false).filter(filter -> filter.path("name").asText().equals(name))
                .findFirst().orElseThrow().path("id").asText();
    }

    /** The tasks a filter lists for the user, as Tasklist asks for them. */
    private List<String> taskNames(String user, String filter) {
        LabApi.Reply list = api.post("/engine-rest/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=500",
                user, Map.of());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return names(list.json());
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path("name").asText()).toList();
    }
}
