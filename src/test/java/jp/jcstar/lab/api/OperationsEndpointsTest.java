package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring Boot Actuator as a lab's operations run it: the liveness and readiness probes answer a load balancer without
 * a login and say UP or DOWN only; health details and the Prometheus metrics are for lab managers and administrators
 * with an API token, and show the workflow (assessments by status, open tasks by step, jobs), report rendering time
 * and security events.
 */
@WebAppTest
class OperationsEndpointsTest {

    static final String OPERATOR = "opsboss";

    @LocalServerPort int port;

    LabApi api;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
    }

    @Test
    void probesAnswerWithoutALoginAndSayNothingMore() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            LabApi.Reply reply = api.get(probe, null, null);
            assertThat(reply.status()).as(probe + ": " + reply.text()).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("UP");
            assertThat(reply.json().has("components")).as(reply.text()).isFalse();
        }
    }

    @Test
    void healthDetailsAndMetricsAreForLabManagersAndAdministratorsOnly() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/health/db")) {
            assertThat(api.get(path, null, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, MANUFACTURER).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, ENGINEER).status()).as(path).isEqualTo(403);
        }
        assertThat(api.get("/actuator/env", "admin", WebAppTest.ADMIN_PASSWORD).status()).isEqualTo(404);

        api.registerStaff(OPERATOR, "lab-manager");
        api.loginForToken(OPERATOR, LabApi.PASSWORD);
        JsonNode health = api.get("/actuator/health", OPERATOR).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jobs/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jobs/details/active").asBoolean()).isTrue();
        assertThat(health.at("/components/jobs/details/failedJobs").isNumber()).isTrue();
        assertThat(health.at("/components/mailOutbox/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mailOutbox/details/smtpConfigured").asBoolean()).isTrue();
        assertThat(health.at("/components/mailOutbox/details/queued").isNumber()).as(health.toString()).isTrue();
        assertThat(health.at("/components/mailOutbox/details/oldestWaitingSeconds").isNumber()).isTrue();
        assertThat(api.get("/actuator/health/readiness", OPERATOR).json().at("/components/mailOutbox/status").asText())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health", "admin", WebAppTest.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void prometheusShowsTheWorkflowReportsAndSecurityEvents() {
        api.registerStaff(OPERATOR + "2", "lab-manager");
        api.loginForToken(OPERATOR + "2", LabApi.PASSWORD);
        String before = api.get("/actuator/prometheus", OPERATOR + "2").text();
        double inProgress = value(before, "jcstar_assessments", "status=\"IN_PROGRESS\"");
        double supplying = value(before, "jcstar_tasks_open", "step=\"userTask_supplyDocuments\"");
        double failures = valueOrZero(before, "jcstar_security_events_total", "event=\"LOGIN_FAILURE\"");
        double mails = total(before, "jcstar_mails");

        long id = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "監視テスト機", "modelNumbers",
                "MT-1", "firmwareVersion", "1.0", "appVersion", "1.0", "cloudVersion", "1.0", "starLevel", "STAR-1",
                "scope", List.of("DEVICE"))).json().path("id").asLong();
        assertThat(api.get("/api/catalog", "nobody-of-ours", "not-a-password").status()).isEqualTo(401);
        LabApi.Reply draft = api.get("/api/assessments/" + id + "/reports/draft", ENGINEER);
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);

        String after = api.get("/actuator/prometheus", OPERATOR + "2").text();
        assertThat(value(after, "jcstar_assessments", "status=\"IN_PROGRESS\"")).isEqualTo(inProgress + 1);
        assertThat(value(after, "jcstar_tasks_open", "step=\"userTask_supplyDocuments\"")).isEqualTo(supplying + 1);
        assertThat(value(after, "jcstar_security_events_total", "event=\"LOGIN_FAILURE\"")).isGreaterThan(failures);
        assertThat(value(after, "jcstar_report_render_seconds_count", "kind=\"final-report\"")).isGreaterThanOrEqualTo(1);
        // The application's receipt and the document request to the manufacturer's user, in whatever state by now.
        assertThat(total(after, "jcstar_mails")).isGreaterThanOrEqualTo(mails + 2);
        assertThat(after).contains("jcstar_mails{", "state=\"FAILED\"", "jcstar_mails_oldest_waiting_seconds{");
        assertThat(after).contains("jcstar_jobs_due{", "jcstar_jobs_failed{", "jcstar_incidents_open{",
                "hikaricp_connections_active{", "application=\"jcstar-lab\"");
    }

    /** The value of a sample of this metric whose labels include the given one. */
    private static double value(String exposition, String metric, String label) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no " + metric + " with " + label + " in:\n" + exposition);
    }

    /** The sum of every sample of this metric. */
    private static double total(String exposition, String metric) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{[^}]*\\} (\\S+)$").matcher(exposition);
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(1));
        }
        return sum;
    }

    private static double valueOrZero(String exposition, String metric, String label) {
        try {
            return value(exposition, metric, label);
        } catch (AssertionError absent) {
            return 0;
        }
    }
}
