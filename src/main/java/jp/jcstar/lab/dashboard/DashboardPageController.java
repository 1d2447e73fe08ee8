package jp.jcstar.lab.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.dashboard.LabFigures.Party;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.LabPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lab dashboard ({@code /lab/dashboard}, lab staff and administrators): charts drawn in the browser from the
 * figures, the figures in tables under them, the same as CSV, and a month as a PDF for the lab's management.
 */
@Controller
@LabPage
public class DashboardPageController {

    static final String LAB = "#0b5cad";
    static final String MANUFACTURER = "#c2701a";
    static final String BAD = "#b3261e";

    private final Dashboard dashboard;
    private final DashboardCsv csv;
    private final MonthlyReport monthly;
    private final LabClock clock;
    private final ObjectMapper json;

    public DashboardPageController(Dashboard dashboard, DashboardCsv csv, MonthlyReport monthly, LabClock clock,
                                   ObjectMapper json) {
        this.dashboard = dashboard;
        this.csv = csv;
        this.monthly = monthly;
        this.clock = clock;
        this.json = json;
    }

    /** A chart as the page's script draws it: its kind, category labels and series, all as JSON attributes. */
    public record Chart(String id, String kind, String labels, String series, boolean stacked) {

        public boolean empty() {
            return "[]".equals(labels);
        }
    }

    @GetMapping("/lab/dashboard")
    public String page(@RequestParam(name = "from", required = false) String from,
                       @RequestParam(name = "to", required = false) String to,
                       @RequestParam(name = "level", required = false) String level,
                       Authentication user, Model model) {
        DashboardFilter filter = filter(from, to, level, user);
        LabFigures figures = dashboard.figures(filter);
        model.addAttribute("f", figures);
        model.addAttribute("levels", StarLevel.labels());
        model.addAttribute("level", filter.levelLabel());
        model.addAttribute("lastMonth", YearMonth.from(clock.now()).minusMonths(1).toString());
        model.addAttribute("csvQuery", "from=" + filter.from() + "&to=" + filter.to()
                + (filter.level() == null ? "" : "&level=" + filter.levelLabel()));
        model.addAttribute("charts", charts(figures).stream()
                .collect(Collectors.toMap(Chart::id, chart -> chart, (a, b) -> a, LinkedHashMap::new)));
        return "dashboard";
    }

    @GetMapping("/lab/dashboard.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(name = "from", required = false) String from,
                                      @RequestParam(name = "to", required = false) String to,
                                      @RequestParam(name = "level", required = false) String level,
                                      Authentication user) {
        DashboardFilter filter = filter(from, to, level, user);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jcstar-dashboard-" + filter.from() + "-" + filter.to() + ".csv").build().toString())
                .body(csv.write(dashboard.figures(filter)));
    }

    @GetMapping("/lab/dashboard/monthly.pdf")
    public ResponseEntity<byte[]> monthly(@RequestParam(name = "month", required = false) String month,
                                          Authentication user) {
        allowed(user);
        DashboardFilter filter = DashboardFilter.month(month == null
                ? YearMonth.from(clock.now()).minusMonths(1).toString() : month);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("jcstar-monthly-" + YearMonth.from(filter.from()) + ".pdf").build().toString())
                .body(monthly.render(dashboard.figures(filter)));
    }

    private DashboardFilter filter(String from, String to, String level, Authentication user) {
        allowed(user);
        return DashboardFilter.parse(from, to, level, LocalDate.from(clock.now()));
    }

    private static void allowed(Authentication user) {
        if (!LabUser.of(user).seesEveryCompany()) {
            throw new ForbiddenException(Bilingual.of("ダッシュボードは試験所の職員だけが見られます。",
                    "Only the lab's staff see the dashboard."));
        }
    }

    private List<Chart> charts(LabFigures f) {
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("chart-areas", "bar", f.failuresByArea().stream().map(area -> label(area.name())).toList(),
                List.of(series("初回不合格に占める割合 (%) / Share of first-round failures (%)", BAD,
                        f.failuresByArea().stream().map(area -> percent(area.share())).toList())), false));
        charts.add(chart("chart-items", "hbar", f.topItems().stream().map(item -> item.itemId()).toList(),
                List.of(series("評価数 / Assessments", BAD, f.topItems().stream().map(item -> (Object) item.assessments())
                        .toList())), false));
        charts.add(chart("chart-rounds", "bar", f.outcomes().roundsOfCompleted().stream()
                        .map(count -> count.rounds() + " ラウンド / round" + (count.rounds() == 1 ? "" : "s")).toList(),
                List.of(series("完了した評価 / Completed assessments", LAB, f.outcomes().roundsOfCompleted().stream()
                        .map(count -> (Object) count.assessments()).toList())), false));
        charts.add(chart("chart-outcomes", "pie", List.of("初回合格 / First-round pass", "初回不合格 / First-round fail"),
                List.of(series("初回ラウンド / First rounds", LAB, List.of(
                        f.firstRounds().evaluated() - f.firstRounds().failed(), f.firstRounds().failed()))), false));
        charts.add(chart("chart-lead", "hbar", f.leadTimes().stream().map(time -> label(time.name())).toList(), List.of(
                series(label(Party.LAB.label()) + " (中央値 時間 / median hours)", LAB, f.leadTimes().stream()
                        .map(time -> time.party() == Party.LAB ? round(time.medianHours()) : null).toList()),
                series(label(Party.MANUFACTURER.label()) + " (中央値 時間 / median hours)", MANUFACTURER, f.leadTimes()
                        .stream().map(time -> time.party() == Party.MANUFACTURER ? round(time.medianHours()) : null)
                        .toList())), true));
        charts.add(chart("chart-open", "bar", f.open().byStep().stream().map(step -> label(step.name())).toList(), List.of(
                series("期限内 / On time", LAB, f.open().byStep().stream().map(step -> (Object) (step.tasks() - step.overdue()))
                        .toList()),
                series("期限超過 / Overdue", BAD, f.open().byStep().stream().map(step -> (Object) step.overdue()).toList())),
                true));
        charts.add(chart("chart-engineers", "hbar", f.open().engineers().stream()
                        .map(person -> person.person() == null ? "未割当 / Not taken" : person.person()).toList(),
                List.of(series("未完了タスク / Open tasks", LAB, f.open().engineers().stream()
                        .map(person -> (Object) person.tasks()).toList())), false));
        return charts;
    }

    private Chart chart(String id, String kind, List<String> labels, List<Map<String, Object>> series, boolean stacked) {
        try {
            return new Chart(id, kind, json.writeValueAsString(labels), json.writeValueAsString(series), stacked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(String name, String color, List<?> values) {
        return Map.of("name", name, "color", color, "values", values);
    }

    static String label(Bilingual text) {
        return text.ja().equals(text.en()) ? text.ja() : text.ja() + " / " + text.en();
    }

    private static Object percent(Double share) {
        return share == null ? 0 : Math.round(share * 1000) / 10.0;
    }

    private static Object round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
