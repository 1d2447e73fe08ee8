package jp.jcstar.lab.assessment;

import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static jp.jcstar.lab.assessment.AssessmentScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.jcstar.lab.ProcessEngineTest;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.company.AccountService;
import jp.jcstar.lab.documents.DocumentService;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a task records comes from its completer's submission for its own form, whatever anyone set before: the
 * engine's command guard and the listeners, on the engine alone (the HTTP routes: RecordIntegrityTest).
 */
@ProcessEngineTest
class RecordIntegrityProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired CatalogRepository catalogs;
    @Autowired CheckResultRepository results;
    @Autowired AssessmentRepository assessments;
    @Autowired AccountService accounts;
    @Autowired DocumentService documents;

    AssessmentScenario scenario;

    @BeforeEach
    void setUp() {
        AssessmentScenario.registerCompany(accounts);
        AbstractAssertions.init(engine);
        scenario = new AssessmentScenario(engine, documents);
    }

    @Test
    void aManufacturerStartingWithVerdictsOrAnApplicantIsRefusedAndNothingStarts() {
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();
        Map<String, Object> planted = AssessmentVariables.startVariables(application(ProductComponent.CLOUD));
        ItemVariables.verdict("CLD-04").putInto(planted, "PASS");
        AssessmentVariables.APPLICANT.putInto(planted, ENGINEER);

        assertThatThrownBy(() -> asManufacturer(() -> engine.getRuntimeService()
                .startProcessInstanceByKey(AssessmentProcess.PROCESS_KEY, planted)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("verdict_CLD_04: not a field you fill in on form form_application")
                .hasMessageContaining("applicant: not a field");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void theApplicantIsWhoeverStartedAndTheNameIsTheRegisteredOne() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.DEVICE));
        Assessment assessment = assessments.findByProcessInstance(instance.getId()).orElseThrow();
        assertThat(assessment.appliedBy()).isEqualTo(MANUFACTURER);
        assertThat(assessment.product().manufacturer()).isEqualTo("株式会社サンプル電機");
        // The process starts with the manufacturer's documents, due after the documents period.
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS);
        assertThat(scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS).getDueDate()).isInTheFuture();
    }

    @Test
    void aManufacturerCannotCompleteItsTaskWithFieldsOfAnotherForm() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.CLOUD));
        scenario.uploadDocuments(instance, "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06", "DOC-07");

        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "all", "verdict_DOC_01", "PASS",
                        "documentsOverview", "<img src=x onerror=alert(1)>")))
                .hasStackTraceContaining("verdict_DOC_01: not a field you fill in on form form_supplyDocuments")
                .hasStackTraceContaining("documentsOverview: not a field");
        // Nor write the lab's request, which its form only shows.
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "all",
                        AssessmentVariables.DOCUMENT_REQUEST.name(), "nothing needed")))
                .hasStackTraceContaining("documentRequest: not a field you fill in");
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS);
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("verdict_DOC_01");
    }

    @Test
    void verdictsSetBeforeTheEngineersTaskAreNeverRecorded() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.CLOUD));
        // Whatever put them there (an administrator's slip, an old client): the process holds PASS verdicts.
        Map<String, Object> planted = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables();
        engine.getRuntimeService().setVariables(instance.getId(), planted);
        String taskId = scenario.task(instance, USER_TASK_REVIEW_DOCUMENTATION).getId();

        assertThatThrownBy(() -> asEngineer(() -> {
            engine.getTaskService().complete(taskId, Map.of());
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("DOC-01 System architecture diagram (device - app - cloud): is required. Choose one.");
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);
        long id = assessments.findByProcessInstance(instance.getId()).orElseThrow().id();
        assertThat(results.list(id)).isEmpty();

        // What the engineer submits is what is recorded.
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers",
                Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).fail("DOC-03", "Accounts undocumented")
                        .with(AssessmentVariables.DOCUMENT_REQUEST.name(), "DOC-03 user account system").variables());
        assertThat(results.list(id)).filteredOn(r -> r.itemId().equals("DOC-03")).singleElement()
                .satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.FAIL));
    }

    @Test
    void aDocumentNeverSuppliedCannotPassAndAMissingOneNeedsAReason() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.DEVICE));
        scenario.uploadDocuments(instance, "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06");

        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "Six documents")))
                .hasStackTraceContaining("DOC-07 の文書がありません。")
                .hasStackTraceContaining("No document for DOC-07. Upload each on the documents page, or name the item");
        scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "DOC-07: the threat model is being revised"));

        Map<String, Object> allPass = Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables();
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers", allPass))
                .hasStackTraceContaining("DOC-07 Threat model: no document was supplied, so it cannot PASS.");
        long id = assessments.findByProcessInstance(instance.getId()).orElseThrow().id();
        assertThat(results.list(id)).isEmpty();
    }

    @Test
    void aManufacturerMayClaimItsTaskButNotMoveItsDueDateOrHandItOn() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.DEVICE));
        Task task = scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS);
        Date due = task.getDueDate();

        asManufacturer(() -> {
            engine.getTaskService().claim(task.getId(), MANUFACTURER);
            return null;
        });
        List<Runnable> changes = List.of(
                () -> engine.getTaskService().setDueDate(task.getId(), new Date(due.getTime() + 365L * 86_400_000)),
                () -> engine.getTaskService().setFollowUpDate(task.getId(), new Date()),
                () -> engine.getTaskService().setAssignee(task.getId(), ENGINEER),
                () -> engine.getTaskService().setOwner(task.getId(), MANUFACTURER),
                () -> engine.getTaskService().delegateTask(task.getId(), ENGINEER),
                () -> engine.getTaskService().addCandidateGroup(task.getId(), "engineers"),
                () -> engine.getTaskService().setVariable(task.getId(), "documentsOverview", "<b>forged</b>"),
                () -> engine.getTaskService().setVariableLocal(task.getId(), "verdict_DOC_01", "PASS"),
                () -> engine.getRuntimeService().setVariable(instance.getId(), "verdict_DOC_01", "PASS"),
                () -> engine.getTaskService().claim(task.getId(), ENGINEER),
                () -> {
                    Task loaded = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
                    loaded.setDueDate(new Date(due.getTime() + 365L * 86_400_000));
                    engine.getTaskService().saveTask(loaded);
                });
        for (Runnable change : changes) {
            assertThatThrownBy(() -> asManufacturer(() -> {
                change.run();
                return null;
            })).isInstanceOf(ForbiddenException.class);
        }
        Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getFollowUpDate()).isNull();
        assertThat(after.getAssignee()).isEqualTo(MANUFACTURER);
        assertThat(after.getOwner()).isNull();
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("verdict_DOC_01");
    }

    @Test
    void labStaffMayMoveADueDateWithItsEscalationButAssignOnlySomeoneWhoMayWorkOnTheTask() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.DEVICE));
        Task task = scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS);
        Date later = new Date(task.getDueDate().getTime() + 7L * 86_400_000);
        engine.getIdentityService().setAuthentication(LAB_MANAGER, List.of("lab-managers"), List.of(COMPANY));
        try {
            engine.getTaskService().setDueDate(task.getId(), later);
            // eng1 is not a manufacturer of the company: the manufacturer's task is not theirs to do.
            assertThatThrownBy(() -> engine.getTaskService().setAssignee(task.getId(), ENGINEER))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("eng1 may not work on task");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(later);
        // The escalation follows the task's due date.
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(BOUNDARY_EVENT_DOCUMENTS_OVERDUE).singleResult().getDuedate()).isEqualTo(later);
    }

    private <T> T asManufacturer(Supplier<T> action) {
        return as(MANUFACTURER, "manufacturers", action);
    }

    private <T> T asEngineer(Supplier<T> action) {
        return as(ENGINEER, "engineers", action);
    }

    private <T> T as(String user, String group, Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, List.of(group), List.of(COMPANY));
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
