package jp.jcstar.lab.reports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.change.ChangeNoticeRepository;
import jp.jcstar.lab.catalog.CheckItem;
import org.springframework.stereotype.Component;

/**
 * A delta assessment retests only the items a change touches, yet its report (and the IPA package) covers the whole
 * product: every other item keeps the result of the assessment whose label the delta carries on, and, for a delta of
 * a delta, of the one before. Empty for any other assessment.
 */
@Component
public class CarriedResults {

    /** A result carried over, and where from: "JCS-2026-00001（報告書 / report ABCD…）". */
    public record Carried(CheckResult result, String source) {
    }

    private final AssessmentRecords assessments;
    private final ChangeNoticeRepository changes;
    private final ReportRepository reports;

    public CarriedResults(AssessmentRecords assessments, ChangeNoticeRepository changes, ReportRepository reports) {
        this.assessments = assessments;
        this.changes = changes;
        this.reports = reports;
    }

    /** By item ID, the results a delta assessment did not test itself; the nearest predecessor's first. */
    public Map<String, Carried> of(Assessment assessment) {
        Map<String, CheckResult> own = assessments.latestResults(assessment.id());
        Map<String, Carried> carried = new HashMap<>();
        Optional<ChangeNotice> notice = changes.ofDelta(assessment.id());
        Set<Long> visited = new HashSet<>(Set.of(assessment.id()));
        // Each certified assessment is older than its delta; the visited set guards against a row edited by hand.
        while (notice.isPresent() && visited.add(notice.get().assessmentId())) {
            Assessment certified = assessments.get(notice.get().assessmentId());
            String source = certified.reference() + reports.issuedFinal(certified.id())
                    .map(report -> "（報告書 / report " + report.code() + "）").orElse("");
            Map<String, CheckResult> latest = assessments.latestResults(certified.id());
            for (CheckItem item : assessments.catalogOf(certified).items()) {
                CheckResult result = latest.get(item.id());
                if (result != null && !own.containsKey(item.id()) && !carried.containsKey(item.id())) {
                    carried.put(item.id(), new Carried(result, source));
                }
            }
            notice = changes.ofDelta(certified.id());
        }
        return carried;
    }
}
