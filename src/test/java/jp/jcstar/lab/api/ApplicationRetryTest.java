package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentSearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that lost the answer to its application or upload sends it again with the same Idempotency-Key: one of each. */
@WebAppTest
class ApplicationRetryTest {

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;

    @Test
    void aRetriedApplicationGetsTheFirstAnswerAndAReusedKeyForAnotherApplicationIsRefused() throws Exception {
        LabApi api = LabUsers.on(port);
        Map<String, Object> application = Map.of("productName", "再送テスト", "modelNumbers", "R-1", "cloudVersion", "1",
                "starLevel", "STAR-1", "scope", List.of("CLOUD"));
        long before = assessments.page(true, List.of(), AssessmentSearch.ALL, 0, 1).total();

        LabApi.Reply first = apply(api, "retry-7f3c", application);
        LabApi.Reply retried = apply(api, "retry-7f3c", application);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(retried.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
        assertThat(assessments.page(true, List.of(), AssessmentSearch.ALL, 0, 1).total()).isEqualTo(before + 1);

        LabApi.Reply other = apply(api, "retry-7f3c", Map.of("productName", "別製品", "modelNumbers", "R-2",
                "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("detail").asText()).contains("was used for a different request");
        assertThat(apply(api, "bad key with spaces", application).status()).isEqualTo(400);
        assertThat(assessments.page(true, List.of(), AssessmentSearch.ALL, 0, 1).total()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedUploadStoresTheFileOnce() {
        LabApi api = LabUsers.on(port);
        long id = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "再送アップロード", "modelNumbers", "R-3",
                "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD"))).json().path("id").asLong();
        byte[] pdf = "%PDF-1.4\n% threat model\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        LabApi.Reply first = upload(api, id, "upload-9d1e", pdf);
        LabApi.Reply retried = upload(api, id, "upload-9d1e", pdf);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(retried.json().path("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).hasSize(1);

        LabApi.Reply otherFile = upload(api, id, "upload-9d1e", "%PDF-1.4\n% another\n%%EOF\n".getBytes());
        assertThat(otherFile.status()).isEqualTo(409);
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).hasSize(1);
    }

    private LabApi.Reply upload(LabApi api, long id, String key, byte[] pdf) {
        return api.send(new LabApi.Multipart().field("itemId", "DOC-07").file("file", "threat-model.pdf", "application/pdf", pdf)
                .post("http://localhost:" + port + "/api/assessments/" + id + "/documents").header("Idempotency-Key", key),
                MANUFACTURER);
    }

    private LabApi.Reply apply(LabApi api, String key, Map<String, Object> application) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(application))), MANUFACTURER);
    }
}
