package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.ProductComponent.APP;
import static jp.jcstar.lab.assessment.ProductComponent.CLOUD;
import static jp.jcstar.lab.assessment.ProductComponent.DEVICE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.FurtherRoundDecision;
import jp.jcstar.lab.assessment.OverdueWork;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.RawVerdict;
import jp.jcstar.lab.assessment.Rectification;
import jp.jcstar.lab.assessment.ReviewDecision;
import jp.jcstar.lab.assessment.RoundEvaluation;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.application.RegisterApplication;
import jp.jcstar.lab.assessment.decision.DecideFurtherRound;
import jp.jcstar.lab.assessment.decision.EndAssessment;
import jp.jcstar.lab.assessment.decision.EscalateOverdue;
import jp.jcstar.lab.assessment.documentation.RecordDocumentsSupplied;
import jp.jcstar.lab.assessment.documentation.ReviewDocumentation;
import jp.jcstar.lab.assessment.evaluation.EvaluateRound;
import jp.jcstar.lab.assessment.overview.RefreshTaskContextListener;
import jp.jcstar.lab.assessment.overview.TaskContexts;
import jp.jcstar.lab.assessment.rectification.RecordRectification;
import jp.jcstar.lab.assessment.rectification.SendIssueList;
import jp.jcstar.lab.assessment.review.ReviewReport;
import jp.jcstar.lab.assessment.testing.RecordSamples;
import jp.jcstar.lab.assessment.testing.RecordVerdicts;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.documents.DocumentsOverview;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.findings.FindingsLifecycle;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.reports.ReportService;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fast tier: every path of process_jcstarAssessment on a plain in-memory engine (fast-tier.camunda.cfg.xml), no
 * Spring context. The model's delegates and listeners are the app's own classes, registered under their bean names,
 * built on Mockito mocks of the use cases; each test walks a path as the people would and verifies what each step
 * asked the use cases. What the use cases do with it is the full-app scenarios' business (AssessmentProcessTest).
 */
@Deployment(resources = {AssessmentFlowTest.MODEL, "forms/application.form", "forms/supply-documents.form",
        "forms/review-documentation.form", "forms/receive-samples.form", "forms/test-device.form", "forms/test-app.form", "forms/test-cloud.form",
        "forms/submit-rectification.form", "forms/retest-items.form", "forms/review-report.form",
        "forms/decide-further-round.form"})
class AssessmentFlowTest {

    static final String MODEL = "bpmn/jcstar-assessment.bpmn";

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("fast-tier.camunda.cfg.xml").build();

    static final long ID = 42;
    static final String REFERENCE = "JCS-2026-00042";
    static final String MANUFACTURER = "maker";
    static final String ENGINEER = "eng1";
    static final String SECOND_ENGINEER = "eng2";
    static final String REVIEWER = "rev1";
    static final String LAB_MANAGER = "boss";
    static final Catalog CATALOG = catalog();
    /** The lab's time in the tests: due dates and timers are computed from it. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-01T10:00:00+09:00");
    static final LabProperties LAB = new LabProperties("JC-STAR Test Laboratory", Duration.ofDays(14),
            Duration.ofDays(30), 3);
    static final String DOCUMENTS_MARKDOWN = "DOC-01 .. DOC-07 supplied";

    // The use cases the delegates call, and what they read through.
    final RegisterApplication registerApplication = mock(RegisterApplication.class);
    final RecordDocumentsSupplied recordDocumentsSupplied = mock(RecordDocumentsSupplied.class);
    final ReviewDocumentation reviewDocumentation = mock(ReviewDocumentation.class);
    final RecordVerdicts recordVerdicts = mock(RecordVerdicts.class);
    final RecordSamples recordSamples = mock(RecordSamples.class);
    final EvaluateRound evaluateRound = mock(EvaluateRound.class);
    final FindingsLifecycle findings = mock(FindingsLifecycle.class);
    final SendIssueList sendIssueList = mock(SendIssueList.class);
    final RecordRectification recordRectification = mock(RecordRectification.class);
    final ReviewReport reviewReport = mock(ReviewReport.class);
    final DecideFurtherRound decideFurtherRound = mock(DecideFurtherRound.class);
    final EndAssessment endAssessment = mock(EndAssessment.class);
    final EscalateOverdue escalateOverdue = mock(EscalateOverdue.class);
    final ReportService reports = mock(ReportService.class);
    final AssessmentRecords records = mock(AssessmentRecords.class);
    final DocumentsOverview documentsOverview = mock(DocumentsOverview.class);
    final TaskContexts taskContexts = mock(TaskContexts.class);

    /** The assessment as the app's table holds it: registered by the first service task, changed by decisions. */
    Assessment assessment;

    @BeforeEach
    void registerTheModelsBeansOnMockedUseCases() {
        ProcessEngine processEngine = engine.getProcessEngine();
        AbstractAssertions.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));

        CurrentUser currentUser = new CurrentUser(processEngine.getIdentityService());
        LabClock clock = new LabClock();
        DocumentsDueDate documentsDue = new DocumentsDueDate(clock, LAB);
        register(new RegisterApplicationDelegate(records, registerApplication, currentUser, documentsDue));
        register(new RefreshDocumentLinksListener(documentsOverview, records, processEngine.getRuntimeService(),
                processEngine.getIdentityService(), mock(TransactionTemplate.class)));
        register(new RecordDocumentsSuppliedListener(records, recordDocumentsSupplied, currentUser));
        register(new RecordVerdictsListener(records, reviewDocumentation, recordVerdicts, currentUser, documentsDue));
        register(new RecordSamplesListener(records, recordSamples, currentUser));
        register(new EscalateOverdueDelegate(records, escalateOverdue));
        register(new EvaluateRoundDelegate(records, evaluateRound));
        register(new RecordFindingsDelegate(records, findings, clock, LAB));
        register(new GenerateIssueListDelegate(records, sendIssueList));
        register(new RecordRectificationListener(records, recordRectification, currentUser));
        register(new RecordFurtherRoundDecisionListener(records, decideFurtherRound, currentUser));
        register(new TerminateAssessmentDelegate(records, endAssessment));
        register(new RefreshTaskContextListener(records, taskContexts));
        register(new ReviewReportListener(records, reviewReport, currentUser));
        register(new PrepareRevisionDelegate(records));
        register(new GenerateFinalReportDelegate(reports, records, mock(LabelValidity.class)));
        register(new GenerateTerminationLetterDelegate(reports, records));
        register(new CompleteAssessmentDelegate(records, endAssessment));

        when(registerApplication.register(any(), any(), any(), any())).thenAnswer(call -> {
            assessment = assessment(call.<Application>getArgument(0).product().scope(), LAB.retestLimit(), call.getArgument(3));
            return assessment;
        });
        when(records.idOf(anyString())).thenReturn(ID);
        when(records.get(ID)).thenAnswer(call -> assessment);
        when(records.lock(ID)).thenAnswer(call -> assessment);
        when(records.catalogOf(any())).thenReturn(CATALOG);
        when(records.itemsInScope(any())).thenAnswer(call -> itemsInScope(call.getArgument(0)));
        when(documentsOverview.markdown(any())).thenReturn(DOCUMENTS_MARKDOWN);
        when(taskContexts.markdown(any(), any(), any())).thenAnswer(call -> contextText(call.getArgument(1)));
        // The use cases answer with the decision they were given, as the real ones do for a valid one.
        when(reviewDocumentation.record(anyLong(), any(), any(), any())).thenAnswer(call ->
                call.<List<RawVerdict>>getArgument(1).stream().noneMatch(v -> Verdict.FAIL.name().equals(v.verdict())));
        when(reviewReport.record(anyLong(), any(), any(), any()))
                .thenAnswer(call -> ReviewDecision.parse(call.getArgument(2)));
        when(decideFurtherRound.decide(anyLong(), any(), any(), any())).thenAnswer(call -> {
            FurtherRoundDecision decision = FurtherRoundDecision.parse(call.getArgument(1));
            if (decision == FurtherRoundDecision.EXTEND) { // one more round raises the limit in the assessment's row
                assessment = withRetestLimit(assessment, assessment.retestLimit() + 1);
            }
            return decision;
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        AbstractAssertions.reset();
        engine.getIdentityService().clearAuthentication();
    }

    // ---- the paths ----

    @Test
    void documentsCompleteFirstTimeEveryItemPassesAndTheApprovedReportCompletesTheAssessment() {
        roundsEvaluateTo(passed(1));
        ProcessInstance instance = apply(DEVICE, APP, CLOUD);
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS).hasBusinessKey(REFERENCE)
                .hasPassed(SERVICE_TASK_REGISTER_APPLICATION);
        verify(registerApplication).register(eq(application(DEVICE, APP, CLOUD)), isNull(), eq(MANUFACTURER),
                eq(instance.getId()));
        assertThat(task(USER_TASK_SUPPLY_DOCUMENTS, instance)).hasCandidateGroup(Roles.MANUFACTURERS)
                .hasDueDate(Date.from(NOW.plus(LAB.documentsDuePeriod()).toInstant()));
        assertThat(instance).variables().containsEntry(ASSESSMENT_ID.name(), ID)
                .containsEntry(DOCUMENTS_OVERVIEW.name(), DOCUMENTS_MARKDOWN);

        supplyDocuments(instance, "All seven documents, version 1");
        verify(recordDocumentsSupplied).record(ID, "All seven documents, version 1", MANUFACTURER);
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);

        reviewDocumentation(instance, ENGINEER, allPass(Step.DOCUMENTATION));
        verify(reviewDocumentation).record(eq(ID), eq(verdicts(Step.DOCUMENTATION)), isNull(), eq(ENGINEER));
        // The device's branch waits for its samples; the app and the cloud are tested meanwhile.
        assertThat(instance).isWaitingAt(USER_TASK_RECEIVE_SAMPLES, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        assertThat(task(USER_TASK_RECEIVE_SAMPLES, instance)).hasCandidateGroup(Roles.ENGINEERS);
        assertThat(taskContextOf(instance, USER_TASK_RECEIVE_SAMPLES)).isEqualTo(contextText(TaskContexts.Kind.SAMPLES));

        receiveSamples(instance);
        verify(recordSamples).record(ID, SAMPLES, ENGINEER);
        assertThat(instance).isWaitingAt(USER_TASK_TEST_DEVICE, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD)
                .variables().doesNotContainKeys(SAMPLE_SERIALS.name(), SAMPLES_RECEIVED_ON.name(),
                        // the application is the assessment's row since its registration
                        PRODUCT_NAME.name(), MODEL_NUMBERS.name(), STAR_LEVEL.name())
                // the versions under test, which the rectification form starts from, and the routing
                .containsEntry(FIRMWARE_VERSION.name(), "1.0.0").containsEntry(SCOPE_DEVICE.name(), true);

        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_APP, allPass(Step.APP));
        assertThat(instance).isWaitingAt(USER_TASK_TEST_CLOUD).isNotWaitingAt(SERVICE_TASK_EVALUATE_ROUND);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD));

        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT).hasPassed(SERVICE_TASK_EVALUATE_ROUND);
        assertThat(task(USER_TASK_REVIEW_REPORT, instance)).hasCandidateGroup(Roles.REVIEWERS);
        assertThat(taskContextOf(instance, USER_TASK_REVIEW_REPORT)).isEqualTo(contextText(TaskContexts.Kind.REVIEW));
        approveReport(instance);

        assertThat(instance).hasPassed(SERVICE_TASK_GENERATE_FINAL_REPORT, SERVICE_TASK_COMPLETE_ASSESSMENT,
                END_EVENT_ASSESSMENT_COMPLETED).hasNotPassed(SERVICE_TASK_RECORD_FINDINGS).isEnded();
        InOrder steps = inOrder(recordVerdicts, evaluateRound, reviewReport, reports, endAssessment);
        steps.verify(recordVerdicts).record(ID, verdicts(Step.DEVICE), ENGINEER);
        steps.verify(recordVerdicts).record(ID, verdicts(Step.APP), ENGINEER);
        steps.verify(recordVerdicts).record(ID, verdicts(Step.CLOUD), ENGINEER);
        steps.verify(evaluateRound).evaluate(ID);
        steps.verify(reviewReport).requireIndependentReviewer(ID, REVIEWER);
        steps.verify(reviewReport).record(ID, REVIEWER, ReviewDecision.APPROVE.name(), null);
        steps.verify(reports).generateFinalReport(ID);
        steps.verify(endAssessment).complete(ID);
        verifyNoInteractions(findings, sendIssueList, recordRectification, decideFurtherRound, escalateOverdue);
    }

    @Test
    void incompleteDocumentationGoesBackToTheManufacturerWithANewDueDateAndIsReviewedAgain() {
        ProcessInstance instance = apply(DEVICE);
        supplyDocuments(instance, "All seven documents, version 1");

        ClockUtil.setCurrentTime(Date.from(NOW.plusDays(3).toInstant()));
        reviewDocumentation(instance, ENGINEER, allPass(Step.DOCUMENTATION).fail("DOC-07", "No threat model")
                .with(DOCUMENT_REQUEST.name(), "Threat model covering the cloud API"));
        verify(reviewDocumentation).record(eq(ID), eq(verdicts(Step.DOCUMENTATION, fail("DOC-07", "No threat model"))),
                eq("Threat model covering the cloud API"), eq(ENGINEER));
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS).hasPassed(USER_TASK_REVIEW_DOCUMENTATION)
                .hasNotPassed(USER_TASK_RECEIVE_SAMPLES, USER_TASK_TEST_DEVICE);
        Date due = Date.from(NOW.plusDays(3).plus(LAB.documentsDuePeriod()).toInstant());
        assertThat(task(USER_TASK_SUPPLY_DOCUMENTS, instance)).hasDueDate(due);
        assertThat(job(BOUNDARY_EVENT_DOCUMENTS_OVERDUE, instance).getDuedate()).isEqualTo(due);

        supplyDocuments(instance, "threat-model-v2.pdf");
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);
        assertThat(instance).variables().doesNotContainKeys(DOCUMENT_REQUEST.name(), DOCUMENTS_SUPPLIED.name());
        reviewDocumentation(instance, SECOND_ENGINEER, allPass(Step.DOCUMENTATION));

        assertThat(instance).isWaitingAt(USER_TASK_RECEIVE_SAMPLES)
                .isNotWaitingAt(USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        InOrder steps = inOrder(recordDocumentsSupplied, reviewDocumentation);
        steps.verify(recordDocumentsSupplied).record(ID, "All seven documents, version 1", MANUFACTURER);
        steps.verify(reviewDocumentation).record(eq(ID), any(), eq("Threat model covering the cloud API"), eq(ENGINEER));
        steps.verify(recordDocumentsSupplied).record(ID, "threat-model-v2.pdf", MANUFACTURER);
        steps.verify(reviewDocumentation).record(ID, verdicts(Step.DOCUMENTATION), null, SECOND_ENGINEER);
        verifyNoInteractions(recordVerdicts);
    }

    @Test
    void overdueDocumentsAreEscalatedWhileTheManufacturersTaskStaysOpen() {
        ProcessInstance instance = apply(DEVICE, CLOUD);
        Job timer = job(BOUNDARY_EVENT_DOCUMENTS_OVERDUE, instance);
        assertThat(timer.getDuedate()).isEqualTo(task(USER_TASK_SUPPLY_DOCUMENTS, instance).getDueDate());

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        execute(timer);

        // The date the documents were due, not the minute after it when the timer ran.
        verify(escalateOverdue).escalate(ID, OverdueWork.DOCUMENTS,
                timer.getDuedate().toInstant().atZone(LabClock.ZONE).toOffsetDateTime());
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS)
                .hasPassed(SERVICE_TASK_ESCALATE_OVERDUE_DOCUMENTS, END_EVENT_DOCUMENTS_ESCALATED);
        supplyDocuments(instance, "All seven documents, late");
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);
    }

    static Stream<Set<ProductComponent>> scopes() {
        return Stream.of(EnumSet.of(DEVICE), EnumSet.of(APP), EnumSet.of(CLOUD), EnumSet.of(DEVICE, APP),
                EnumSet.of(DEVICE, CLOUD), EnumSet.of(APP, CLOUD), EnumSet.allOf(ProductComponent.class));
    }

    @ParameterizedTest(name = "scope {0}")
    @MethodSource("scopes")
    void onlyTheComponentsInScopeAreTestedAndTheRoundIsEvaluatedOnceAllOfThemAre(Set<ProductComponent> scope) {
        roundsEvaluateTo(passed(1));
        ProcessInstance instance = apply(scope.toArray(ProductComponent[]::new));
        supplyDocuments(instance, "All seven documents, version 1");
        reviewDocumentation(instance, ENGINEER, allPass(Step.DOCUMENTATION));

        List<String> inScope = scope.stream().map(AssessmentFlowTest::testTask).toList();
        List<String> outOfScope = EnumSet.complementOf(EnumSet.copyOf(scope)).stream()
                .map(AssessmentFlowTest::testTask).toList();
        // A device is tested once its samples are received; the app and the cloud need none.
        assertThat(instance).isWaitingAtExactly(inScope.stream()
                .map(task -> task.equals(USER_TASK_TEST_DEVICE) ? USER_TASK_RECEIVE_SAMPLES : task).toArray(String[]::new));
        if (scope.contains(DEVICE)) {
            receiveSamples(instance);
        }
        assertThat(instance).isWaitingAtExactly(inScope.toArray(String[]::new));
        for (ProductComponent component : scope) {
            assertThat(instance).isNotWaitingAt(USER_TASK_REVIEW_REPORT);
            test(instance, testTask(component), allPass(component.step()));
        }

        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        if (!outOfScope.isEmpty()) {
            assertThat(instance).hasNotPassed(outOfScope.toArray(String[]::new));
        }
        scope.forEach(component -> verify(recordVerdicts).record(ID, verdicts(component.step()), ENGINEER));
        verify(recordVerdicts, times(scope.size())).record(anyLong(), any(), any());
        verify(recordSamples, times(scope.contains(DEVICE) ? 1 : 0)).record(ID, SAMPLES, ENGINEER);
        verify(evaluateRound).evaluate(ID);
    }

    @Test
    void aFailedItemGoesToTheIssueListAndRectificationAndPassesOnRetest() {
        roundsEvaluateTo(failed(1, 0, "CLD-04"), passed(2));
        ProcessInstance instance = testedOnce(CLOUD);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted"));
        verify(recordVerdicts).record(ID, verdicts(Step.CLOUD, fail("CLD-04", "TLS 1.0 is accepted")), ENGINEER);

        // The findings are committed with the verdicts; the issue list is a job of its own.
        Date rectificationDue = Date.from(NOW.plus(LAB.rectificationDuePeriod()).toInstant());
        verify(findings).openForFailedItems(ID, NOW.plus(LAB.rectificationDuePeriod()), NOW);
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_ISSUE_LIST).hasPassed(SERVICE_TASK_RECORD_FINDINGS);
        verifyNoInteractions(sendIssueList);
        sendIssueList(instance);
        verify(sendIssueList).send(ID);

        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        assertThat(task(USER_TASK_SUBMIT_RECTIFICATION, instance)).hasCandidateGroup(Roles.MANUFACTURERS)
                .hasDueDate(rectificationDue);
        assertThat(taskContextOf(instance, USER_TASK_SUBMIT_RECTIFICATION))
                .isEqualTo(contextText(TaskContexts.Kind.RECTIFICATION));
        assertThat(flagged(instance)).containsExactly("CLD-04");

        rectify(instance, "2025.04", "CLD-04", "TLS 1.0 and 1.1 disabled");
        verify(recordRectification).record(ID, new Rectification(new Versions(null, null, "2025.04"), "DOC-05 key management v1.1",
                Map.of("CLD-04", "TLS 1.0 and 1.1 disabled")), MANUFACTURER);
        assertThat(instance).isWaitingAt(USER_TASK_RETEST_ITEMS);
        assertThat(task(USER_TASK_RETEST_ITEMS, instance)).hasCandidateGroup(Roles.ENGINEERS);
        assertThat(taskContextOf(instance, USER_TASK_RETEST_ITEMS)).isEqualTo(contextText(TaskContexts.Kind.RETEST));

        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));
        verify(recordVerdicts).record(ID, List.of(pass("CLD-04")), ENGINEER);
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        approveReport(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        verify(evaluateRound, times(2)).evaluate(ID);
        verify(endAssessment).complete(ID);
    }

    @Test
    void retestsFailingUpToTheLimitGoToALabManagerWhoGrantsOneMoreRound() {
        ProcessInstance instance = failedRetestsUpToTheLimit();

        decideFurtherRound(instance, FurtherRoundDecision.EXTEND, "Root cause found; fix is in review");
        verify(decideFurtherRound).decide(ID, FurtherRoundDecision.EXTEND.name(), "Root cause found; fix is in review",
                LAB_MANAGER);
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION).variables()
                .containsEntry(RETEST_LIMIT.name(), 4).doesNotContainKeys(FURTHER_ROUND_DECISION.name(),
                        DECISION_REASON.name());

        roundsEvaluateTo(passed(5));
        rectify(instance, "2025.09", "CLD-04", "TLS library replaced");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));
        approveReport(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED)
                .hasNotPassed(SERVICE_TASK_TERMINATE_ASSESSMENT);
        verify(recordRectification, times(4)).record(eq(ID), any(), eq(MANUFACTURER));
        verify(sendIssueList, times(4)).send(ID);
        verify(endAssessment).complete(ID);
        verify(endAssessment, never()).terminate(anyLong());
    }

    @Test
    void retestsFailingUpToTheLimitGoToALabManagerWhoTerminatesTheAssessment() {
        ProcessInstance instance = failedRetestsUpToTheLimit();

        decideFurtherRound(instance, FurtherRoundDecision.TERMINATE, "Design flaw in the TLS stack");

        // Terminated in the lab manager's transaction; the signed notice follows as a job of its own.
        verify(endAssessment).terminate(ID);
        verifyNoInteractions(reports);
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_TERMINATION_LETTER);
        execute(job(SERVICE_TASK_GENERATE_TERMINATION_LETTER, instance));

        assertThat(instance).isEnded().hasPassed(SERVICE_TASK_TERMINATE_ASSESSMENT,
                        SERVICE_TASK_GENERATE_TERMINATION_LETTER, END_EVENT_ASSESSMENT_TERMINATED)
                .hasNotPassed(USER_TASK_REVIEW_REPORT);
        verify(decideFurtherRound).decide(ID, FurtherRoundDecision.TERMINATE.name(), "Design flaw in the TLS stack",
                LAB_MANAGER);
        verify(endAssessment, never()).complete(anyLong());
        verify(reports).generateTerminationLetter(ID);
        verifyNoMoreInteractions(reports);
    }

    @Test
    void aReportSentBackOpensTheItemsInQuestionForRevisionAndIsEvaluatedAgain() {
        roundsEvaluateTo(passed(1), passed(1));
        ProcessInstance instance = testedOnce(DEVICE, CLOUD);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD));

        sendReportBack(instance, "DEV-03: the observation does not say how UART was probed", "dev-03");
        verify(reviewReport).record(ID, REVIEWER, ReviewDecision.REJECT.name(),
                "DEV-03: the observation does not say how UART was probed");
        assertThat(instance).isWaitingAt(USER_TASK_REVISE_RESULTS).hasPassed(SERVICE_TASK_PREPARE_REVISION)
                .variables().containsEntry(ITEMS_IN_QUESTION.name(), "DEV-03");
        assertThat(flagged(instance)).containsExactly("DEV-03");
        assertThat(task(USER_TASK_REVISE_RESULTS, instance)).hasCandidateGroup(Roles.ENGINEERS);
        verify(taskContexts).markdown(assessment, TaskContexts.Kind.REVISION, "DEV-03");

        test(instance, USER_TASK_REVISE_RESULTS, Verdicts.none()
                .judge("DEV-03", Verdict.PASS.name(), "UART pads probed with a logic analyser: no console"));
        verify(recordVerdicts).record(ID, List.of(new RawVerdict("DEV-03", Verdict.PASS.name(),
                "UART pads probed with a logic analyser: no console")), ENGINEER);

        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT).variables()
                .doesNotContainKeys(ITEMS_IN_QUESTION.name(), REJECTION_REASON.name(), REVIEW_DECISION.name());
        verify(evaluateRound, times(2)).evaluate(ID);
        approveReport(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        verify(reviewReport, times(2)).requireIndependentReviewer(ID, REVIEWER);
    }

    @Test
    void aReportSentBackWithoutNamingItemsOpensEveryItemInScope() {
        roundsEvaluateTo(passed(1));
        ProcessInstance instance = testedOnce(APP);
        test(instance, USER_TASK_TEST_APP, allPass(Step.APP));

        sendReportBack(instance, "Observations are too thin throughout", "");

        assertThat(instance).isWaitingAt(USER_TASK_REVISE_RESULTS);
        assertThat(flagged(instance)).containsExactlyElementsOf(ids(itemsInScope(assessment)));
    }

    @Test
    void aRevisionThatFindsAFailureGoesToTheIssueListAndRectification() {
        roundsEvaluateTo(passed(1), failed(1, 0, "DEV-03"));
        ProcessInstance instance = testedOnce(DEVICE);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        sendReportBack(instance, "DEV-03 was not probed at all", "DEV-03");

        test(instance, USER_TASK_REVISE_RESULTS, Verdicts.none().fail("DEV-03", "UART console open at 115200 baud"));

        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_ISSUE_LIST).hasPassed(SERVICE_TASK_RECORD_FINDINGS);
        sendIssueList(instance);
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        assertThat(flagged(instance)).containsExactly("DEV-03");
        verify(findings).openForFailedItems(eq(ID), any(), any());
    }

    @Test
    void overdueRectificationIsEscalatedWhileTheManufacturersTaskStaysOpen() {
        roundsEvaluateTo(failed(1, 0, "CLD-04"));
        ProcessInstance instance = testedOnce(CLOUD);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted"));
        sendIssueList(instance);
        Job timer = job(BOUNDARY_EVENT_RECTIFICATION_OVERDUE, instance);
        assertThat(timer.getDuedate()).isEqualTo(task(USER_TASK_SUBMIT_RECTIFICATION, instance).getDueDate())
                .isEqualTo(Date.from(NOW.plus(LAB.rectificationDuePeriod()).toInstant()));

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        execute(timer);

        verify(escalateOverdue).escalate(ID, OverdueWork.RECTIFICATION,
                timer.getDuedate().toInstant().atZone(LabClock.ZONE).toOffsetDateTime());
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION)
                .hasPassed(SERVICE_TASK_ESCALATE_OVERDUE_RECTIFICATION, END_EVENT_RECTIFICATION_ESCALATED);
    }

    @Test
    void theManufacturerWithdrawsBeforeTestingAndTheProcessEnds() {
        ProcessInstance instance = apply(DEVICE);
        supplyDocuments(instance, "All seven documents, version 1");
        when(endAssessment.endEarly(ID, AssessmentStatus.WITHDRAWN, MANUFACTURER, "Product discontinued"))
                .thenAnswer(call -> ended(AssessmentStatus.WITHDRAWN, "Product discontinued"));

        as(MANUFACTURER, Roles.MANUFACTURERS, () -> assessmentProcess().withdraw(assessment, manufacturer(),
                "Product discontinued"));

        assertThat(instance).isEnded().hasNotPassed(USER_TASK_TEST_DEVICE);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getDeleteReason()).isEqualTo("WITHDRAWN by maker: Product discontinued");
        verify(endAssessment).endEarly(ID, AssessmentStatus.WITHDRAWN, MANUFACTURER, "Product discontinued");
    }

    @Test
    void onceTestingHasStartedTheApplicationCannotBeWithdrawn() {
        ProcessInstance instance = testedOnce(DEVICE);

        assertThatThrownBy(() -> as(MANUFACTURER, Roles.MANUFACTURERS, () -> assessmentProcess().withdraw(assessment,
                manufacturer(), "Too slow"))).isInstanceOf(ConflictException.class);

        assertThat(instance).isWaitingAt(USER_TASK_TEST_DEVICE);
        verify(endAssessment, never()).endEarly(anyLong(), any(), any(), any());
    }

    /** A bean the model names that the fast tier does not register would fail a path in the middle: this names it. */
    @Test
    void everyBeanTheModelNamesIsRegistered() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MODEL)) {
            model = Bpmn.readModelFromStream(in);
        }
        List<String> expressions = new ArrayList<>();
        model.getModelElementsByType(ServiceTask.class).forEach(t -> expressions.add(t.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaTaskListener.class)
                .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaExecutionListener.class)
                .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
        List<String> beans = expressions.stream().filter(e -> e != null)
                .map(e -> e.replaceAll("^\\$\\{(.*)}$", "$1")).distinct().toList();

        assertThat(beans).isNotEmpty().allSatisfy(bean -> assertThat(Mocks.get(bean)).as(bean).isNotNull());
    }

    // ---- the steps, as people take them ----

    ProcessInstance apply(ProductComponent... scope) {
        return as(MANUFACTURER, Roles.MANUFACTURERS, () -> engine.getRuntimeService().startProcessInstanceByKey(
                AssessmentProcess.PROCESS_KEY, AssessmentVariables.startVariables(application(scope))));
    }

    /** Applied, documents supplied and reviewed complete, a device's samples received: the tests of the scope are open. */
    ProcessInstance testedOnce(ProductComponent... scope) {
        ProcessInstance instance = apply(scope);
        supplyDocuments(instance, "All seven documents, version 1");
        reviewDocumentation(instance, ENGINEER, allPass(Step.DOCUMENTATION));
        if (Set.of(scope).contains(DEVICE)) {
            receiveSamples(instance);
        }
        return instance;
    }

    /** What the engineer who unpacked the samples submits on receive-samples.form. */
    static final RecordSamples.SubmittedSamples SAMPLES = new RecordSamples.SubmittedSamples("2026-04-01",
            "SLX1-0001\nSLX1-0002", "Rev.C", "1.0.0", "2.3.0", null, null);

    void receiveSamples(ProcessInstance instance) {
        Map<String, Object> values = new HashMap<>();
        SAMPLES_RECEIVED_ON.putInto(values, SAMPLES.receivedOn());
        SAMPLE_SERIALS.putInto(values, SAMPLES.serialNumbers());
        SAMPLE_HARDWARE_REVISION.putInto(values, SAMPLES.hardwareRevision());
        SAMPLE_FIRMWARE_VERSION.putInto(values, SAMPLES.firmwareVersion());
        SAMPLE_APP_VERSION.putInto(values, SAMPLES.appVersion());
        complete(instance, USER_TASK_RECEIVE_SAMPLES, ENGINEER, Roles.ENGINEERS, values);
    }

    void supplyDocuments(ProcessInstance instance, String supplied) {
        Map<String, Object> values = new HashMap<>();
        DOCUMENTS_SUPPLIED.putInto(values, supplied);
        complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, Roles.MANUFACTURERS, values);
    }

    void reviewDocumentation(ProcessInstance instance, String engineer, Verdicts verdicts) {
        complete(instance, USER_TASK_REVIEW_DOCUMENTATION, engineer, Roles.ENGINEERS, verdicts.variables());
    }

    void test(ProcessInstance instance, String taskKey, Verdicts verdicts) {
        complete(instance, taskKey, ENGINEER, Roles.ENGINEERS, verdicts.variables());
    }

    /** Runs the asynchronous issue list, as the job executor would. */
    void sendIssueList(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_ISSUE_LIST);
        execute(job(SERVICE_TASK_GENERATE_ISSUE_LIST, instance));
    }

    void rectify(ProcessInstance instance, String cloudVersion, String itemId, String response) {
        Map<String, Object> values = new HashMap<>();
        CLOUD_VERSION.putInto(values, cloudVersion);
        CHANGED_DOCUMENTS.putInto(values, "DOC-05 key management v1.1");
        ItemVariables.response(itemId).putInto(values, response);
        complete(instance, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, Roles.MANUFACTURERS, values);
    }

    void decideFurtherRound(ProcessInstance instance, FurtherRoundDecision decision, String reason) {
        assertThat(task(USER_TASK_DECIDE_FURTHER_ROUND, instance)).hasCandidateGroup(Roles.LAB_MANAGERS);
        assertThat(taskContextOf(instance, USER_TASK_DECIDE_FURTHER_ROUND))
                .isEqualTo(contextText(TaskContexts.Kind.DECISION));
        Map<String, Object> values = new HashMap<>();
        FURTHER_ROUND_DECISION.putInto(values, decision.name());
        DECISION_REASON.putInto(values, reason);
        complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, Roles.LAB_MANAGERS, values);
    }

    /** The reviewer claims the review (the four eyes are checked on assignment), approves, and the final report is made. */
    void approveReport(ProcessInstance instance) {
        claimReview(instance);
        Map<String, Object> values = new HashMap<>();
        REVIEW_DECISION.putInto(values, ReviewDecision.APPROVE.name());
        complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, Roles.REVIEWERS, values);
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_FINAL_REPORT);
        execute(job(SERVICE_TASK_GENERATE_FINAL_REPORT, instance));
    }

    void sendReportBack(ProcessInstance instance, String reason, String itemsInQuestion) {
        claimReview(instance);
        Map<String, Object> values = new HashMap<>();
        REVIEW_DECISION.putInto(values, ReviewDecision.REJECT.name());
        REJECTION_REASON.putInto(values, reason);
        ITEMS_IN_QUESTION.putInto(values, itemsInQuestion);
        complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, Roles.REVIEWERS, values);
    }

    private void claimReview(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        as(REVIEWER, Roles.REVIEWERS, () -> {
            engine.getTaskService().claim(task(USER_TASK_REVIEW_REPORT, instance).getId(), REVIEWER);
            return null;
        });
    }

    /** Round 1 fails CLD-04, then three retests fail it too: the lab manager decides. */
    ProcessInstance failedRetestsUpToTheLimit() {
        roundsEvaluateTo(failed(1, 0, "CLD-04"), failed(2, 1, "CLD-04"), failed(3, 2, "CLD-04"),
                failed(4, 3, "CLD-04"));
        ProcessInstance instance = testedOnce(CLOUD);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted"));
        for (int retest = 1; retest <= LAB.retestLimit(); retest++) {
            sendIssueList(instance);
            assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION).isNotWaitingAt(USER_TASK_DECIDE_FURTHER_ROUND);
            rectify(instance, "2025.0" + (retest + 4), "CLD-04", "Attempt " + retest);
            test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().fail("CLD-04", "Still TLS 1.0, attempt " + retest));
        }
        sendIssueList(instance);
        assertThat(instance).isWaitingAt(USER_TASK_DECIDE_FURTHER_ROUND).isNotWaitingAt(USER_TASK_SUBMIT_RECTIFICATION)
                .variables().containsEntry(FAILED_RETESTS.name(), 3).containsEntry(RETEST_LIMIT.name(), 3);
        return instance;
    }

    /** Completes the one open task with this key as a person of the group, with the values of its form. */
    private void complete(ProcessInstance instance, String taskKey, String user, String group, Map<String, Object> values) {
        Task task = task(taskKey, instance);
        as(user, group, () -> {
            engine.getTaskService().complete(task.getId(), values);
            return null;
        });
    }

    private <T> T as(String user, String group, Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    // ---- what the mocks answer and are asked ----

    /** The evaluations of the coming rounds, in order (the last one repeats). */
    void roundsEvaluateTo(RoundEvaluation first, RoundEvaluation... then) {
        when(evaluateRound.evaluate(ID)).thenReturn(first, then);
    }

    static RoundEvaluation passed(int round) {
        return new RoundEvaluation(round, List.of(), 0);
    }

    static RoundEvaluation failed(int round, int failedRetests, String... failedItems) {
        return new RoundEvaluation(round, List.of(failedItems), failedRetests);
    }

    static Verdicts allPass(Step step) {
        return Verdicts.allPass(CATALOG.itemsOf(step));
    }

    /** The verdicts a listener passes on for a step's items, in catalog order: PASS unless given otherwise. */
    static List<RawVerdict> verdicts(Step step, RawVerdict... otherThanPass) {
        Map<String, RawVerdict> verdicts = new LinkedHashMap<>();
        CATALOG.itemsOf(step).forEach(item -> verdicts.put(item.id(), pass(item.id())));
        Arrays.stream(otherThanPass).forEach(verdict -> verdicts.put(verdict.itemId(), verdict));
        return List.copyOf(verdicts.values());
    }

    static RawVerdict pass(String itemId) {
        return new RawVerdict(itemId, Verdict.PASS.name(), null);
    }

    static RawVerdict fail(String itemId, String observation) {
        return new RawVerdict(itemId, Verdict.FAIL.name(), observation);
    }

    static String contextText(TaskContexts.Kind kind) {
        return "History for " + kind;
    }

    private String taskContextOf(ProcessInstance instance, String taskKey) {
        return (String) engine.getTaskService().getVariableLocal(task(taskKey, instance).getId(), TASK_CONTEXT.name());
    }

    /** The items the process has flagged for the retest or revision form. */
    private List<String> flagged(ProcessInstance instance) {
        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
        return CATALOG.items().stream().map(CheckItem::id)
                .filter(itemId -> Boolean.TRUE.equals(variables.get(ItemVariables.retest(itemId).name()))).toList();
    }

    private AssessmentProcess assessmentProcess() {
        return new AssessmentProcess(engine.getRuntimeService(), engine.getTaskService(),
                mock(AssessmentRepository.class), endAssessment, engine.getIdentityService(), engine.getProcessEngine());
    }

    // ---- fixtures ----

    /** Registers a delegate or listener under the name Spring gives its @Component: the class name, decapitalised. */
    private static void register(Object bean) {
        String name = bean.getClass().getSimpleName();
        Mocks.register(Character.toLowerCase(name.charAt(0)) + name.substring(1), bean);
    }

    static String testTask(ProductComponent component) {
        return switch (component) {
            case DEVICE -> USER_TASK_TEST_DEVICE;
            case APP -> USER_TASK_TEST_APP;
            case CLOUD -> USER_TASK_TEST_CLOUD;
        };
    }

    static Application application(ProductComponent... scope) {
        return new Application(new Product(null, "スマートロック X1", "SL-X1, SL-X1P", StarLevel.STAR_1, Set.of(scope)),
                new Versions("1.0.0", "2.3.0", "2025.03"));
    }

    static Assessment assessment(Set<ProductComponent> scope, int retestLimit, String processInstanceId) {
        return new Assessment(ID, REFERENCE, processInstanceId, "sample-denki", "2",
                new Product("株式会社サンプル電機", "スマートロック X1", "SL-X1, SL-X1P", StarLevel.STAR_1, scope),
                new Versions("1.0.0", "2.3.0", "2025.03"), AssessmentStatus.IN_PROGRESS, 1, retestLimit, MANUFACTURER,
                NOW, null, null, null, null);
    }

    static Assessment withRetestLimit(Assessment a, int retestLimit) {
        return new Assessment(a.id(), a.reference(), a.processInstanceId(), a.companyId(), a.catalogVersion(),
                a.product(), a.versions(), a.status(), a.currentRound(), retestLimit, a.appliedBy(), a.appliedAt(),
                a.reviewedBy(), a.reviewedAt(), a.endedAt(), a.endReason());
    }

    private Assessment ended(AssessmentStatus status, String reason) {
        Assessment a = assessment;
        return new Assessment(a.id(), a.reference(), a.processInstanceId(), a.companyId(), a.catalogVersion(),
                a.product(), a.versions(), status, a.currentRound(), a.retestLimit(), a.appliedBy(), a.appliedAt(),
                a.reviewedBy(), a.reviewedAt(), NOW, reason);
    }

    static LabUser manufacturer() {
        return new LabUser(MANUFACTURER, Set.of(Roles.MANUFACTURERS), Set.of("sample-denki"));
    }

    static List<CheckItem> itemsInScope(Assessment assessment) {
        return CATALOG.items().stream().filter(item -> item.step() == Step.DOCUMENTATION
                || assessment.product().scope().stream().anyMatch(component -> component.step() == item.step())).toList();
    }

    static List<String> ids(List<CheckItem> items) {
        return items.stream().map(CheckItem::id).toList();
    }

    /** The catalog's shape (DOC-01..07, DEV-01..05, APP-01..06, CLD-01..05); its wording is the catalog's business. */
    private static Catalog catalog() {
        List<CheckItem> items = new ArrayList<>();
        addItems(items, "DOC", Step.DOCUMENTATION, 7);
        addItems(items, "DEV", Step.DEVICE, 5);
        addItems(items, "APP", Step.APP, 6);
        addItems(items, "CLD", Step.CLOUD, 5);
        return new Catalog("2", List.copyOf(items));
    }

    private static void addItems(List<CheckItem> items, String prefix, Step step, int count) {
        for (int n = 1; n <= count; n++) {
            String id = prefix + "-0" + n;
            items.add(new CheckItem(id, step, id + " ja", id + " en", "requirement ja", "requirement en"));
        }
    }
}
