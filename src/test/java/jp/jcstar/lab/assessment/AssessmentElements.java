package jp.jcstar.lab.assessment;

/**
 * The element IDs of bpmn/jcstar-assessment.bpmn as tests name them: one constant per user task, service task, gateway
 * and event, grouped by the five steps as the diagram groups them. BpmnReadabilityTest keeps this class and the model
 * in step: every constant names an element of the model and every such element has a constant.
 */
public final class AssessmentElements {

    // Step 1: documentation review.
    public static final String START_EVENT_APPLICATION_RECEIVED = "startEvent_applicationReceived";
    public static final String SERVICE_TASK_REGISTER_APPLICATION = "serviceTask_registerApplication";
    public static final String USER_TASK_REVIEW_DOCUMENTATION = "userTask_reviewDocumentation";
    public static final String GATEWAY_DOCUMENTATION_COMPLETE = "gateway_documentationComplete";
    public static final String GATEWAY_JOIN_DOCUMENT_REQUESTS = "gateway_joinDocumentRequests";
    public static final String USER_TASK_SUPPLY_DOCUMENTS = "userTask_supplyDocuments";
    public static final String BOUNDARY_EVENT_DOCUMENTS_OVERDUE = "boundaryEvent_documentsOverdue";
    public static final String SERVICE_TASK_ESCALATE_OVERDUE_DOCUMENTS = "serviceTask_escalateOverdueDocuments";
    public static final String END_EVENT_DOCUMENTS_ESCALATED = "endEvent_documentsEscalated";
    public static final String GATEWAY_SCOPE_FORK = "gateway_scopeFork";

    // Step 2: device tests.
    public static final String USER_TASK_RECEIVE_SAMPLES = "userTask_receiveSamples";
    public static final String USER_TASK_TEST_DEVICE = "userTask_testDevice";

    // Step 3: app tests.
    public static final String USER_TASK_TEST_APP = "userTask_testApp";

    // Step 4: cloud tests.
    public static final String USER_TASK_TEST_CLOUD = "userTask_testCloud";

    // Step 5: rectification, retest and final report.
    public static final String GATEWAY_SCOPE_JOIN = "gateway_scopeJoin";
    public static final String GATEWAY_JOIN_ROUND_RESULTS = "gateway_joinRoundResults";
    public static final String SERVICE_TASK_EVALUATE_ROUND = "serviceTask_evaluateRound";
    public static final String GATEWAY_ALL_ITEMS_PASSED = "gateway_allItemsPassed";
    public static final String USER_TASK_REVIEW_REPORT = "userTask_reviewReport";
    public static final String GATEWAY_REPORT_APPROVED = "gateway_reportApproved";
    public static final String SERVICE_TASK_PREPARE_REVISION = "serviceTask_prepareRevision";
    public static final String USER_TASK_REVISE_RESULTS = "userTask_reviseResults";
    public static final String SERVICE_TASK_GENERATE_FINAL_REPORT = "serviceTask_generateFinalReport";
    public static final String SERVICE_TASK_COMPLETE_ASSESSMENT = "serviceTask_completeAssessment";
    public static final String END_EVENT_ASSESSMENT_COMPLETED = "endEvent_assessmentCompleted";
    public static final String SERVICE_TASK_RECORD_FINDINGS = "serviceTask_recordFindings";
    public static final String SERVICE_TASK_GENERATE_ISSUE_LIST = "serviceTask_generateIssueList";
    public static final String GATEWAY_RETEST_LIMIT_REACHED = "gateway_retestLimitReached";
    public static final String USER_TASK_DECIDE_FURTHER_ROUND = "userTask_decideFurtherRound";
    public static final String GATEWAY_FURTHER_ROUND_DECIDED = "gateway_furtherRoundDecided";
    public static final String SERVICE_TASK_TERMINATE_ASSESSMENT = "serviceTask_terminateAssessment";
    public static final String SERVICE_TASK_GENERATE_TERMINATION_LETTER = "serviceTask_generateTerminationLetter";
    public static final String END_EVENT_ASSESSMENT_TERMINATED = "endEvent_assessmentTerminated";
    public static final String GATEWAY_JOIN_RECTIFICATION_ROUNDS = "gateway_joinRectificationRounds";
    public static final String USER_TASK_SUBMIT_RECTIFICATION = "userTask_submitRectification";
    public static final String BOUNDARY_EVENT_RECTIFICATION_OVERDUE = "boundaryEvent_rectificationOverdue";
    public static final String SERVICE_TASK_ESCALATE_OVERDUE_RECTIFICATION = "serviceTask_escalateOverdueRectification";
    public static final String END_EVENT_RECTIFICATION_ESCALATED = "endEvent_rectificationEscalated";
    public static final String USER_TASK_RETEST_ITEMS = "userTask_retestItems";

    private AssessmentElements() {
    }
}
