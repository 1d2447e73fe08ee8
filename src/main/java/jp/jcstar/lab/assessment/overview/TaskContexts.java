package jp.jcstar.lab.assessment.overview;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.engine.Markdown;
import jp.jcstar.lab.reports.ReportAccess;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a form shows of its assessment (Markdown for a text component {{taskContext}}), per kind of task: the step's
 * own history, taken from the app's tables when the task opens, in Japanese and English.
 */
@Component
public class TaskContexts {

    /** The kinds of context a user task can carry (BPMN extension property {@value #PROPERTY}). */
    public enum Kind {
        /** The manufacturer: each finding of the failed round, with what to fix and the issue list. */
        RECTIFICATION,
        /** The engineers: each flagged item's previous observation, the response and the versions under test. */
        RETEST,
        /** The engineers after a sent-back review: the reviewer's reason and the items in question. */
        REVISION,
        /** A lab manager after the retest limit: every round, what failed in each and the responses. */
        DECISION,
        /** A reviewer: the overall result, the rounds and the draft report. */
        REVIEW,
        /** The engineers receiving samples: the product, its model numbers and the versions applied for. */
        SAMPLES
    }

    public static final String PROPERTY = "taskContext";
    /** Reads the overview as lab staff would; a form shows only what its task's people may see, chosen below. */
    private static final LabUser LAB = new LabUser("app", Set.of(Roles.ENGINEERS), Set.of());

    private final AssessmentOverviews overviews;

    public TaskContexts(AssessmentOverviews overviews) {
        this.overviews = overviews;
    }

    @Transactional(readOnly = true)
    public String markdown(Assessment assessment, Kind kind, String itemsInQuestion) {
        return switch (kind) {
            case RECTIFICATION -> rectification(overview(assessment, EnumSet.noneOf(AssessmentOverviews.Part.class)));
            case RETEST -> retest(overview(assessment, EnumSet.noneOf(AssessmentOverviews.Part.class)));
            case REVISION -> revision(overview(assessment, EnumSet.of(AssessmentOverviews.Part.ITEMS,
                    AssessmentOverviews.Part.EVENTS)), itemsInQuestion);
            case DECISION -> decision(overview(assessment, EnumSet.noneOf(AssessmentOverviews.Part.class)));
            case REVIEW -> review(overview(assessment, EnumSet.of(AssessmentOverviews.Part.ITEMS)));
            case SAMPLES -> samples(assessment);
        };
    }

    /** The overview with only the parts a kind of context reads. */
    private AssessmentOverview overview(Assessment assessment, Set<AssessmentOverviews.Part> parts) {
        return overviews.of(assessment, LAB, parts);
    }

    private static String samples(Assessment assessment) {
        return "### 申請された製品 / The product applied for\n\n"
                + "**製品 / Product**: " + Markdown.text(assessment.product().name()) + "\n\n"
                + "**型番 / Model numbers**: " + Markdown.text(orDash(assessment.product().modelNumbers())) + "\n\n"
                + "**申請時の版 / Versions applied for**: " + versions(assessment.versions()) + "\n\n"
                + "受領した試料の版が違うときは、そのまま記録してください（報告書には両方が載ります）。 / If the samples carry "
                + "other versions, record what they carry: the report prints both.\n";
    }

    private static String rectification(AssessmentOverview overview) {
        int round = overview.assessment().currentRound();
        List<AssessmentOverview.FindingRow> findings = findingsOf(overview, round);
        StringBuilder text = new StringBuilder("### 第").append(round).append("回の指摘事項 / Findings of round ")
                .append(round).append("\n\n");
        issueList(overview, round, text);
        findings.stream().filter(AssessmentOverview.FindingRow::open).map(f -> f.due()).filter(due -> !due.isEmpty())
                .findFirst().ifPresent(due -> text.append("**回答期限 / Due**: ").append(due).append("\n\n"));
        for (AssessmentOverview.FindingRow finding : findings) {
            text.append("- **").append(finding.itemId()).append(' ').append(Markdown.text(finding.title())).append("**\n")
                    .append("  - 所見 / Observation: ").append(Markdown.block(finding.observation())).append('\n')
                    .append("  - 求める是正 / Required fix: ").append(Markdown.block(finding.requiredFix())).append('\n');
            evidence(finding.evidence(), text);
        }
        return text.toString();
    }

    private static String retest(AssessmentOverview overview) {
        int round = overview.assessment().currentRound();
        StringBuilder text = new StringBuilder("### 第").append(round).append("回の再試験 / Retest, round ").append(round)
                .append("\n\n");
        overview.rounds().stream().filter(r -> r.round() == round).findFirst().ifPresent(current -> text
                .append("**試験する版 / Versions under test**: ").append(versions(current.versions())).append("\n\n")
                .append("**変更した文書 / Changed documents**: ").append(Markdown.block(current.changedDocuments()))
                .append("\n\n"));
        issueList(overview, round - 1, text);
        for (AssessmentOverview.FindingRow finding : findingsOf(overview, round - 1)) {
            text.append("- **").append(finding.itemId()).append(' ').append(Markdown.text(finding.title())).append("**\n")
                    .append("  - 前回の所見 / Previous observation: ").append(Markdown.block(finding.observation()))
                    .append('\n')
                    .append("  - 製造事業者の回答 / Manufacturer's response: ").append(Markdown.block(finding.response()))
                    .append('\n');
            evidence(finding.evidence(), text);
        }
        return text.toString();
    }

    private static String revision(AssessmentOverview overview, String itemsInQuestion) {
        StringBuilder text = new StringBuilder("### 報告書の差し戻し / The report was sent back\n\n");
        lastSendBack(overview).ifPresent(event -> text.append("**").append(Markdown.text(event.actor()))
                .append("（").append(event.at()).append("）の理由 / Reason**: ").append(Markdown.block(event.text()))
                .append("\n\n"));
        text.append("**見直す項目 / Items in question**: ").append(itemsInQuestion == null || itemsInQuestion.isBlank()
                ? "すべての項目 / every item in scope" : Markdown.text(itemsInQuestion)).append("\n\n");
        for (AssessmentOverview.ItemRow item : overview.items()) {
            if (itemsInQuestion == null || itemsInQuestion.isBlank() || itemsInQuestion.contains(item.id())) {
                text.append("- **").append(item.id()).append(' ').append(Markdown.text(item.title())).append("**: ")
                        .append(item.verdict()).append(" — ").append(Markdown.block(item.observation())).append('\n');
            }
        }
        return text.toString();
    }

    private static String decision(AssessmentOverview overview) {
        StringBuilder text = new StringBuilder("### これまでのラウンド / The rounds so far\n\n");
        for (AssessmentOverview.RoundRow round : overview.rounds()) {
            text.append("#### 第").append(round.round()).append("回 / Round ").append(round.round()).append(": ")
                    .append(round.outcome()).append("\n\n")
                    .append("版 / Versions: ").append(versions(round.versions())).append("\n\n");
            if (round.issueListPath() != null) {
                text.append(Markdown.link("第" + round.round() + "回 指摘事項一覧 / Issue list, round " + round.round(),
                        round.issueListPath())).append("\n\n");
            }
            for (AssessmentOverview.FindingRow finding : findingsOf(overview, round.round())) {
                text.append("- **").append(finding.itemId()).append("** 不合格 / failed: ")
                        .append(Markdown.block(finding.observation())).append('\n')
                        .append("  - 回答 / Response: ").append(Markdown.block(finding.response())).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String review(AssessmentOverview overview) {
        long passed = overview.items().stream().filter(item -> "PASS".equals(item.verdictClass())).count();
        long notApplicable = overview.items().stream().filter(item -> "NA".equals(item.verdictClass())).count();
        long failed = overview.items().stream().filter(item -> "FAIL".equals(item.verdictClass())).count();
        StringBuilder text = new StringBuilder("### 総合結果 / Overall result\n\n")
                .append(overview.items().size()).append(" 項目 / items: ").append(passed).append(" 合格 / PASS, ")
                .append(notApplicable).append(" 対象外 / N/A, ").append(failed).append(" 不合格 / FAIL\n\n")
                .append(Markdown.link("報告書の下書きを開く / Open the draft report",
                        ReportAccess.draftPath(overview.assessment().id()))).append("\n\n");
        text.append("#### ラウンド / Rounds\n\n");
        for (AssessmentOverview.RoundRow round : overview.rounds()) {
            text.append("- 第").append(round.round()).append("回 / Round ").append(round.round()).append(": ")
                    .append(round.outcome());
            if (round.issueListPath() != null) {
                text.append(" — ").append(Markdown.link("指摘事項一覧 / Issue list", round.issueListPath()));
            }
            text.append('\n');
        }
        Set<String> testers = overview.items().stream().flatMap(item -> item.history().stream())
                .map(AssessmentOverview.VerdictRow::recordedBy).collect(Collectors.toCollection(TreeSet::new));
        text.append("\n試験担当者 / Tested by: ").append(Markdown.text(String.join(", ", testers)))
                .append("（この人たちはレビューできません / they may not review）\n");
        return text.toString();
    }

    private static List<AssessmentOverview.FindingRow> findingsOf(AssessmentOverview overview, int round) {
        return overview.findings().stream().filter(finding -> finding.round() == round).toList();
    }

    private static void issueList(AssessmentOverview overview, int round, StringBuilder text) {
        overview.rounds().stream().filter(r -> r.round() == round && r.issueListPath() != null).findFirst()
                .ifPresent(r -> text.append(Markdown.link("第" + round + "回 指摘事項一覧（PDF）/ Issue list of round "
                        + round + " (PDF)", r.issueListPath())).append("\n\n"));
    }

    private static void evidence(List<AssessmentOverview.FileLink> files, StringBuilder text) {
        if (!files.isEmpty()) {
            text.append("  - エビデンス / Evidence: ").append(files.stream()
                    .map(file -> Markdown.link(file.label(), file.path())).collect(Collectors.joining(", "))).append('\n');
        }
    }

    private static Optional<AssessmentOverview.EventRow> lastSendBack(AssessmentOverview overview) {
        List<AssessmentOverview.EventRow> events = overview.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).sentBack()) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** "ファームウェア / firmware 1.0.0, アプリ / app —, クラウド / cloud 2025.04", Markdown-escaped. */
    private static String versions(Versions versions) {
        return "ファームウェア / firmware " + Markdown.text(orDash(versions.firmware())) + ", アプリ / app "
                + Markdown.text(orDash(versions.app())) + ", クラウド / cloud " + Markdown.text(orDash(versions.cloud()));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    /** The kind a task carries, from its model property. */
    public static Kind kindOf(String property) {
        return Kind.valueOf(property);
    }
}
