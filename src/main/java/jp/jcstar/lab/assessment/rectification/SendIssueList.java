package jp.jcstar.lab.assessment.rectification;

import jp.jcstar.lab.findings.FindingsLifecycle;
import jp.jcstar.lab.reports.ReportService;
import jp.jcstar.lab.reports.StoredReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A failed round's issue list is issued and its findings go to the manufacturer, together or not at all. Rendering
 * the PDF changes nothing; sending is this use case's decision.
 */
@Service
@Transactional
public class SendIssueList {

    private final ReportService reports;
    private final FindingsLifecycle findings;

    public SendIssueList(ReportService reports, FindingsLifecycle findings) {
        this.reports = reports;
        this.findings = findings;
    }

    public StoredReport send(long assessmentId) {
        StoredReport issueList = reports.generateIssueList(assessmentId);
        findings.sendToManufacturer(assessmentId, issueList.roundNo(), issueList.createdAt());
        return issueList;
    }
}
