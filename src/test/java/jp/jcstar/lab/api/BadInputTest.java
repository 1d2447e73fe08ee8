package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Inputs that used to reach a 500 (or the database's own words) now get a 400 that says what to correct. */
@WebAppTest
class BadInputTest {

    @LocalServerPort int port;

    @Test
    void nulAndControlCharactersAreRefusedBeforeTheDatabase() {
        LabApi api = LabUsers.on(port);
        LabApi.Reply viaApi = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "NUL\u0000ロック",
                "modelNumbers", "N-0", "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(viaApi.json().path("detail").asText()).contains("Product name (productName): contains control characters");

        LabApi.Reply viaEngineRest = api.post("/engine-rest/process-definition/key/process_jcstarAssessment/start",
                MANUFACTURER, Map.of("variables", Map.of(
                        "productName", Map.of("value", "NUL\u0000ロック", "type", "String"),
                        "modelNumbers", Map.of("value", "N-0", "type", "String"),
                        "starLevel", Map.of("value", "STAR-1", "type", "String"))));
        assertThat(viaEngineRest.status()).isEqualTo(400);
        assertThat(viaEngineRest.text()).contains("製品名: 制御文字（NULなど）が含まれています。",
                "Product name: contains control characters").doesNotContainIgnoringCase("insert into");
    }

    @Test
    void aNulInAnUploadsFileNameOrAMalformedMultipartBodyIsRefusedWithWhatToDo() {
        LabApi api = LabUsers.on(port);
        long id = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "アップロード試験", "modelNumbers", "U-1",
                "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD"))).json().path("id").asLong();
        LabApi.Reply nulName = api.upload(id, MANUFACTURER, "DOC-01", "arch\u0000.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(nulName.status()).as(nulName.text()).isEqualTo(400);
        assertThat(nulName.json().path("detail").asText()).contains("a file name contains control characters");

        LabApi.Reply malformed = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/assessments/" + id + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; fil")),
                MANUFACTURER);
        assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
        assertThat(malformed.json().path("detail").asText()).contains("The upload could not be read");
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).isEmpty();
    }

    @Test
    void aMigrationToVersionZeroOrBelowIsRefused() {
        LabApi api = LabUsers.on(port);
        LabApi.Reply reply = api.post("/api/admin/process-versions/migrate", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("targetVersion", -1, "dryRun", true));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains("targetVersion: versions are numbered from 1");
    }
}
