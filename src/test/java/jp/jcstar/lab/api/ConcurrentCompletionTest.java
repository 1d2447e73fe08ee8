package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.CheckResultRepository;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Eight clients complete the same task at the same moment, half through the app's API and half through Camunda's:
 * one wins, every other gets a clean 409 or 404, none a 5xx, and the verdicts are recorded once.
 */
@WebAppTest
class ConcurrentCompletionTest {

    static final int CLIENTS = 8;

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;
    @Autowired CheckResultRepository results;

    @RepeatedTest(3)
    void oneOfEightSimultaneousCompletionsWinsAndTheOthersGetAConflict() throws Exception {
        LabApi api = LabUsers.on(port);
        long id = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "同時完了テスト", "modelNumbers", "CC-8",
                "cloudVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("CLOUD"))).json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        Map<String, Object> verdicts = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables();
        Map<String, Object> engineRestBody = Map.of("variables", engineRestVariables(verdicts));

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LabApi.Reply>> replies = new ArrayList<>();
        try {
            for (int client = 0; client < CLIENTS; client++) {
                boolean viaEngineRest = client % 2 == 1;
                replies.add(pool.submit(() -> {
                    start.await();
                    return viaEngineRest
                            ? api.post("/engine-rest/task/" + task + "/complete", ENGINEER, engineRestBody)
                            : api.post("/api/tasks/" + task + "/complete", ENGINEER, verdicts);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<LabApi.Reply> reply : replies) {
                LabApi.Reply answer = reply.get();
                statuses.add(answer.status());
                assertThat(answer.status()).as("answer %s", answer.text()).isIn(204, 409, 404);
            }
            System.out.println("Concurrent completion of one task by " + CLIENTS + " clients: " + statuses);
            assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(results.list(id)).filteredOn(result -> result.itemId().equals("DOC-01")).hasSize(1);
        assertThat(api.activeSteps(id, ENGINEER)).containsExactly(USER_TASK_TEST_CLOUD);
    }

    private static Map<String, Object> engineRestVariables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return variables;
    }
}
