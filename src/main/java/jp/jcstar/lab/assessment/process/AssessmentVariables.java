package jp.jcstar.lab.assessment.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.engine.ProcessVariable;
import jp.jcstar.lab.security.CompanyTenantProvider;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every variable of process_jcstarAssessment, declared once. The process holds only what routes it and what the
 * forms show; the assessment's data of record lives in the app's tables (see V1__assessment_schema.sql). Form
 * values are recorded by the task's listener and then removed, so that a later form never starts from a stale
 * value; routing values are set by the app (from its tables) right before the gateway that reads them.
 */
public final class AssessmentVariables {

    /** Set by the engine from camunda:initiator on the start event. */
    public static final ProcessVariable<String> APPLICANT = ProcessVariable.of("applicant", String.class);

    /** The company lab staff apply for (a manufacturer's user applies for its own); see CompanyTenantProvider. */
    public static final ProcessVariable<String> MANUFACTURER_ID = ProcessVariable.of(CompanyTenantProvider.COMPANY_VARIABLE, String.class);

    // The application, as the start form and POST /api/assessments send it. The manufacturer's name is not among
    // them: it is the registered name of the company applied for.
    public static final ProcessVariable<String> PRODUCT_NAME = ProcessVariable.of("productName", String.class);
    public static final ProcessVariable<String> MODEL_NUMBERS = ProcessVariable.of("modelNumbers", String.class);
    public static final ProcessVariable<String> FIRMWARE_VERSION = ProcessVariable.of("firmwareVersion", String.class);
    public static final ProcessVariable<String> APP_VERSION = ProcessVariable.of("appVersion", String.class);
    public static final ProcessVariable<String> CLOUD_VERSION = ProcessVariable.of("cloudVersion", String.class);
    public static final ProcessVariable<String> STAR_LEVEL = ProcessVariable.of("starLevel", String.class);
    public static final ProcessVariable<Boolean> SCOPE_DEVICE = ProcessVariable.of("scopeDevice", Boolean.class);
    public static final ProcessVariable<Boolean> SCOPE_APP = ProcessVariable.of("scopeApp", Boolean.class);
    public static final ProcessVariable<Boolean> SCOPE_CLOUD = ProcessVariable.of("scopeCloud", Boolean.class);
    /** A delta assessment's items (space-separated IDs), for its test forms to show only those; unset otherwise. */
    public static final ProcessVariable<String> ITEMS_TO_TEST = ProcessVariable.of("itemsToTest", String.class);

    /** The assessment's row id in the app's tables; the business key is its reference. */
    public static final ProcessVariable<Long> ASSESSMENT_ID = ProcessVariable.of("assessmentId", Long.class);

    // Documentation loop.
    public static final ProcessVariable<Boolean> DOCUMENTATION_COMPLETE = ProcessVariable.of("documentationComplete", Boolean.class);
    public static final ProcessVariable<String> DOCUMENT_REQUEST = ProcessVariable.of("documentRequest", String.class);
    public static final ProcessVariable<String> DOCUMENTS_SUPPLIED = ProcessVariable.of("documentsSupplied", String.class);
    public static final ProcessVariable<Date> DOCUMENTS_DUE_DATE = ProcessVariable.of("documentsDueDate", Date.class);
    /**
     * What the forms show of the documents: which DOC items have one (with links) and which are missing, as Markdown.
     * Written by the app when a task that needs it starts and after every document upload; never read back.
     */
    public static final ProcessVariable<String> DOCUMENTS_OVERVIEW = ProcessVariable.of("documentsOverview", String.class);
    /**
     * What the form of the task at hand shows of the assessment (Markdown, written by the app on the task when it opens):
     * the findings for a rectification, the previous round for a retest, the history for a decision or review.
     */
    public static final ProcessVariable<String> TASK_CONTEXT = ProcessVariable.of("taskContext", String.class);
    /** The items a reviewer who sent the report back named: only they open for revision (all in scope when none). */
    public static final ProcessVariable<String> ITEMS_IN_QUESTION = ProcessVariable.of("itemsInQuestion", String.class);

    // The samples received for the device tests (form receive-samples.form), recorded and then removed.
    public static final ProcessVariable<String> SAMPLES_RECEIVED_ON = ProcessVariable.of("samplesReceivedOn", String.class);
    public static final ProcessVariable<String> SAMPLE_SERIALS = ProcessVariable.of("sampleSerials", String.class);
    public static final ProcessVariable<String> SAMPLE_HARDWARE_REVISION = ProcessVariable.of("sampleHardwareRevision", String.class);
    public static final ProcessVariable<String> SAMPLE_FIRMWARE_VERSION = ProcessVariable.of("sampleFirmwareVersion", String.class);
    public static final ProcessVariable<String> SAMPLE_APP_VERSION = ProcessVariable.of("sampleAppVersion", String.class);
    public static final ProcessVariable<String> SAMPLE_CLOUD_VERSION = ProcessVariable.of("sampleCloudVersion", String.class);
    public static final ProcessVariable<String> SAMPLE_CONDITION = ProcessVariable.of("sampleCondition", String.class);

    /** How an engineer tested a step (the test forms' free text), printed in the final report. */
    public static final ProcessVariable<String> TEST_METHOD = ProcessVariable.of("testMethod", String.class);

    // The label's life (process_jcstarLabel, bpmn/jcstar-label.bpmn): its timers' dates and the report it follows.
    public static final ProcessVariable<String> REPORT_CODE = ProcessVariable.of("reportCode", String.class);
    public static final ProcessVariable<Date> FIRST_REMINDER_AT = ProcessVariable.of("firstReminderAt", Date.class);
    public static final ProcessVariable<Date> SECOND_REMINDER_AT = ProcessVariable.of("secondReminderAt", Date.class);
    public static final ProcessVariable<Date> VALID_UNTIL = ProcessVariable.of("validUntil", Date.class);

    // A change notice (process_jcstarChangeNotice, bpmn/jcstar-change-notice.bpmn).
    public static final ProcessVariable<Long> CHANGE_NOTICE_ID = ProcessVariable.of("changeNoticeId", Long.class);
    public static final ProcessVariable<Boolean> CHANGED_DEVICE = ProcessVariable.of("changedDevice", Boolean.class);
    public static final ProcessVariable<Boolean> CHANGED_APP = ProcessVariable.of("changedApp", Boolean.class);
    public static final ProcessVariable<Boolean> CHANGED_CLOUD = ProcessVariable.of("changedCloud", Boolean.class);
    /** What the judge form shows of the notice (Markdown). */
    public static final ProcessVariable<String> CHANGE_SUMMARY = ProcessVariable.of("changeSummary", String.class);
    public static final ProcessVariable<String> DECISION_DEVICE = ProcessVariable.of("decisionDevice", String.class);
    public static final ProcessVariable<String> DECISION_APP = ProcessVariable.of("decisionApp", String.class);
    public static final ProcessVariable<String> DECISION_CLOUD = ProcessVariable.of("decisionCloud", String.class);
    public static final ProcessVariable<String> CHANGE_DECISION_REASON = ProcessVariable.of("changeDecisionReason", String.class);
    /** Routing: set by the judge task's listener, read by gateway_retestNeeded. */
    public static final ProcessVariable<Boolean> DELTA_NEEDED = ProcessVariable.of("deltaNeeded", Boolean.class);

    // Rounds and rectification.
    public static final ProcessVariable<Boolean> ALL_ITEMS_PASSED = ProcessVariable.of("allItemsPassed", Boolean.class);
    public static final ProcessVariable<Integer> FAILED_RETESTS = ProcessVariable.of("failedRetests", Integer.class);
    public static final ProcessVariable<Integer> RETEST_LIMIT = ProcessVariable.of("retestLimit", Integer.class);
    public static final ProcessVariable<Date> RECTIFICATION_DUE_DATE = ProcessVariable.of("rectificationDueDate", Date.class);
    public static final ProcessVariable<String> CHANGED_DOCUMENTS = ProcessVariable.of("changedDocuments", String.class);
    /** Routing: set by the decision's listener, read by gateway_furtherRoundDecided. */
    public static final ProcessVariable<Boolean> FURTHER_ROUND_GRANTED = ProcessVariable.of("furtherRoundGranted", Boolean.class);
    public static final ProcessVariable<String> FURTHER_ROUND_DECISION = ProcessVariable.of("furtherRoundDecision", String.class);
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.of("decisionReason", String.class);

    // Report review.
    /** Routing: set by the review's listener, read by gateway_reportApproved. */
    public static final ProcessVariable<Boolean> REPORT_APPROVED = ProcessVariable.of("reportApproved", Boolean.class);
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.of("reviewDecision", String.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    /** Input parameter of the escalation service tasks: which piece of work is overdue. */
    public static final ProcessVariable<String> OVERDUE_WORK = ProcessVariable.of("overdueWork", String.class);

    // What Tasklist's lists show of each task (TasklistFilters): set on the process instance from the assessment's row
    // when its first task opens and when a new round starts (TaskNames); search by them as process variables.
    public static final ProcessVariable<String> TASK_REFERENCE = ProcessVariable.of("reference", String.class);
    public static final ProcessVariable<String> TASK_PRODUCT = ProcessVariable.of("product", String.class);
    public static final ProcessVariable<Integer> TASK_ROUND = ProcessVariable.of("round", Integer.class);

    /** The application as the start form or {@link #startVariables(Application)} left it; validated. */
    public static Application application(VariableScope scope) {
        List<String> components = new ArrayList<>();
        if (SCOPE_DEVICE.find(scope).orElse(false)) components.add(ProductComponent.DEVICE.name());
        if (SCOPE_APP.find(scope).orElse(false)) components.add(ProductComponent.APP.name());
        if (SCOPE_CLOUD.find(scope).orElse(false)) components.add(ProductComponent.CLOUD.name());
        return Application.of(null, PRODUCT_NAME.find(scope).orElse(null), MODEL_NUMBERS.find(scope).orElse(null),
                versions(variable -> variable.find(scope)), STAR_LEVEL.find(scope).orElse(null), components);
    }

    /** The versions in the three version fields, as read from a start form's variables or a task's submission. */
    public static Versions versions(Function<ProcessVariable<String>, Optional<String>> field) {
        return new Versions(field.apply(FIRMWARE_VERSION).orElse(null), field.apply(APP_VERSION).orElse(null),
                field.apply(CLOUD_VERSION).orElse(null));
    }

    /** The variables that start the process for an application, exactly as the start form would. */
    public static Map<String, Object> startVariables(Application application) {
        Map<String, Object> variables = new HashMap<>();
        PRODUCT_NAME.putInto(variables, application.product().name());
        MODEL_NUMBERS.putInto(variables, application.product().modelNumbers());
        FIRMWARE_VERSION.putInto(variables, application.versions().firmware());
        APP_VERSION.putInto(variables, application.versions().app());
        CLOUD_VERSION.putInto(variables, application.versions().cloud());
        STAR_LEVEL.putInto(variables, application.product().starLevel().label());
        SCOPE_DEVICE.putInto(variables, application.covers(ProductComponent.DEVICE));
        SCOPE_APP.putInto(variables, application.covers(ProductComponent.APP));
        SCOPE_CLOUD.putInto(variables, application.covers(ProductComponent.CLOUD));
        return variables;
    }

    private AssessmentVariables() {
    }
}
