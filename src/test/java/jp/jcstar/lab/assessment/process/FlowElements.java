package jp.jcstar.lab.assessment.process;

/**
 * The element IDs of bpmn/jcstar-assessment.bpmn that the fast tier's tests name, each as the upper snake case of its
 * ID (type prefix, then name), so that the shared AssessmentElements can replace this file by a rename.
 */
final class FlowElements {

    static final String SERVICE_TASK_REGISTER_APPLICATION = "serviceTask_registerApplication";
    static final String USER_TASK_SUPPLY_DOCUMENTS = "userTask_supplyDocuments";
    static final String BOUNDARY_EVENT_DOCUMENTS_OVERDUE = "boundaryEvent_documentsOverdue";
    static final String SERVICE_TASK_ESCALATE_OVERDUE_DOCUMENTS = "serviceTask_escalateOverdueDocuments";
    static final String END_EVENT_DOCUMENTS_ESCALATED = "endEvent_documentsEscalated";
    static final String USER_TASK_REVIEW_DOCUMENTATION = "userTask_reviewDocumentation";
    static final String USER_TASK_TEST_DEVICE = "userTask_testDevice";
    static final String USER_TASK_TEST_APP = "userTask_testApp";
    static final String USER_TASK_TEST_CLOUD = "userTask_testCloud";
    static final String SERVICE_TASK_EVALUATE_ROUND = "serviceTask_evaluateRound";
    static final String USER_TASK_REVIEW_REPORT = "userTask_reviewReport";
    static final String SERVICE_TASK_PREPARE_REVISION = "serviceTask_prepareRevision";
    static final String USER_TASK_REVISE_RESULTS = "userTask_reviseResults";
    static final String SERVICE_TASK_GENERATE_FINAL_REPORT = "serviceTask_generateFinalReport";
    static final String SERVICE_TASK_COMPLETE_ASSESSMENT = "serviceTask_completeAssessment";
    static final String END_EVENT_ASSESSMENT_COMPLETED = "endEvent_assessmentCompleted";
    static final String SERVICE_TASK_RECORD_FINDINGS = "serviceTask_recordFindings";
    static final String SERVICE_TASK_GENERATE_ISSUE_LIST = "serviceTask_generateIssueList";
    static final String USER_TASK_DECIDE_FURTHER_ROUND = "userTask_decideFurtherRound";
    static final String SERVICE_TASK_TERMINATE_ASSESSMENT = "serviceTask_terminateAssessment";
    static final String END_EVENT_ASSESSMENT_TERMINATED = "endEvent_assessmentTerminated";
    static final String USER_TASK_SUBMIT_RECTIFICATION = "userTask_submitRectification";
    static final String BOUNDARY_EVENT_RECTIFICATION_OVERDUE = "boundaryEvent_rectificationOverdue";
    static final String SERVICE_TASK_ESCALATE_OVERDUE_RECTIFICATION = "serviceTask_escalateOverdueRectification";
    static final String END_EVENT_RECTIFICATION_ESCALATED = "endEvent_rectificationEscalated";
    static final String USER_TASK_RETEST_ITEMS = "userTask_retestItems";

    private FlowElements() {
    }
}
