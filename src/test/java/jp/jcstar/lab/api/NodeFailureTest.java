package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jp.jcstar.lab.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two app nodes, each a JVM of its own, on one PostgreSQL database: node A dies (kill -9) while it holds report jobs
 * and while uploads to it are in flight. Node B does A's jobs once their lock runs out; A restarts and rejoins;
 * every assessment gets its issue list exactly once, an upload cut off stores nothing, a finished one is whole.
 * Too slow for {@code mvn test} (three JVM starts): {@code .ci/run} runs it with JCSTAR_FAULT_DB_URL set.
 */
@EnabledIfEnvironmentVariable(named = "JCSTAR_FAULT_DB_URL", matches = ".+")
class NodeFailureTest {

    static final String DB_URL = System.getenv("JCSTAR_FAULT_DB_URL");
    static final String DB_USER = System.getenv().getOrDefault("JCSTAR_FAULT_DB_USER", "postgres");
    static final int ASSESSMENTS = 10;
    /** The cloud items of catalog 1, as the test forms list them. */
    static final List<String> CLOUD_ITEMS = List.of("CLD-01", "CLD-02", "CLD-03", "CLD-04", "CLD-05");

    @Test
    void aKilledNodesReportJobsAreDoneByTheOtherAndNothingIsLostOrDoneTwice() throws Exception {
        // Node A takes up to ten jobs at a time and works on one at a time, so that it dies holding some.
        AppNode a = new AppNode("node-a", DB_URL, DB_USER, Map.of(), "--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1", "--camunda.bpm.job-execution.queue-capacity=10",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=10");
        AppNode b = new AppNode("node-b", DB_URL, DB_USER, Map.of());
        try {
            a.start(); // alone on the empty database: it creates the administrator
            b.start();
            LabApi viaA = LabUsers.on(a.port);
            LabApi viaB = viaA.onNode(b.port);

            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ASSESSMENTS; i++) {
                ids.add(waitingForCloudTests(viaA, i));
            }
            long evidenceOn = ids.get(0);
            byte[] finished = "api.example.jp:443 TLSv1.0 accepted\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            LabApi.Reply before = viaA.send(new LabApi.Multipart().field("itemId", "CLD-04")
                    .file("file", "finished-before-kill.txt", "text/plain", finished)
                    .post("http://localhost:" + a.port + "/api/assessments/" + evidenceOn + "/documents"), ENGINEER);
            assertThat(before.status()).as(before.text()).isEqualTo(201);
            // Two uploads still trickling in when A dies.
            List<CompletableFuture<Integer>> cutOff = new ArrayList<>();
            for (String name : List.of("cut-off-1.txt", "cut-off-2.txt")) {
                HttpRequest.Builder slow = new LabApi.Multipart().field("itemId", "CLD-04")
                        .file("file", name, "text/plain", finished)
                        .postSlowly("http://localhost:" + a.port + "/api/assessments/" + evidenceOn + "/documents",
                                4096, Duration.ofMillis(200));
                // -1: the connection broke and no answer came.
                cutOff.add(CompletableFuture.supplyAsync(() -> viaA.send(slow, ENGINEER).status()).exceptionally(broken -> -1));
            }

            // Every cloud test fails CLD-04 at once: ten issue-list jobs.
            List<CompletableFuture<LabApi.Reply>> completions = ids.stream().map(id -> CompletableFuture.supplyAsync(() ->
                    viaA.post("/api/tasks/" + viaA.openTask(id, USER_TASK_TEST_CLOUD, ENGINEER) + "/complete", ENGINEER,
                            cloudFailing()))).toList();
            completions.forEach(reply -> assertThat(reply.join().status()).as(reply.join().text()).isEqualTo(204));

            Set<String> held = new HashSet<>();
            AppNode.await(Duration.ofSeconds(30), () -> held.addAll(a.strings(
                    "select id_ from act_ru_job where lock_owner_ = 'node-a' and lock_exp_time_ > current_timestamp")));
            Instant killed = Instant.now();
            a.kill();
            System.out.println("Killed node-a holding " + held.size() + " report job(s)");

            AppNode.await(Duration.ofSeconds(90), () -> a.count("select count(*) from act_ru_job where id_ in ("
                    + quoted(held) + ")") == 0);
            Duration takeover = Duration.between(killed, Instant.now());
            System.out.println("node-b finished node-a's jobs " + takeover.toMillis() + " ms after the kill");
            assertThat(takeover).isLessThan(Duration.ofSeconds(60));
            assertThat(a.strings("select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ in ("
                    + quoted(held) + ")")).containsExactly("node-b");

            AppNode.await(Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
                    viaB.activeSteps(id, ENGINEER).contains(USER_TASK_SUBMIT_RECTIFICATION)));
            for (long id : ids) {
                assertThat(a.count("select count(*) from report where kind = 'ISSUE_LIST' and round_no = 1 and assessment_id = " + id))
                        .as("issue lists of assessment %d", id).isEqualTo(1);
                assertThat(a.count("select count(*) from finding where round_no = 1 and assessment_id = " + id)).isEqualTo(1);
            }
            cutOff.forEach(upload -> assertThat(upload.join()).as("an upload to a dead node has no answer").isEqualTo(-1));
            assertThat(a.count("select count(*) from document where file_name like 'cut-off-%'")).isZero();
            LabApi.Reply whole = viaB.get(before.json().path("content").asText(), ENGINEER);
            assertThat(Sha256.hex(whole.body())).isEqualTo(Sha256.hex(finished));

            // A comes back and takes work again: the cut-off uploads, sent again, arrive once each.
            Instant restarting = Instant.now();
            a.start();
            System.out.println("node-a restarted in " + Duration.between(restarting, Instant.now()).toMillis() + " ms");
            for (String name : List.of("cut-off-1.txt", "cut-off-2.txt")) {
                assertThat(viaA.send(new LabApi.Multipart().field("itemId", "CLD-04")
                        .file("file", name, "text/plain", finished)
                        .post("http://localhost:" + a.port + "/api/assessments/" + evidenceOn + "/documents"), ENGINEER)
                        .status()).isEqualTo(201);
            }
            assertThat(a.count("select count(*) from document where file_name like 'cut-off-%' and version = 1")).isEqualTo(2);
            assertThat(viaA.activeSteps(ids.get(1), MANUFACTURER)).containsExactly(USER_TASK_SUBMIT_RECTIFICATION);
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static long waitingForCloudTests(LabApi api, int n) {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "障害試験 " + n,
                "modelNumbers", "F-" + n, "cloudVersion", "1.0", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        Map<String, Object> documentation = new HashMap<>();
        for (int i = 1; i <= 7; i++) {
            documentation.put("verdict_DOC_0" + i, "PASS");
        }
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, documentation);
        return id;
    }

    private static Map<String, Object> cloudFailing() {
        Map<String, Object> verdicts = new HashMap<>();
        CLOUD_ITEMS.forEach(item -> verdicts.put("verdict_" + item.replace('-', '_'), "PASS"));
        verdicts.put("verdict_CLD_04", "FAIL");
        verdicts.put("observation_CLD_04", "TLS 1.0 accepted on api.example.jp");
        return verdicts;
    }

    private static String quoted(Set<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
