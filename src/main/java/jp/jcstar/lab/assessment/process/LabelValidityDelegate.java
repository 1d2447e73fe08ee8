package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.REPORT_CODE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.VALID_UNTIL;

import java.time.format.DateTimeFormatter;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The label's life (input parameter labelEvent): EXPIRING reminds the manufacturer's users and the lab managers that
 * the final report's validity ends soon, EXPIRED tells them it has ended. A report withdrawn meanwhile, or replaced
 * by its renewal's, is not reminded of (the renewal has a label life of its own).
 */
@Component
public class LabelValidityDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LabelValidityDelegate.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final AssessmentRecords assessments;
    private final ReportService reports;
    private final AssessmentMails mails;

    public LabelValidityDelegate(AssessmentRecords assessments, ReportService reports, AssessmentMails mails) {
        this.assessments = assessments;
        this.reports = reports;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Assessment assessment = assessments.get(ASSESSMENT_ID.get(execution));
        String code = REPORT_CODE.get(execution);
        if (reports.replacedOrWithdrawn(code)) {
            log.info("Label of {}: report {} was withdrawn or superseded by a renewal's, nobody is reminded",
                    assessment.reference(), code);
            return;
        }
        String until = VALID_UNTIL.get(execution).toInstant().atZone(LabClock.ZONE).format(DATE);
        switch (String.valueOf(execution.getVariableLocal("labelEvent"))) {
            case "EXPIRING" -> mails.labelExpiring(assessment, until);
            case "EXPIRED" -> mails.labelExpired(assessment, until);
            default -> throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter labelEvent = EXPIRING or EXPIRED");
        }
    }
}
