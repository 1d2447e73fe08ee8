package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.browser.Chromium;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.reports.SignedPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The STAR requirement lists and the IPA submission package, in a real Chromium: lab staff read which catalog items
 * evidence each STAR-1 requirement; a process administrator loads a new version from a CSV (a faulty one is refused
 * line by line and changes nothing); the manufacturer of a completed assessment downloads one ZIP with the signed
 * final report, the checklist (PDF and CSV) that lists every STAR-1 requirement once, and the file index.
 */
@WebAppTest
@EnabledIf("jp.jcstar.lab.browser.Chromium#installed")
class RequirementsAndIpaPackageBrowserTest {

    private static final List<String> STAR_1 = IntStream.rangeClosed(1, 16)
            .mapToObj(n -> "S1.1-%02d".formatted(n)).toList();

    static final String PROCESS_ADMIN = "req-admin";

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;

    LabApi api;
    Catalog catalog;
    Chromium browser;

    @BeforeEach
    void start() {
        api = LabUsers.on(port);
        LabUsers.rival(api);
        LabUsers.staff(api, PROCESS_ADMIN, "process-admin");
        catalog = catalogs.current();
        browser = new Chromium(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aProcessAdministratorLoadsARequirementListAndTheManufacturerGetsTheIpaPackage() throws Exception {
        // Lab staff read the shipped STAR-1 list: sixteen IDs, the items behind each, the uncovered ones said so.
        browser.logIn(api, ENGINEER).open("/lab/requirements");
        String shown = browser.waitForText("要件リスト / Requirement lists", "STAR-1",
                "初期パスワードを機器間で共通にしない", "Default passwords are not shared between devices");
        // Version 1 as shipped, or a later one when this database kept an earlier run's.
        Matcher current = Pattern.compile("第 (\\d+) 版 / version").matcher(shown);
        assertThat(current.find()).isTrue();
        int version = Integer.parseInt(current.group(1));
        assertThat(browser.driver.findElements(By.cssSelector("#level-STAR-1 tr[data-requirement]"))).hasSize(16);
        assertThat(row("S1.1-02")).contains("5.1-1", "DEV-01");
        assertThat(row("S1.1-06")).contains("カバーなし / Not covered", "IPA's wording not loaded yet");
        assertThat(browser.driver.findElements(By.id("load"))).as("engineers do not load lists").isEmpty();
        LabApi.BrowserSession engineer = api.browser();
        engineer.login(ENGINEER, LabApi.PASSWORD);
        engineer.getHtml("/lab/requirements");
        assertThat(engineer.postMultipart("/lab/requirements?level=STAR-1", new LabApi.Multipart()
                .file("file", "star-1.csv", "text/csv", "requirement_id,title_ja,title_en,etsi_en_303_645,catalog_items\n"
                        .getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(403);

        // A process administrator loads a list with mistakes: each is named by line, nothing is loaded.
        browser.close();
        browser = new Chromium(port);
        browser.logIn(api, PROCESS_ADMIN).open("/lab/requirements");
        String good = new String(browser.fetchWithSession("/lab/requirements/STAR-1.csv"), StandardCharsets.UTF_8);
        assertThat(good).startsWith("\uFEFF" + "requirement_id,title_ja,title_en,etsi_en_303_645,catalog_items");
        Path faulty = csv("faulty.csv", "requirement_id,title_ja,title_en,etsi_en_303_645,catalog_items\n"
                + "S1.1-01,\"認証\nAuthentication\",\"Authentication, over IP\",5.5-4,DEV-03 DEV-99\n"
                + "X-1,,,,\n"
                + "S1.1-01,重複,Twice,51,APP-01\n");
        upload("STAR-1", faulty);
        // Lines as an editor numbers them: the first record's quoted cell spans lines 2 and 3.
        browser.waitForText("2 行目: 評価項目「DEV-99」はカタログ版", "Line 2: check item 'DEV-99' is not in catalog version",
                "Line 4: requirement ID 'X-1' must look like S1.1-01.", "Line 5: requirement ID S1.1-01 appears twice.",
                "Line 5: ETSI EN 303 645 provision '51' must look like 5.1-1.");
        browser.open("/lab/requirements");
        browser.waitForText("第 " + version + " 版 / version " + version);

        // The list as downloaded, S1.1-06 now given wording and an item: version 2.
        String edited = good.replace("S1.1-06,,,,", "S1.1-06,ファームウェアの完全性,Firmware integrity,5.7-1,DEV-04");
        assertThat(edited).isNotEqualTo(good);
        upload("STAR-1", csv("star-1.csv", edited));
        browser.waitForText("STAR-1 v" + (version + 1) + " を読み込みました。 / Loaded STAR-1 v" + (version + 1) + ".",
                "第 " + (version + 1) + " 版 / version " + (version + 1));
        assertThat(row("S1.1-06")).contains("ファームウェアの完全性", "Firmware integrity", "5.7-1", "DEV-04");
        browser.screenshot("requirements.png");

        // A completed STAR-1 assessment: the manufacturer downloads the package from the assessment's page.
        long id = Walks.completedAfterOneRectification(api, catalog, "申請パッケージ錠 P1", "STAR-1",
                "TLS 1.0 を受け付ける / accepts TLS 1.0");
        browser.close();
        browser = new Chromium(port);
        browser.logIn(api, MANUFACTURER).open("/lab/assessments/" + id);
        browser.waitForText("IPA 申請パッケージ（ZIP：署名付き報告書・要件チェックリスト・ファイル索引）");
        String href = browser.find(By.linkText("IPA 申請パッケージ（ZIP：署名付き報告書・要件チェックリスト・ファイル索引） / IPA submission "
                + "package (ZIP: signed report, requirement checklist, file index)")).getAttribute("href");
        byte[] zip = browser.fetchWithSession(href.substring(href.indexOf("/lab/")));
        Map<String, byte[]> files = unzip(zip);
        String reference = api.get("/api/assessments/" + id, MANUFACTURER).json().path("reference").asText();
        assertThat(files).containsOnlyKeys(reference + "-final-report.pdf", reference + "-checklist.pdf",
                reference + "-checklist.csv", reference + "-evidence-index.csv");

        // The signed final report, byte for byte as issued.
        byte[] report = files.get(reference + "-final-report.pdf");
        assertThat(report).isEqualTo(api.get("/api/assessments/" + id + "/reports/final", MANUFACTURER).body());
        assertThat(SignedPdfs.signature(report).intact()).isTrue();

        // Every STAR-1 requirement once, with the lab's result; uncovered ones never pass.
        String checklistCsv = new String(files.get(reference + "-checklist.csv"), StandardCharsets.UTF_8);
        assertThat(checklistCsv).startsWith("\uFEFFlevel,requirement_id,requirement,etsi_en_303_645,catalog_items,result");
        Map<String, String> results = results(checklistCsv);
        assertThat(results.keySet()).containsExactlyElementsOf(STAR_1);
        assertThat(results.get("S1.1-02")).isEqualTo("適合 / Conforms");
        assertThat(results.get("S1.1-06")).isEqualTo("適合 / Conforms");
        assertThat(results.get("S1.1-12")).isEqualTo("適合 / Conforms");
        assertThat(results.get("S1.1-07")).isEqualTo("カバーなし（評価項目なし） / Not covered (no catalog item)");
        assertThat(results.get("S1.1-03")).as("DEV-01 passed; APP-01 is outside the device-and-cloud scope")
                .isEqualTo("適合 / Conforms");
        assertThat(results.values().stream().filter(r -> r.startsWith("カバーなし")).count()).isEqualTo(9);
        String checklistPdf = AssessmentApiEndToEndTest.pdfText(files.get(reference + "-checklist.pdf"));
        assertThat(checklistPdf).contains("要件チェックリスト/RequirementChecklist", reference,
                "STAR-1v" + (version + 1) + "(16)",
                Sha256.hex(report));
        for (String requirement : STAR_1) {
            assertThat(count(checklistPdf, requirement)).as(requirement).isEqualTo(1);
        }

        // The file index: every upload with its SHA-256.
        String index = new String(files.get(reference + "-evidence-index.csv"), StandardCharsets.UTF_8);
        assertThat(index.lines().skip(1).filter(line -> line.matches(".*,[0-9a-f]{64}$")).count()).isEqualTo(7);

        // Another company gets nothing; an assessment still running has no package.
        assertThat(api.get("/api/assessments/" + id + "/reports/ipa-package", CompanyIsolationTest.RIVAL).status())
                .isEqualTo(404);
        assertThat(api.get("/api/assessments/" + id + "/reports/ipa-package", MANUFACTURER).status()).isEqualTo(200);
        LabApi.Reply running = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "未完了 U1",
                "modelNumbers", "U-1", "firmwareVersion", "1", "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        LabApi.Reply early = api.get("/api/assessments/" + running.json().path("id").asLong() + "/reports/ipa-package",
                MANUFACTURER);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).contains("exists once the assessment is completed");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String row(String requirement) {
        return browser.find(By.cssSelector("#level-STAR-1 tr[data-requirement='" + requirement + "']")).getText();
    }

    private void upload(String level, Path file) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("level"))).selectByValue(level);
        browser.find(By.id("csv")).sendKeys(file.toString());
        WebElement before = browser.find(By.tagName("html"));
        browser.click(By.id("load-csv"));
        browser.awaitGone(before);
    }

    private static Path csv(String name, String content) throws IOException {
        Path file = Files.createTempDirectory("requirements").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** requirement_id -> result of the checklist CSV, in its order (a cell may hold line breaks, quoted). */
    private static Map<String, String> results(String csv) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (org.apache.commons.csv.CSVRecord record : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.substring(1)))) {
            assertThat(results.put(record.get("requirement_id"), record.get("result"))).as("listed once").isNull();
        }
        return results;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
