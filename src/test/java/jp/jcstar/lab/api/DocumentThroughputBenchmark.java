package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Upload and download throughput of a 20 MiB file through the REST API, on an H2 file database as
 * {@code mvn spring-boot:run} uses. A measurement, not a test: its name keeps it out of {@code mvn test}. Run it with
 *
 * <pre>mvn -B test -Dtest=DocumentThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * and read the lines starting with "THROUGHPUT".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/jcstar-${random.uuid};DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "camunda.bpm.generic-properties.properties.login-delay-base=0",
        "JCSTAR_ADMIN_PASSWORD=" + WebAppTest.ADMIN_PASSWORD})
class DocumentThroughputBenchmark {

    static final int SIZE = 20 * 1024 * 1024;
    static final int RUNS = 5;

    @LocalServerPort int port;

    @Test
    void uploadAndDownloadA20MiBFile() {
        LabApi api = LabUsers.on(port);
        long id = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "ベンチマーク", "modelNumbers", "B-1", "firmwareVersion", "1", "starLevel", "STAR-1",
                "scope", List.of("DEVICE"))).json().path("id").asLong();
        // Random bytes behind a PDF header: as incompressible as a real PDF with images.
        byte[] file = new byte[SIZE];
        new Random(42).nextBytes(file);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, file, 0, 9);

        List<Double> uploads = new ArrayList<>();
        List<Double> downloads = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            LabApi.Reply uploaded = api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", "application/pdf", file);
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);

            start = System.nanoTime();
            LabApi.Reply downloaded = api.get(uploaded.json().path("content").asText(), MANUFACTURER);
            double downloadSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(downloaded.status()).isEqualTo(200);
            assertThat(Arrays.equals(downloaded.body(), file)).isTrue();
            if (run > 0) { // the first run warms up the JIT and the database
                uploads.add(SIZE / 1e6 / uploadSeconds);
                downloads.add(SIZE / 1e6 / downloadSeconds);
            }
        }
        System.out.printf("THROUGHPUT upload of 20 MiB on H2 (file): median %.1f MB/s, runs %s%n", median(uploads), format(uploads));
        System.out.printf("THROUGHPUT download of 20 MiB on H2 (file), hash-checked: median %.1f MB/s, runs %s%n",
                median(downloads), format(downloads));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
    }
}
