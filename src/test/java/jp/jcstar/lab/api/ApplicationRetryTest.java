package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that lost the answer to its application sends it again with the same Idempotency-Key: one assessment. */
@WebAppTest
class ApplicationRetryTest {

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;

    @Test
    void aRetriedApplicationGetsTheFirstAnswerAndAReusedKeyForAnotherApplicationIsRefused() throws Exception {
        LabApi api = LabUsers.on(port);
        Map<String, Object> application = Map.of("productName", "再送テスト", "modelNumbers", "R-1", "cloudVersion", "1",
                "starLevel", "STAR-1", "scope", List.of("CLOUD"));
        int before = assessments.latest(true, List.of(), 1000).size();

        LabApi.Reply first = apply(api, "retry-7f3c", application);
        LabApi.Reply retried = apply(api, "retry-7f3c", application);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(retried.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
        assertThat(assessments.latest(true, List.of(), 1000)).hasSize(before + 1);

        LabApi.Reply other = apply(api, "retry-7f3c", Map.of("productName", "別製品", "modelNumbers", "R-2",
                "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("detail").asText()).contains("was used for a different application");
        assertThat(apply(api, "bad key with spaces", application).status()).isEqualTo(400);
        assertThat(assessments.latest(true, List.of(), 1000)).hasSize(before + 1);
    }

    private LabApi.Reply apply(LabApi api, String key, Map<String, Object> application) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(application))), MANUFACTURER);
    }
}
