package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.documents.DocumentService;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents and evidence through the REST API and the documents page: versions, downloads checked against their
 * SHA-256, and every kind of bad upload refused with nothing stored.
 */
@WebAppTest
class DocumentApiTest {

    static final byte[] THREAT_MODEL_V1 = pdf("threat model, first version");
    static final byte[] THREAT_MODEL_V2 = pdf("threat model, second version: OTA keys rotate yearly");
    static final byte[] TLS_SCAN = "api.example.jp:443 TLSv1.0 accepted\nTLSv1.2 accepted\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentService documents;
    @Autowired RuntimeService runtime;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
    }

    @Test
    void documentsAreVersionedAndComeBackByteForByteWithTheirHash() {
        long id = apply();
        LabApi.Reply first = api.upload(id, MANUFACTURER, "DOC-07", "脅威モデル.pdf", "application/pdf", THREAT_MODEL_V1);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode v1 = first.json();
        assertThat(first.location()).isEqualTo("/api/assessments/" + id + "/documents/" + v1.path("id").asLong());
        assertThat(v1.path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("round").asInt()).isEqualTo(1);
        assertThat(v1.path("fileName").asText()).isEqualTo("脅威モデル.pdf");
        assertThat(v1.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(v1.path("size").asLong()).isEqualTo(THREAT_MODEL_V1.length);
        assertThat(v1.path("sha256").asText()).isEqualTo(Sha256.hex(THREAT_MODEL_V1));
        assertThat(v1.path("uploadedBy").asText()).isEqualTo(MANUFACTURER);

        // A new version of the same document; the first stays.
        JsonNode v2 = api.upload(id, MANUFACTURER, "DOC-07", "脅威モデル.pdf", "application/pdf", THREAT_MODEL_V2).json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);

        JsonNode listed = api.get("/api/assessments/" + id + "/documents", ENGINEER).json();
        assertThat(listed.path("files")).hasSize(2);
        JsonNode doc07 = item(listed, "DOC-07");
        assertThat(doc07.path("status").asText()).isEqualTo("SUPPLIED");
        assertThat(doc07.path("latest").path("version").asInt()).isEqualTo(2);
        assertThat(item(listed, "DOC-01").path("status").asText()).isEqualTo("MISSING");

        LabApi.Reply download = api.get(v1.path("content").asText(), MANUFACTURER);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(THREAT_MODEL_V1);
        assertThat(download.header("X-Content-SHA256")).isEqualTo(Sha256.hex(THREAT_MODEL_V1));
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E8%84%85%E5%A8%81%E3%83%A2%E3%83%87%E3%83%AB.pdf");
        assertThat(api.get(v2.path("content").asText(), ENGINEER).body()).isEqualTo(THREAT_MODEL_V2);

        // The manufacturer's supply step is complete only when every missing document is named, with the reason.
        String supply = api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER);
        LabApi.Reply unexplained = api.post("/api/tasks/" + supply + "/complete", MANUFACTURER,
                Map.of("documentsSupplied", "DOC-07 threat model v2"));
        assertRefused(unexplained, 400, "No document for DOC-01, DOC-02, DOC-03, DOC-04, DOC-05, DOC-06.");
        assertThat(api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER)).isEqualTo(supply);
        api.complete(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, Map.of("documentsSupplied",
                "DOC-07 threat model v2; DOC-01, DOC-02, DOC-03, DOC-04, DOC-05, DOC-06 are being translated"));

        // The documentation review task shows the engineer what is supplied and what is missing.
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        String overview = api.get("/engine-rest/task/" + task + "/variables/"
                + AssessmentVariables.DOCUMENTS_OVERVIEW.name(), ENGINEER).json().path("value").asText();
        assertThat(overview).contains("1 / 7 提出済 / supplied, 6 未提出 / missing")
                .contains("- DOC-07 ", "提出済 / supplied [v2 脅威モデル.pdf](/lab/assessments/" + id + "/documents/"
                        + v2.path("id").asLong() + "/content)")
                .contains("- DOC-01 ").contains("**未提出 / missing**");
    }

    @Test
    void engineersAttachEvidenceToAnItemOfTheRoundAndOnlyTheRightPeopleUploadEachKind() {
        long id = apply();
        LabApi.Reply evidence = api.upload(id, ENGINEER, "CLD-04", "tls-scan.txt", "text/plain", TLS_SCAN);
        assertThat(evidence.status()).as(evidence.text()).isEqualTo(201);
        assertThat(evidence.json().path("kind").asText()).isEqualTo("EVIDENCE");
        assertThat(evidence.json().path("itemId").asText()).isEqualTo("CLD-04");
        assertThat(evidence.json().path("round").asInt()).isEqualTo(1);
        assertThat(evidence.json().path("mediaType").asText()).isEqualTo("text/plain");
        // Evidence of the same name for the same item is its next version; another name starts its own.
        assertThat(api.upload(id, ENGINEER, "CLD-04", "tls-scan.txt", null, TLS_SCAN).json().path("version").asInt())
                .isEqualTo(2);
        assertThat(api.upload(id, ENGINEER, "CLD-04", "login.png", "image/png", PNG).json().path("version").asInt())
                .isEqualTo(1);
        LabApi.Reply text = api.get(evidence.json().path("content").asText(), MANUFACTURER);
        assertThat(text.contentType()).isEqualTo("text/plain;charset=UTF-8");

        // A manufacturer's upload is a document, so CLD-04 is not an item for it; evidence is not the manufacturer's.
        assertRefused(api.upload(id, MANUFACTURER, "CLD-04", "tls.txt", null, TLS_SCAN), 400, "not a documentation item");
        assertRefused(send(id, MANUFACTURER, "EVIDENCE", "CLD-04"), 403, "Evidence is attached by");
        assertRefused(send(id, ENGINEER, "DOCUMENT", "DOC-01"), 403, "Documents are uploaded by the manufacturer");
        assertRefused(api.upload(id, REVIEWER, "CLD-04", "tls.txt", null, TLS_SCAN), 403, "Evidence is attached by");
        assertRefused(api.upload(id, ENGINEER, "XYZ-99", "tls.txt", null, TLS_SCAN), 400, "XYZ-99 is not an item");
        assertRefused(send(id, ENGINEER, "SECRET", "CLD-04"), 400, "kind: must be one of DOCUMENT, EVIDENCE");
        LabApi.Reply noFile = api.send(new LabApi.Multipart().field("itemId", "CLD-04")
                .post(baseUrl() + "/api/assessments/" + id + "/documents"), ENGINEER);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(api.get("/api/assessments/" + id + "/documents", ENGINEER).json().path("files")).hasSize(3);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() {
        long id = apply();
        long chunksBefore = chunks();
        byte[] oversize = new byte[50 * 1024 * 1024 + 1];
        System.arraycopy(THREAT_MODEL_V1, 0, oversize, 0, THREAT_MODEL_V1.length);
        LabApi.Reply reply = api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", "application/pdf", oversize);
        assertRefused(reply, 413, "larger than the limit of 50 MB");
        assertThat(chunks()).isEqualTo(chunksBefore);
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).isEmpty();
    }

    @Test
    void anUploadCutOffHalfWayLeavesNothingBehind() throws Exception {
        long id = apply();
        byte[] file = new byte[8 * 1024 * 1024];
        System.arraycopy(THREAT_MODEL_V1, 0, file, 0, THREAT_MODEL_V1.length);
        // The same request on a raw socket: whole, it stores the file ...
        assertThat(rawUpload(id, file, file.length)).startsWith("HTTP/1.1 201");
        long chunksAfterWhole = chunks();
        // ... cut off after 5 of its 8 MB (the client dies), it leaves nothing.
        assertThat(rawUpload(id, file, 5 * 1024 * 1024)).isEmpty();
        Thread.sleep(1000);
        assertThat(chunks()).isEqualTo(chunksAfterWhole);
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).hasSize(1);
    }

    /** Sends an upload of {@code file} but only its first {@code sent} bytes; returns the status line, if any. */
    private String rawUpload(long id, byte[] file, int sent) throws IOException {
        byte[] head = ("--cut\r\nContent-Disposition: form-data; name=\"itemId\"\r\n\r\nDOC-03\r\n--cut\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"accounts.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--cut--\r\n".getBytes(StandardCharsets.US_ASCII);
        String credentials = Base64.getEncoder().encodeToString(
                (MANUFACTURER + ":" + api.passwordOf(MANUFACTURER)).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/assessments/" + id + "/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n"
                    + "Content-Type: multipart/form-data; boundary=cut\r\n"
                    + "Content-Length: " + (head.length + file.length + tail.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(file, 0, sent);
            if (sent < file.length) {
                return "";
            }
            out.write(tail);
            out.flush();
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void contentThatChangesBetweenCheckAndStoreIsRolledBackWithItsChunks() {
        long id = apply();
        long chunksBefore = chunks();
        // A source that gives other bytes on its second reading: the check passes, the stored bytes' hash differs,
        // and everything written for it, chunks included, is rolled back.
        AtomicInteger readings = new AtomicInteger();
        byte[] other = pdf("a different file");
        InputStreamSource changing = () -> new ByteArrayInputStream(
                readings.getAndIncrement() == 0 ? THREAT_MODEL_V1 : other);
        LabUser maker = new LabUser(MANUFACTURER,
                Set.of(Roles.MANUFACTURERS), Set.of(COMPANY));
        Assertions.assertThatThrownBy(() -> documents.upload(id, maker,
                        new DocumentService.Upload(null, "DOC-04", "ota.pdf", null, changing)))
                .hasMessageContaining("changed while it was stored");
        assertThat(readings.get()).isEqualTo(2);
        assertThat(chunks()).isEqualTo(chunksBefore);
        assertThat(documents.list(id, maker).files()).isEmpty();
    }

    @Test
    void theSevenDocumentsUploadedAtOnceAllArriveAndTheReviewFormListsThemAll() throws Exception {
        long id = apply();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Future<LabApi.Reply>> replies = new ArrayList<>();
            for (int n = 1; n <= 7; n++) {
                String itemId = "DOC-0" + n;
                replies.add(pool.submit(() -> api.upload(id, MANUFACTURER, itemId, itemId + ".pdf", "application/pdf",
                        pdf("document " + itemId))));
            }
            for (Future<LabApi.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().text()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        // Each upload rewrote the open supply task's overview in its own transaction, one after the other: the
        // manufacturer's form shows all seven without reopening.
        String supply = api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER);
        assertThat(api.get("/engine-rest/task/" + supply + "/variables/" + AssessmentVariables.DOCUMENTS_OVERVIEW.name(),
                MANUFACTURER).json().path("value").asText()).contains("7 / 7 提出済 / supplied,").doesNotContain("missing");
        api.complete(id, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, Map.of("documentsSupplied", "DOC-01..07, version 1"));
        String task = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        assertThat(api.get("/engine-rest/task/" + task + "/variables/" + AssessmentVariables.DOCUMENTS_OVERVIEW.name(),
                ENGINEER).json().path("value").asText()).contains("7 / 7 提出済 / supplied,").doesNotContain("missing");
    }

    @Test
    void aDocumentIsStoredEvenWhenTheOpenFormsCannotBeToldOfIt() {
        long id = apply();
        String processInstanceId = jdbc.sql("select process_instance_id from assessment where id = ?").param(id)
                .query(String.class).single();
        // The process is gone behind the app's back (no listener of the app ran), the assessment still in progress:
        // writing the forms' overview fails inside the upload's transaction, under its savepoint.
        runtime.deleteProcessInstance(processInstanceId, "test: gone behind the app's back", true);

        LabApi.Reply stored = api.upload(id, MANUFACTURER, "DOC-01", "policy.pdf", "application/pdf", pdf("policy"));

        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from document d join document_content c on c.storage_key = d.storage_key"
                + " where d.assessment_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get(stored.json().path("content").asText(), MANUFACTURER).body()).isEqualTo(pdf("policy"));
    }

    @Test
    void multipartRequestsOtherThanUploadsAreRefusedBeforeTheyAreRead() {
        byte[] big = new byte[2 * 1024 * 1024];
        LabApi.Reply login = LabApi.exchange(HttpClient.newHttpClient(), new LabApi.Multipart()
                .field("username", "eng1").file("filler", "x.bin", null, big).post(baseUrl() + "/login"));
        assertThat(login.status()).isEqualTo(413);
        assertThat(login.json().path("detail").asText()).contains("Multipart requests other than uploads are limited");
        LabApi.Reply catalog = api.send(new LabApi.Multipart().file("filler", "x.bin", null, big)
                .post(baseUrl() + "/api/assessments"), MANUFACTURER);
        assertThat(catalog.status()).isEqualTo(413);
    }

    @Test
    void contentThatIsNotWhatItClaimsOrNotAllowedIsRefusedWith415() {
        long id = apply();
        assertRefused(api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", "application/pdf", PNG), 415,
                "declared as application/pdf but its content is image/png");
        assertRefused(api.upload(id, MANUFACTURER, "DOC-01", "architecture.pdf", null, TLS_SCAN), 415,
                "the name ends in .pdf but the content is text/plain");
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertRefused(api.upload(id, ENGINEER, "DEV-03", "uart-shell.bin", null, executable), 415,
                "is not of an allowed type");
        assertThat(api.get("/api/assessments/" + id + "/documents", MANUFACTURER).json().path("files")).isEmpty();
    }

    @Test
    void aPathInTheFileNameIsCutToItsLastSegment() {
        long id = apply();
        LabApi.Reply reply = api.upload(id, ENGINEER, "DEV-03", "../../../etc/cron.d/uart-log.txt", null, TLS_SCAN);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.json().path("fileName").asText()).isEqualTo("uart-log.txt");
        LabApi.Reply download = api.get(reply.json().path("content").asText(), ENGINEER);
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"uart-log.txt\"");
        assertThat(api.upload(id, ENGINEER, "DEV-03", "..\\..\\boot.ini", null, TLS_SCAN).json().path("fileName")
                .asText()).isEqualTo("boot.ini");
    }

    @Test
    void aZipBombIsRefusedAndAnOrdinaryZipIsTaken() {
        long id = apply();
        byte[] bomb = zip(Map.of("capture-export.bin", new byte[20 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(100 * 1024);
        assertRefused(api.upload(id, ENGINEER, "APP-05", "captures.zip", "application/zip", bomb), 400,
                "refused as a zip bomb");
        byte[] logs = zip(Map.of("device.log", TLS_SCAN, "cloud.log", "2025-05-20 login ok\n".repeat(50).getBytes()));
        LabApi.Reply taken = api.upload(id, ENGINEER, "APP-05", "logs.zip", "application/x-zip-compressed", logs);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(taken.json().path("mediaType").asText()).isEqualTo("application/zip");
        assertThat(api.get("/api/assessments/" + id + "/documents", ENGINEER).json().path("files")).hasSize(1);
    }

    @Test
    void aStoredFileThatNoLongerMatchesItsHashIsReportedAndNotServed() {
        long id = apply();
        JsonNode stored = api.upload(id, MANUFACTURER, "DOC-05", "key-management.pdf", "application/pdf",
                THREAT_MODEL_V1).json();
        // Someone (or a broken disk) changes one byte behind the app's back.
        byte[] tampered = THREAT_MODEL_V1.clone();
        tampered[tampered.length - 2] ^= 0x01;
        jdbc.sql("update document_content set bytes = ? where chunk_no = 0 and storage_key = "
                        + "(select storage_key from document where id = ?)")
                .params(tampered, stored.path("id").asLong()).update();

        LabApi.Reply reply = api.get(stored.path("content").asText(), ENGINEER);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().path("detail").asText()).contains("failed its integrity check")
                .contains(Sha256.hex(tampered)).contains(stored.path("sha256").asText()).contains("It is not served");
        // The description is still there, so the lab knows what to restore.
        assertThat(api.get("/api/assessments/" + id + "/documents/" + stored.path("id").asLong(), ENGINEER).json()
                .path("sha256").asText()).isEqualTo(Sha256.hex(THREAT_MODEL_V1));

        // Lost content is detected the same way.
        jdbc.sql("delete from document_content where storage_key = (select storage_key from document where id = ?)")
                .param(stored.path("id").asLong()).update();
        assertThat(api.get(stored.path("content").asText(), MANUFACTURER).json().path("detail").asText())
                .contains("it now has 0 bytes");
    }

    @Test
    void theDocumentsPageBehindTheLoginListsAndTakesUploads() {
        long id = apply();
        api.upload(id, MANUFACTURER, "DOC-02", "binding-flow.pdf", "application/pdf", THREAT_MODEL_V1);
        LabApi.BrowserSession browser = api.browser();
        browser.login(ENGINEER, LabApi.PASSWORD);
        String pagePath = "/lab/assessments/" + id + "/documents";
        LabApi.Reply page = browser.getPage(pagePath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("DOC-02", "v1 binding-flow.pdf", Sha256.hex(THREAT_MODEL_V1), "未提出 / missing",
                "エビデンスの添付（第1回）/ Attach evidence (round 1)").doesNotContain("文書のアップロード / Upload a document");

        String csrf = page.text().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        LabApi.Reply uploaded = browser.postMultipart(pagePath, new LabApi.Multipart().field("_csrf", csrf)
                .field("kind", "EVIDENCE").field("itemId", "DEV-01").file("file", "default-password.png", "image/png", PNG));
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(uploaded.location()).endsWith(pagePath);
        assertThat(browser.getPage(pagePath).text()).contains("アップロードしました / Uploaded: DEV-01 v1 default-password.png");
        LabApi.Reply refused = browser.postMultipart(pagePath, new LabApi.Multipart().field("_csrf", csrf)
                .field("kind", "EVIDENCE").field("itemId", "DEV-01").file("file", "default-password.pdf", "image/png", PNG));
        assertThat(refused.location()).endsWith(pagePath);
        assertThat(browser.getPage(pagePath).text()).contains("受け付けられません / Refused: default-password.pdf: 名前は .pdf で終わり",
                "default-password.pdf: the name ends in .pdf but the content is image/png. Rename it to match its content");
        // The messages come once, from the session: no link can make the page say something.
        assertThat(browser.getPage(pagePath + "?error=Send+your+password+to+evil.example").text())
                .doesNotContain("evil.example", "Refused");
        // Without the CSRF token, a forged cross-site upload goes nowhere.
        assertThat(browser.postMultipart(pagePath, new LabApi.Multipart().field("kind", "EVIDENCE")
                .field("itemId", "DEV-01").file("file", "x.png", "image/png", PNG)).status()).isEqualTo(403);
        // Larger than the limit: refused before it is read, and the page says why.
        LabApi.Reply tooLarge = browser.postMultipart(pagePath, new LabApi.Multipart().field("_csrf", csrf)
                .field("kind", "EVIDENCE").field("itemId", "DEV-01")
                .file("file", "capture.pcap", "application/vnd.tcpdump.pcap", new byte[50 * 1024 * 1024]));
        assertThat(tooLarge.location()).endsWith(pagePath + "?refused=too-large");
        assertThat(browser.getPage(tooLarge.location().replaceFirst("^https?://[^/]+", "")).text())
                .contains("The upload is larger than the limit of 50 MB");

        String listing = browser.getPage(pagePath).text();
        assertThat(listing).contains("v1 default-password.png").doesNotContain("default-password.pdf");
        String download = listing.replaceFirst("(?s).*<a href=\"(" + pagePath + "/\\d+/content)\">v1 default-password.png.*", "$1");
        LabApi.Reply file = browser.getPage(download);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(browser.getPage("/lab/assessments").text()).contains("href=\"/lab/assessments/" + id + "\"");
        assertThat(browser.getPage("/lab/assessments/" + id).text()).contains("href=\"" + pagePath + "\"");
    }

    private long apply() {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "スマートカメラ C2", "modelNumbers", "SC-C2", "firmwareVersion", "3.1.0",
                "appVersion", "1.0.0", "cloudVersion", "2025.05", "starLevel", "STAR-1",
                "scope", List.of("DEVICE", "APP", "CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private LabApi.Reply send(long id, String user, String kind, String itemId) {
        return api.send(new LabApi.Multipart().field("kind", kind).field("itemId", itemId)
                .file("file", "notes.txt", "text/plain", TLS_SCAN)
                .post(baseUrl() + "/api/assessments/" + id + "/documents"), user);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private long chunks() {
        return jdbc.sql("select count(*) from document_content").query(Long.class).single();
    }

    private static JsonNode item(JsonNode listed, String itemId) {
        for (JsonNode item : listed.path("documentItems")) {
            if (item.path("itemId").asText().equals(itemId)) {
                return item;
            }
        }
        throw new AssertionError(itemId + " not listed in " + listed);
    }

    private static void assertRefused(LabApi.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.json().path("detail").asText()).contains(detail);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + "\n1 0 obj\n<<>>\nendobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
