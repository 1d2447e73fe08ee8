package jp.jcstar.lab.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.dashboard.LabFigures.OpenWork;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures as CSV, one figure a row ({@code figure,key,label_ja,label_en,value}), UTF-8 with a byte
 * order mark so that Excel in Japan opens it as UTF-8. Shares are fractions (0.7), times hours or days as named. A
 * cell that a spreadsheet would take for a formula is written as text.
 */
@Component
public class DashboardCsv {

    private static final String HEADER = "figure,key,label_ja,label_en,value";

    public byte[] write(LabFigures f) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        row(out, "period", "from", Bilingual.of("期間の始まり", "Period from"), f.filter().from());
        row(out, "period", "to", Bilingual.of("期間の終わり", "Period to"), f.filter().to());
        row(out, "period", "level", Bilingual.of("レベル", "Level"),
                f.filter().level() == null ? "すべて / All" : f.filter().levelLabel());
        row(out, "applied", "", Bilingual.of("申請された評価", "Assessments applied for"), f.applied());
        row(out, "first_rounds", "evaluated", Bilingual.of("評価済みの初回ラウンド", "First rounds evaluated"), f.firstRounds().evaluated());
        row(out, "first_rounds", "failed", Bilingual.of("不合格の初回ラウンド", "First rounds failed"), f.firstRounds().failed());
        row(out, "first_rounds", "pass_rate", Bilingual.of("初回合格率", "First-pass rate"), f.firstRounds().passRate());
        f.failuresByArea().forEach(area -> {
            row(out, "first_round_failures_by_area", area.area(), area.name(), area.assessments());
            row(out, "first_round_failure_share_by_area", area.area(), area.name(), area.share());
        });
        f.topItems().forEach(item -> row(out, "top_failing_items", item.itemId(), item.title(), item.assessments()));
        row(out, "outcomes", "completed", Bilingual.of("完了", "Completed"), f.outcomes().completed());
        row(out, "outcomes", "terminated", Bilingual.of("終了（不合格）", "Terminated"), f.outcomes().terminated());
        row(out, "outcomes", "terminated_share", Bilingual.of("終了の割合", "Terminated share"), f.outcomes().terminatedShare());
        row(out, "outcomes", "mean_rounds", Bilingual.of("完了までの平均ラウンド数", "Mean rounds to completion"),
                f.outcomes().meanRounds());
        f.outcomes().roundsOfCompleted().forEach(count -> row(out, "rounds_of_completed", String.valueOf(count.rounds()),
                Bilingual.of(count.rounds() + " ラウンドで完了", "Completed in " + count.rounds() + " round(s)"),
                count.assessments()));
        f.leadTimes().forEach(time -> {
            row(out, "lead_time_tasks", time.step(), time.name(), time.tasks());
            row(out, "lead_time_median_hours", time.step(), time.name(), time.medianHours());
            row(out, "lead_time_mean_hours", time.step(), time.name(), time.meanHours());
            row(out, "lead_time_party", time.step(), time.name(), time.party().label().ja() + " / " + time.party().label().en());
        });
        row(out, "split", "completed", Bilingual.of("完了した評価", "Completed assessments"), f.split().assessments());
        row(out, "split", "mean_days_total", Bilingual.of("申請から完了まで（日）", "Application to completion (days)"),
                f.split().meanDaysTotal());
        row(out, "split", "mean_days_manufacturer", Bilingual.of("製造事業者の待ち（日）", "Waiting on the manufacturer (days)"),
                f.split().meanDaysManufacturer());
        row(out, "split", "mean_days_lab", Bilingual.of("試験所の待ち（日）", "Waiting on the lab (days)"), f.split().meanDaysLab());
        OpenWork open = f.open();
        open.byStep().forEach(step -> {
            row(out, "open_tasks", step.step(), step.name(), step.tasks());
            row(out, "open_overdue", step.step(), step.name(), step.overdue());
        });
        row(out, "open_overdue_total", "", Bilingual.of("期限超過の作業", "Overdue work"), open.overdue());
        open.engineers().forEach(person -> row(out, "engineer_open_tasks",
                person.person() == null ? "(not taken)" : person.person(),
                person.person() == null ? Bilingual.of("未割当の試験作業", "Engineers' work not taken")
                        : Bilingual.of("試験員の未完了タスク", "Engineer's open tasks"), person.tasks()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, String figure, String key, Bilingual label, Object value) {
        out.append(figure).append(',').append(cell(key)).append(',').append(cell(label.ja())).append(',')
                .append(cell(label.en())).append(',').append(cell(value(value))).append("\r\n");
    }

    private static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return String.format(Locale.ROOT, "%.4f", number).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return value.toString();
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
