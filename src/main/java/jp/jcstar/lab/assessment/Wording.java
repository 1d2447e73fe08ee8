package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.security.Roles;

/**
 * The words people read for the app's states, Japanese and English, in one place: pages and forms say "進行中 / In
 * progress", never IN_PROGRESS. Times are the lab's (Japan Standard Time).
 */
public final class Wording {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Wording() {
    }

    public static String status(AssessmentStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "進行中 / In progress";
            case COMPLETED -> "完了（合格）/ Completed (passed)";
            case TERMINATED -> "終了（不合格）/ Terminated (failed)";
            case WITHDRAWN -> "申請取下げ / Withdrawn";
            case CANCELLED -> "中止 / Cancelled";
        };
    }

    public static String verdict(Verdict verdict) {
        if (verdict == null) {
            return "未判定 / Not judged";
        }
        return switch (verdict) {
            case PASS -> "合格 / PASS";
            case FAIL -> "不合格 / FAIL";
            case NA -> "対象外 / N/A";
        };
    }

    public static String group(String group) {
        return switch (group) {
            case Roles.MANUFACTURERS -> "製造事業者 / Manufacturer";
            case Roles.ENGINEERS -> "試験担当者 / Test engineers";
            case Roles.REVIEWERS -> "レビュー担当者 / Reviewers";
            case Roles.LAB_MANAGERS -> "ラボ管理者 / Lab managers";
            default -> group;
        };
    }

    public static String groups(List<String> groups) {
        return groups.stream().map(Wording::group).collect(Collectors.joining(", "));
    }

    public static String component(ProductComponent component) {
        return switch (component) {
            case DEVICE -> "デバイス / Device";
            case APP -> "アプリ / App";
            case CLOUD -> "クラウド / Cloud";
        };
    }

    public static String event(AssessmentEvent event) {
        String kind = switch (event.kind()) {
            case DOCUMENT_REQUEST -> "文書の追加依頼 / Document request";
            case DOCUMENTS_SUPPLIED -> "文書の提出 / Documents supplied";
            case REPORT_REVIEW -> "報告書レビュー / Report review";
            case FURTHER_ROUND -> "追加ラウンドの判断 / Further-round decision";
        };
        return event.decision() == null ? kind : kind + ": " + decision(event.decision());
    }

    public static String decision(String decision) {
        return switch (decision) {
            case "APPROVE" -> "承認 / Approved";
            case "REJECT" -> "差し戻し / Sent back";
            case "EXTEND" -> "もう1ラウンド / One more round";
            case "TERMINATE" -> "評価終了 / Terminate";
            default -> decision;
        };
    }

    public static String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(LabClock.ZONE).format(DATE_TIME);
    }

    public static String date(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(LabClock.ZONE).format(DATE);
    }
}
