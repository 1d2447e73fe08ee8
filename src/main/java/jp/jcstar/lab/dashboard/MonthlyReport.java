package jp.jcstar.lab.dashboard;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.dashboard.LabFigures.Party;
import jp.jcstar.lab.reports.FigureRow;
import jp.jcstar.lab.reports.ReportRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The dashboard of one month as a PDF for the lab's management: the figures by section and two charts (first-round
 * failures by area, median time per step), drawn with JFreeChart in the reports' Japanese font.
 */
@Component
public class MonthlyReport {

    private static final int CHART_WIDTH = 510;
    private static final int CHART_HEIGHT = 420;

    private final ReportRenderer renderer;
    private final LabProperties lab;
    private final LabClock clock;
    private final Font font;

    public MonthlyReport(ReportRenderer renderer, LabProperties lab, LabClock clock) {
        this.renderer = renderer;
        this.lab = lab;
        this.clock = clock;
        try (InputStream ttf = MonthlyReport.class.getResourceAsStream("/fonts/ipaexg.ttf")) {
            this.font = Font.createFont(Font.TRUETYPE_FONT, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("fonts/ipaexg.ttf is not a TrueType font", e);
        }
    }

    public byte[] render(LabFigures f) {
        DashboardFilter filter = f.filter();
        return renderer.renderMonthly(lab.labName(), YearMonth.from(filter.from()).toString(),
                filter.from() + " – " + filter.to(), LocalDate.from(clock.now()).toString(), rows(f),
                failuresChart(f), leadTimeChart(f));
    }

    private List<FigureRow> rows(LabFigures f) {
        List<FigureRow> rows = new ArrayList<>();
        String first = "初回ラウンド / First rounds";
        add(rows, first, Bilingual.of("申請された評価", "Assessments applied for"), String.valueOf(f.applied()));
        add(rows, first, Bilingual.of("評価済みの初回ラウンド", "First rounds evaluated"), String.valueOf(f.firstRounds().evaluated()));
        add(rows, first, Bilingual.of("初回合格率", "First-pass rate"), percent(f.firstRounds().passRate()));
        f.failuresByArea().forEach(area -> add(rows, first, Bilingual.of("初回不合格: " + area.name().ja(),
                "First-round failures: " + area.name().en()), area.assessments() + " (" + percent(area.share()) + ")"));
        String items = "不合格の多い項目 / Items that fail most";
        f.topItems().forEach(item -> add(rows, items, Bilingual.of(item.itemId() + " " + item.title().ja(),
                item.title().en()), String.valueOf(item.assessments())));
        String outcomes = "結果 / Outcomes";
        add(rows, outcomes, Bilingual.of("完了", "Completed"), String.valueOf(f.outcomes().completed()));
        add(rows, outcomes, Bilingual.of("終了（不合格）", "Terminated"), String.valueOf(f.outcomes().terminated()));
        add(rows, outcomes, Bilingual.of("終了の割合", "Terminated share"), percent(f.outcomes().terminatedShare()));
        add(rows, outcomes, Bilingual.of("完了までの平均ラウンド数", "Mean rounds to completion"), number(f.outcomes().meanRounds()));
        String times = "所要時間 / Lead times";
        f.leadTimes().forEach(time -> add(rows, times, Bilingual.of(time.name().ja() + "（" + time.party().label().ja()
                        + "）", time.name().en() + " (" + time.party().label().en() + ")"),
                "中央値 / median " + number(time.medianHours()) + " h (" + time.tasks() + ")"));
        add(rows, times, Bilingual.of("申請から完了まで（平均日数）", "Application to completion (mean days)"),
                number(f.split().meanDaysTotal()));
        add(rows, times, Bilingual.of("うち製造事業者の待ち", "of which waiting on the manufacturer"),
                number(f.split().meanDaysManufacturer()));
        add(rows, times, Bilingual.of("うち試験所の待ち", "of which waiting on the lab"), number(f.split().meanDaysLab()));
        String open = "未完了の作業（印刷時点） / Open work (as printed)";
        f.open().byStep().forEach(step -> add(rows, open, step.name(), step.tasks() + (step.overdue() == 0 ? ""
                : "（期限超過 / overdue " + step.overdue() + "）")));
        add(rows, open, Bilingual.of("期限超過の作業", "Overdue work"), String.valueOf(f.open().overdue()));
        f.open().engineers().forEach(person -> add(rows, open, person.person() == null
                ? Bilingual.of("未割当の試験作業", "Engineers' work not taken") : Bilingual.of(person.person(), person.person()),
                String.valueOf(person.tasks())));
        return rows;
    }

    private BufferedImage failuresChart(LabFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.failuresByArea().forEach(area -> data.addValue(area.share() == null ? 0 : area.share() * 100,
                "%", DashboardPageController.label(area.name())));
        return draw(ChartFactory.createBarChart("初回不合格の領域 (%) / First-round failures by area (%)", null, "%", data,
                PlotOrientation.HORIZONTAL, false, false, false), new Color(0xb3261e));
    }

    private BufferedImage leadTimeChart(LabFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.leadTimes().forEach(time -> {
            for (Party party : Party.values()) {
                data.addValue(time.party() == party ? time.medianHours() : 0, DashboardPageController.label(party.label()),
                        DashboardPageController.label(time.name()));
            }
        });
        JFreeChart chart = ChartFactory.createStackedBarChart("工程の所要時間 (中央値 h) / Median hours per step", null,
                "h", data, PlotOrientation.HORIZONTAL, true, false, false);
        return draw(chart, new Color(0x0b5cad), new Color(0xc2701a));
    }

    private BufferedImage draw(JFreeChart chart, Color... colors) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(font.deriveFont(Font.PLAIN, 20f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 16f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 14f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 12f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(new Color(0xf5f7fa));
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        for (int i = 0; i < colors.length; i++) {
            bars.setSeriesPaint(i, colors[i]);
        }
        // Room for a bilingual step or area name beside a horizontal bar.
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        // From zero, and to 1 where everything is zero (JFreeChart would otherwise centre an empty range on 0).
        double highest = 0;
        var values = chart.getCategoryPlot().getDataset();
        for (int row = 0; row < values.getRowCount(); row++) {
            for (int column = 0; column < values.getColumnCount(); column++) {
                Number value = values.getValue(row, column);
                highest = Math.max(highest, value == null ? 0 : value.doubleValue());
            }
        }
        chart.getCategoryPlot().getRangeAxis().setRange(0, highest <= 0 ? 1 : highest * 1.1);
        return chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT);
    }

    private static void add(List<FigureRow> rows, String section, Bilingual label, String value) {
        rows.add(new FigureRow(section, DashboardPageController.label(label), value));
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
