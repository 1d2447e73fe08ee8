package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.FIRST_REMINDER_AT;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.REPORT_CODE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.SECOND_REMINDER_AT;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.VALID_UNTIL;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.reports.IssuedReport;
import jp.jcstar.lab.reports.ReportSettings;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Starts the label's life (process_jcstarLabel) for an issued final report: reminders before its validity ends and
 * a word when it has ended, each at its timer's date.
 */
@Component
public class LabelValidity {

    public static final String PROCESS_KEY = "process_jcstarLabel";

    private final RuntimeService runtimeService;
    private final ReportSettings settings;

    /** Lazy: delegates are built before the engine exists. */
    public LabelValidity(@Lazy RuntimeService runtimeService, ReportSettings settings) {
        this.runtimeService = runtimeService;
        this.settings = settings;
    }

    public void start(Assessment assessment, IssuedReport report) {
        OffsetDateTime until = report.validUntil();
        Map<String, Object> variables = new HashMap<>();
        ASSESSMENT_ID.putInto(variables, assessment.id());
        // The company's tenant, as its assessment's: whoever runs the report job (the job executor, or a lab manager
        // retrying it in Cockpit), the label is the company's.
        AssessmentVariables.MANUFACTURER_ID.putInto(variables, assessment.companyId());
        REPORT_CODE.putInto(variables, report.code());
        VALID_UNTIL.putInto(variables, Date.from(until.toInstant()));
        FIRST_REMINDER_AT.putInto(variables, Date.from(until.minus(settings.firstReminder()).toInstant()));
        SECOND_REMINDER_AT.putInto(variables, Date.from(until.minus(settings.secondReminder()).toInstant()));
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, assessment.reference(), variables);
    }
}
