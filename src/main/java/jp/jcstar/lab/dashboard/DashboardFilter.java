package jp.jcstar.lab.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.InvalidInputException;

/**
 * Which assessments the dashboard counts: those applied for from {@code from} to {@code to} (both days included, lab
 * time) and, if given, of one STAR level. Open work is what is open now, of that level.
 */
public record DashboardFilter(LocalDate from, LocalDate to, StarLevel level) {

    /** The default period: the last twelve months up to today. */
    static final int DEFAULT_MONTHS = 12;

    public DashboardFilter {
        if (to.isBefore(from)) {
            throw new InvalidInputException(Bilingual.of("期間の終わり (" + to + ") が始まり (" + from + ") より前です。日付を入れ替えてください。",
                    "The period ends (" + to + ") before it starts (" + from + "); swap the dates."));
        }
    }

    /** Parses the page's fields; empty ones take the default period and every level. */
    static DashboardFilter parse(String from, String to, String level, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", "終わり", to);
        LocalDate start = blank(from) ? end.minusMonths(DEFAULT_MONTHS).plusDays(1) : date("from", "始まり", from);
        return new DashboardFilter(start, end, blank(level) ? null
                : EnumValues.find(StarLevel.class, level.strip(), StarLevel::label).orElseThrow(() ->
                new InvalidInputException(Bilingual.of("レベルは " + String.join(", ", StarLevel.labels())
                        + " のいずれかです（「" + level + "」は選べません）。", "level must be one of "
                        + String.join(", ", StarLevel.labels()) + ", was '" + level + "'."))));
    }

    /** One calendar month (the monthly report), of every level. */
    static DashboardFilter month(String month) {
        try {
            YearMonth chosen = YearMonth.parse(month.strip());
            return new DashboardFilter(chosen.atDay(1), chosen.atEndOfMonth(), null);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException(Bilingual.of("月は 2026-11 のように年-月で書いてください（「" + month + "」は読めません）。",
                    "month: write it as year-month, e.g. 2026-11, was '" + month + "'."));
        }
    }

    OffsetDateTime start() {
        return from.atStartOfDay(LabClock.ZONE).toOffsetDateTime();
    }

    /** The first moment after the period. */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(LabClock.ZONE).toOffsetDateTime();
    }

    String levelLabel() {
        return level == null ? "" : level.label();
    }

    private static LocalDate date(String field, String fieldJa, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Bilingual.of("期間の" + fieldJa + "は 2026-04-01 のように書いてください（「" + value
                    + "」は日付として読めません）。", field + ": write the date as 2026-04-01, was '" + value + "'."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
