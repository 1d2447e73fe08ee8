package jp.jcstar.lab.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.List;

import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.reports.signing.LabSigningKey;
import jp.jcstar.lab.reports.signing.PdfSigner;
import jp.jcstar.lab.reports.signing.SigningSettings;
import org.junit.jupiter.api.Test;

/**
 * How long signing an issued final report takes next to rendering it (RSA-3072, the generated key's size). A
 * measurement, not a test: its name keeps it out of {@code mvn test}. Run it with
 *
 * <pre>mvn -B test -Dtest=ReportSigningBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * and read the line starting with "SIGNING".
 */
class ReportSigningBenchmark {

    static final int WARM_UP = 20;
    static final int RUNS = 50;

    @Test
    void signTheSampleFinalReport() throws Exception {
        Path dir = Files.createTempDirectory("signing-benchmark");
        Path store = LabSigningKeyTest.keytool(dir.resolve("lab.p12"), "lab", "benchmark-password", 3072);
        LabProperties lab = new LabProperties("Benchmark Lab", Duration.ofDays(14), Duration.ofDays(30), 3);
        PdfSigner signer = new PdfSigner(new LabSigningKey(new SigningSettings(store.toString(), "benchmark-password",
                null), lab, null, null), lab);
        ReportRenderer renderer = new ReportRenderer();
        FinalReportData data = ReportRendererTest.finalReportData();
        List<Long> render = new ArrayList<>();
        List<Long> sign = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = renderer.renderFinalReport(data);
            long t1 = System.nanoTime();
            byte[] signed = signer.sign(pdf, new GregorianCalendar(), "benchmark");
            long t2 = System.nanoTime();
            if (i >= WARM_UP) {
                render.add(t1 - t0);
                sign.add(t2 - t1);
                size = signed.length - pdf.length;
            }
        }
        System.out.printf("SIGNING final report (sample data, %d runs after %d warm-up): render median %.1f ms, "
                + "sign median %.1f ms (p90 %.1f ms), signature adds %d bytes%n", RUNS, WARM_UP, median(render),
                median(sign), percentile(sign, 0.9), size);
    }

    private static double median(List<Long> nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
