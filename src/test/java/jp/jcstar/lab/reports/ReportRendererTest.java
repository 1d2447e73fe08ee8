package jp.jcstar.lab.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.assessment.Versions;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders both reports with realistic data (Japanese product name and observations) and reads the
 * PDFs back with PDFBox. Plain JUnit: no Spring context.
 */
class ReportRendererTest {

    /** Where the rendered PDFs are left for a person to look at. */
    private static final Path SAMPLE_DIR = Path.of("target", "report-samples");

    private static final String PRODUCT = "スマートロック X1";
    private static final String LONG_OBSERVATION_END = "以上により要件を満たすと判断した（所見末尾）。";

    private static ReportRenderer renderer;

    @BeforeAll
    static void compileTemplates() {
        renderer = new ReportRenderer();
    }

    @Test
    void finalReportShowsEveryItemRoundAndPageNumbersInJapanese() throws IOException {
        FinalReportData data = finalReportData();
        byte[] pdf = renderer.renderFinalReport(data);
        save("final-assessment-report.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 2, "23 items should need more than one page, got " + pages);
            String text = compact(new PDFTextStripper().getText(document));

            assertContains(text, "最終評価報告書");
            assertContains(text, "Final Assessment Report");
            assertContains(text, PRODUCT);
            assertContains(text, data.getHeader().getLabName());
            assertContains(text, data.getHeader().getReference());
            assertContains(text, data.getHeader().getManufacturer());
            assertContains(text, data.getHeader().getModelNumbers());
            assertContains(text, data.getHeader().getScope());
            assertContains(text, data.getCatalogVersion());
            assertContains(text, compact(data.getTestPeriod()));
            assertContains(text, "試験期間");
            assertContains(text, compact(data.getTestedBy()));
            assertContains(text, "試験方法・ツール・環境/TestMethods,ToolsandEnvironment");
            assertContains(text, compact(data.getMethods()));
            assertContains(text, "試験試料/SamplesunderTest");
            assertContains(text, compact(data.getSamples()));
            assertContains(text, data.getReviewedBy());
            assertContains(text, data.getReviewedAt());
            assertContains(text, data.getVerdict());

            assertEquals(23, data.getItems().size());
            for (ItemResultRow item : data.getItems()) {
                assertContains(text, item.getItemId());
            }
            // a long observation wraps over several lines and is not truncated
            assertContains(text, LONG_OBSERVATION_END);

            // every round of the history, with its versions and failed items
            for (RoundRow round : data.getRounds()) {
                assertContains(text, round.getFirmwareVersion() + round.getAppVersion() + round.getCloudVersion()
                        + round.getStartedAt() + round.getEvaluatedAt() + round.getOutcome());
                if (round.getFailedItems() != null) {
                    assertContains(text, round.getFailedItems());
                }
            }
            // the findings history with the manufacturer's responses
            for (FindingRow finding : data.getFindings()) {
                assertContains(text, finding.getRequiredFix());
                assertContains(text, finding.getManufacturerResponse());
            }

            for (int page = 1; page <= pages; page++) {
                assertContains(text, "Page" + page + "of" + pages);
            }
            assertFalse(text.contains("Page" + (pages + 1) + "of"), "no page beyond the last");
            assertEveryFontEmbeddedIpaex(document);
        }
    }

    @Test
    void issueListShowsEveryFindingWithRequiredFix() throws IOException {
        IssueListData data = issueListData();
        byte[] pdf = renderer.renderIssueList(data, VERIFICATION);
        save("issue-list.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            String text = compact(new PDFTextStripper().getText(document));

            assertContains(text, "指摘事項一覧");
            assertContains(text, "IssueList");
            assertContains(text, PRODUCT);
            assertContains(text, data.getHeader().getReference());
            assertContains(text, data.getHeader().getModelNumbers());
            assertContains(text, data.getHeader().getFirmwareVersion());
            assertContains(text, data.getHeader().getAppVersion());
            assertContains(text, data.getHeader().getCloudVersion());
            assertContains(text, data.getIssuedAt());
            assertContains(text, data.getDueDate());
            for (FindingRow finding : data.getFindings()) {
                assertContains(text, finding.getItemId());
                assertContains(text, finding.getTitle());
                assertContains(text, finding.getObservation());
                assertContains(text, finding.getRequiredFix());
            }
            for (int page = 1; page <= pages; page++) {
                assertContains(text, "Page" + page + "of" + pages);
            }
            // Every page's footer: where to verify it, its code, and that it is signed.
            assertEquals(pages, count(text, "真正性の確認/Verify:" + VERIFICATION.url()));
            assertContains(text, "検証コード/Code" + VERIFICATION.code());
            assertContains(text, "Signedbythelab");
            assertEveryFontEmbeddedIpaex(document);
        }
    }

    @Test
    void theTerminationNoticeSaysWhyAndWhatDidNotPass() throws IOException {
        IssueListData issueList = issueListData();
        TerminationLetterData data = new TerminationLetterData(issueList.getHeader(), "4", "2025-09-01 10:00 JST",
                "再試験の上限に達したため / the retest limit was reached: TLS の設計上の欠陥",
                List.of(new RoundRow("1", new Versions("1.0.2", "2.3.0", "2025.04"), "2025-05-12", "2025-05-30",
                                "不合格 / Failed", "CLD-04"),
                        new RoundRow("4", new Versions("1.0.5", "2.3.0", "2025.08"), "2025-08-20", "2025-08-28",
                                "不合格 / Failed", "CLD-04")),
                issueList.getFindings().subList(0, 1), DOCUMENTS);
        byte[] pdf = renderer.renderTerminationLetter(data, VERIFICATION);
        save("termination-letter.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = compact(new PDFTextStripper().getText(document));
            assertContains(text, "評価終了通知書");
            assertContains(text, "TerminationNotice");
            assertContains(text, compact(data.getReason()));
            assertContains(text, "2025-09-01");
            assertContains(text, "適合と判定されなかった項目/Itemsthatdidnotpass(1)");
            assertContains(text, "Nolabelisissued.");
            assertContains(text, "CLD-04");
            assertContains(text, compact(issueList.getFindings().get(0).getObservation()));
            assertContains(text, "試験ラウンド/TestRounds");
            assertContains(text, "2025.08");
            assertContains(text, "Verify:" + VERIFICATION.url());
            assertEveryFontEmbeddedIpaex(document);
        }
    }

    @Test
    void theChecklistListsEachRequirementWithItsResult() throws IOException {
        java.util.Map<String, String> header = new java.util.LinkedHashMap<>();
        header.put("LabName", "一般社団法人 日本IoT検証センター 東京試験所");
        header.put("Reference", "JCS-2025-0042");
        header.put("Product", PRODUCT + " (株式会社サンプル電機)");
        header.put("Level", "STAR-1");
        header.put("Lists", "STAR-1 v1 (3)");
        header.put("FinalReport", "SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, 検証コード / code 7KQ2-M9XD-3HPT");
        header.put("Printed", "2025-07-20 10:00 JST");
        List<ChecklistRow> rows = List.of(
                new ChecklistRow("STAR-1（第1版 / version 1）", "S1.1-02", "初期パスワードを機器間で共通にしない\n"
                        + "Default passwords are not shared between devices", "5.1-1", "DEV-01 PASS", "適合 / Conforms"),
                new ChecklistRow("STAR-1（第1版 / version 1）", "S1.1-04", "ブルートフォース攻撃への耐性（機器で試験）\n"
                        + "Brute-force resistance (tested on the device)", "5.1-5", "APP-02 FAIL\nCLD-01 PASS",
                        "不適合 / Does not conform"),
                new ChecklistRow("STAR-1（第1版 / version 1）", "S1.1-07", "（IPA の文言は未登録 / IPA's wording not loaded）",
                        "", "—", "カバーなし（評価項目なし） / Not covered (no catalog item)"));
        byte[] pdf = renderer.renderChecklist(header, rows);
        save("ipa-checklist.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = compact(new PDFTextStripper().getText(document));
            assertContains(text, "要件チェックリスト/RequirementChecklist");
            assertContains(text, "JCS-2025-0042");
            assertContains(text, "S1.1-02初期パスワードを機器間で共通にしないDefaultpasswordsarenotsharedbetweendevices5.1-1DEV-01PASS適合/Conforms");
            assertContains(text, "APP-02FAILCLD-01PASS不適合/Doesnotconform");
            assertContains(text, "S1.1-07");
            assertContains(text, "カバーなし（評価項目なし）/Notcovered(nocatalogitem)");
            assertContains(text, "Page1of" + document.getNumberOfPages());
            assertEveryFontEmbeddedIpaex(document);
        }
    }

    @Test
    void theDraftSaysItIsNotIssuedAndTheIssuedReportIsSealed() throws IOException {
        try (PDDocument draft = Loader.loadPDF(renderer.renderFinalReport(finalReportData()))) {
            String text = compact(new PDFTextStripper().getText(draft));
            assertContains(text, "Draft:notsigned,notanissuedreport");
            assertFalse(text.contains("Verify:"), "a draft has no verification page");
        }
        byte[] sealed = "sealed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Verification seal = new Verification(VERIFICATION.code(), VERIFICATION.url(), VERIFICATION.qr(), pdf -> sealed);
        assertArrayEquals(sealed, renderer.renderFinalReport(finalReportData(), seal), "the seal is the last step");
    }

    @Test
    void bothReportsIndexEveryFileWithItsWholeSha256OnOneLine() throws IOException {
        for (byte[] pdf : List.of(renderer.renderFinalReport(finalReportData()),
                renderer.renderIssueList(issueListData(), VERIFICATION))) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String raw = new PDFTextStripper().getText(document);
                String text = compact(raw);
                assertContains(text, "文書・エビデンス索引");
                for (DocumentRow row : DOCUMENTS) {
                    assertContains(text, row.getItemId() + row.getKind() + row.getRoundNo() + row.getVersion()
                            + row.getFileName() + row.getSize() + row.getSha256());
                    // A reader copies the hash from the PDF to compare it with the file's.
                    assertTrue(raw.contains(row.getSha256()), () -> "not on one line: " + row.getSha256() + " in "
                            + raw.substring(Math.max(0, raw.indexOf(row.getSha256().substring(0, 8)) - 200),
                            Math.min(raw.length(), raw.indexOf(row.getSha256().substring(0, 8)) + 200)));
                }
            }
        }
    }

    @Test
    void emptyListsStillRender() throws IOException {
        FinalReportData data = new FinalReportData(new ReportHeader("試験所", "REF-0", new Product("メーカー", PRODUCT, "X1",
                StarLevel.STAR_1, Set.of(ProductComponent.DEVICE)), new Versions("1.0", "1.0", "1.0")), "v1", "2025-01-01", "2025-02-01", "2025-01-10 〜 2025-01-30", "試験員", "レビュー者", "2025-02-02", "合格 / Pass",
                null, List.of(), null, null, null, null);
        try (PDDocument document = Loader.loadPDF(renderer.renderFinalReport(data))) {
            String text = compact(new PDFTextStripper().getText(document));
            assertContains(text, PRODUCT);
            assertContains(text, "評価項目はありません");
            assertContains(text, "指摘事項はありません");
            assertContains(text, "文書・エビデンスはありません");
            assertContains(text, "Page1of" + document.getNumberOfPages());
        }
    }

    @Test
    void nullDataIsRejected() {
        assertThrows(NullPointerException.class, () -> renderer.renderFinalReport(null));
        assertThrows(NullPointerException.class, () -> renderer.renderIssueList(null, VERIFICATION));
    }

    // ---------------------------------------------------------------------------------------------

    private static final Verification VERIFICATION = new Verification("7KQ2-M9XD-3HPT",
            "https://lab.example.jp/verify/7KQ2-M9XD-3HPT",
            Verification.qrCode("https://lab.example.jp/verify/7KQ2-M9XD-3HPT"), pdf -> pdf);

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Text with all whitespace removed: wrapping and column layout don't break the comparisons. */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void assertContains(String compactText, String expected) {
        String needle = compact(expected);
        assertTrue(compactText.contains(needle), () -> "PDF text lacks \"" + expected + "\"");
    }

    private static void assertEveryFontEmbeddedIpaex(PDDocument document) throws IOException {
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts++;
                assertTrue(font.isEmbedded(), "font " + font.getName() + " is not embedded");
                assertTrue(font.getName().contains("IPAex"), "unexpected font " + font.getName());
            }
        }
        assertTrue(fonts > 0, "no font found in the PDF");
    }

    private static void save(String name, byte[] pdf) throws IOException {
        Files.createDirectories(SAMPLE_DIR);
        Files.write(SAMPLE_DIR.resolve(name), pdf);
    }

    // ---------------------------------------------------------------------------------------------

    static final List<DocumentRow> DOCUMENTS = List.of(
            new DocumentRow("DOC-07", "DOCUMENT", "1", "v1", "脅威モデル.pdf", "48213",
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            new DocumentRow("DOC-07", "DOCUMENT", "2", "v2", "脅威モデル.pdf", "51002",
                    "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"),
            new DocumentRow("CLD-04", "EVIDENCE", "1", "v1", "tls-scan-api.example.jp-2025-05-20.txt", "1893",
                    "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"));

    static FinalReportData finalReportData() {
        String[][] catalog = {
            {"DEV-01", "S1", "初期パスワードの固有化 / Unique default passwords"},
            {"DEV-02", "S1", "認証情報の安全な保存 / Secure storage of credentials"},
            {"DEV-03", "S1", "不要なポート・サービスの無効化 / No unused ports or services"},
            {"DEV-04", "S2", "デバッグインタフェースの保護 / Debug interfaces protected"},
            {"DEV-05", "S2", "ソフトウェア更新の完全性検証 / Update integrity verified"},
            {"DEV-06", "S2", "更新の自動適用 / Automatic updates"},
            {"DEV-07", "S2", "セキュアブート / Secure boot"},
            {"DEV-08", "S3", "通信の暗号化 / Encrypted communication"},
            {"DEV-09", "S3", "ログの記録 / Security logging"},
            {"DEV-10", "S3", "初期化機能 / Factory reset erases user data"},
            {"APP-01", "S1", "アプリの認証 / App authentication"},
            {"APP-02", "S1", "サーバ証明書の検証 / Server certificate validation"},
            {"APP-03", "S2", "個人情報の最小化 / Data minimisation"},
            {"APP-04", "S2", "アプリ内データの保護 / Protection of data at rest"},
            {"APP-05", "S3", "権限の最小化 / Least privilege permissions"},
            {"APP-06", "S3", "脆弱性報告窓口 / Vulnerability disclosure contact"},
            {"CLD-01", "S1", "API 認証 / API authentication"},
            {"CLD-02", "S1", "API の認可 / API authorisation"},
            {"CLD-03", "S2", "TLS 設定 / TLS configuration"},
            {"CLD-04", "S2", "ブルートフォース対策 / Brute-force protection"},
            {"CLD-05", "S2", "アカウント削除 / Account deletion"},
            {"CLD-06", "S3", "サポート期間の明示 / Support period published"},
            {"CLD-07", "S3", "インシデント対応手順 / Incident response procedure"},
        };
        List<ItemResultRow> items = new ArrayList<>();
        for (String[] c : catalog) {
            String passedIn = switch (c[0]) {
                case "DEV-07", "APP-02" -> "2";
                case "CLD-04" -> "3";
                default -> "1";
            };
            String observation = switch (c[0]) {
                case "DEV-01" -> "初期パスワードは製品ごとに固有であり、初回起動時に変更が強制されることを確認した。";
                case "CLD-04" -> "第1ラウンドではログイン API に試行回数の制限がなく、1 分間に 1,000 回の試行が可能であった。"
                        + "第2ラウンドでは制限が追加されたが、IP アドレスを変えることで回避できた。"
                        + "第3ラウンドではアカウント単位で 5 回失敗後に 15 分間ロックされ、ロック中の試行もすべて拒否されること、"
                        + "ロック解除が管理者への通知を伴うことを確認した。" + LONG_OBSERVATION_END;
                case "APP-02" -> "第2ラウンドで証明書ピンニングが実装され、不正な証明書による中間者攻撃が拒否されることを確認した。";
                default -> "要件どおりに実装されていることを試験手順 " + c[1] + " により確認した。";
            };
            items.add(new ItemResultRow(c[0], c[1], c[2], "適合 / Pass", passedIn, observation,
                    c[0].startsWith("CLD") ? "佐藤 花子" : "山田 太郎"));
        }
        List<RoundRow> rounds = List.of(
                new RoundRow("1", new Versions("1.0.2", "2.3.0", "2025.04"), "2025-05-12", "2025-05-30", "不適合 / Fail",
                        "CLD-04, APP-02, DEV-07"),
                new RoundRow("2", new Versions("1.0.3", "2.3.1", "2025.06"), "2025-06-16", "2025-06-27", "不適合 / Fail", "CLD-04"),
                new RoundRow("3", new Versions("1.1.0", "2.4.0", "2025.07"), "2025-07-14", "2025-07-18", "適合 / Pass", null));
        List<FindingRow> findings = List.of(
                new FindingRow("1", "CLD-04", "ブルートフォース対策",
                        "ログイン API に試行回数の制限がない。",
                        "試行回数の制限とアカウントロックを実装すること。\n"
                                + "Limit login attempts and lock the account after repeated failures.",
                        "2025-06-13", "是正済 / Resolved", "レート制限を導入しました（v2025.06）。"),
                new FindingRow("1", "APP-02", "サーバ証明書の検証",
                        "アプリが自己署名証明書を受け入れる。",
                        "証明書チェーンを検証し、ピンニングを実装すること。\n"
                                + "Validate the certificate chain and pin the server certificate.",
                        "2025-06-13", "是正済 / Resolved", "証明書ピンニングを実装しました（v2.3.1）。"),
                new FindingRow("1", "DEV-07", "セキュアブート",
                        "署名のないファームウェアが起動する。",
                        "ブートローダで署名を検証すること。\n"
                                + "Verify the firmware signature in the boot loader.",
                        "2025-06-13", "是正済 / Resolved", "署名検証を有効化しました（v1.0.3）。"),
                new FindingRow("2", "CLD-04", "ブルートフォース対策",
                        "IP アドレスを変えることで試行回数の制限を回避できる。",
                        "アカウント単位で試行回数を制限すること。\n"
                                + "Limit login attempts per account.",
                        "2025-07-11", "是正済 / Resolved", "アカウント単位のロックを実装しました（v2025.07）。"));
        return new FinalReportData(
                header(new Versions("1.1.0", "2.4.0", "2025.07")),
                "JC-STAR ★1 適合基準 v1.0",
                "2025-05-01",
                "2025-07-18",
                "2025-05-12 〜 2025-07-18（3 ラウンド / 3 rounds）",
                "山田 太郎 (eng1)\n佐藤 花子 (eng2)",
                "鈴木 一郎",
                "2025-07-22",
                "適合 / Pass",
                items, rounds, findings, DOCUMENTS,
                "第1回 / Round 1  クラウド / Cloud — 佐藤 花子 (eng2), 2025-05-20:\ntestssl.sh 3.2、Wireshark 4.2、検証用 AP / test AP",
                "受領 / Received 2025-05-09 — 山田 太郎 (eng1)\nシリアル番号 / Serial numbers: SLX1-0001, SLX1-0002\n"
                        + "ハードウェアリビジョン / Hardware revision: Rev.C\nファームウェア / Firmware: 1.0.0");
    }

    private static ReportHeader header(Versions versions) {
        return new ReportHeader("一般社団法人 日本IoT検証センター 東京試験所", "JCS-2025-0042",
                new Product("株式会社サンプル電機", PRODUCT, "SL-X1-JP, SL-X1-JP-B", StarLevel.STAR_1,
                        Set.of(ProductComponent.DEVICE, ProductComponent.APP, ProductComponent.CLOUD)),
                versions);
    }

    private static IssueListData issueListData() {
        List<FindingRow> findings = List.of(
                new FindingRow("1", "CLD-04", "ブルートフォース対策",
                        "ログイン API に試行回数の制限がなく、1 分間に 1,000 回の試行が可能であった。",
                        "試行回数の制限とアカウントロックを実装すること。\n"
                                + "Limit login attempts and lock the account after repeated failures.",
                        "2025-06-13", "未対応 / Open", null),
                new FindingRow("1", "APP-02", "サーバ証明書の検証",
                        "アプリが自己署名証明書を受け入れ、中間者攻撃で通信内容を取得できた。",
                        "証明書チェーンを検証し、ピンニングを実装すること。\n"
                                + "Validate the certificate chain and pin the server certificate.",
                        "2025-06-13", "未対応 / Open", null),
                new FindingRow("1", "DEV-07", "セキュアブート",
                        "署名のないファームウェアをデバッグポート経由で書き込むと、そのまま起動する。",
                        "ブートローダでファームウェアの署名を検証し、検証失敗時は起動を中止すること。\n"
                                + "Verify the firmware signature in the boot loader and stop booting when it fails.",
                        "2025-06-13", "未対応 / Open", null));
        return new IssueListData(
                header(new Versions("1.0.2", "2.3.0", "2025.04")),
                "1",
                "2025-05-30",
                "2025-06-13",
                findings, DOCUMENTS);
    }
}
