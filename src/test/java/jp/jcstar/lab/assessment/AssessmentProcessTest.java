package jp.jcstar.lab.assessment;

import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static jp.jcstar.lab.assessment.AssessmentScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.ProcessEngineTest;
import jp.jcstar.lab.assessment.process.AssessmentHistoryLevel;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.LabelValidity;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.assessment.process.WorkflowAuthorizations;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.company.AccountService;
import jp.jcstar.lab.documents.DocumentService;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.findings.FindingStatus;
import jp.jcstar.lab.notifications.MailKind;
import jp.jcstar.lab.notifications.MailOutbox;
import jp.jcstar.lab.notifications.Notification;
import jp.jcstar.lab.notifications.NotificationRepository;
import jp.jcstar.lab.notifications.OutboxMail;
import jp.jcstar.lab.reports.ReportKind;
import jp.jcstar.lab.reports.ReportRepository;
import jp.jcstar.lab.reports.SignedPdfs;
import jp.jcstar.lab.reports.StoredReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of process_jcstarAssessment, on the real engine, delegates and tables. */
@ProcessEngineTest
class AssessmentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired CatalogRepository catalogs;
    @Autowired AssessmentRepository assessments;
    @Autowired TestRoundRepository rounds;
    @Autowired CheckResultRepository results;
    @Autowired FindingRepository findings;
    @Autowired ReportRepository reports;
    @Autowired NotificationRepository notifications;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired SampleRepository samples;
    @Autowired WorkflowAuthorizations workflowAuthorizations;

    AssessmentScenario scenario;
    Catalog catalog;

    @Autowired AccountService accounts;
    @Autowired DocumentService documents;

    @BeforeEach
    void setUp() {
        AssessmentScenario.registerCompany(accounts);
        AssessmentScenario.registerPeople(accounts, engine.getIdentityService());
        AbstractAssertions.init(engine);
        scenario = new AssessmentScenario(engine, documents);
        catalog = catalogs.current();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void allItemsPassFirstTimeAndTheFinalReportIsIssued() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE, ProductComponent.APP, ProductComponent.CLOUD));
        Assessment registered = assessmentOf(instance);
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION).hasBusinessKey(registered.reference());
        assertThat(registered.reference()).matches("JCS-\\d{4}-\\d{5}");

        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).variables());
        assertThat(instance).isWaitingAt(USER_TASK_RECEIVE_SAMPLES, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        assertThat(contextOf(instance, USER_TASK_RECEIVE_SAMPLES)).contains("**申請時の版 / Versions applied for**",
                "firmware 1.0.0");
        receiveSamples(instance, ENGINEER);
        assertThat(samples.list(registered.id())).singleElement().satisfies(received -> {
            assertThat(received.serials()).containsExactly("SLX1-0001", "SLX1-0002");
            assertThat(received.firmwareVersion()).isEqualTo("1.0.0");
            assertThat(received.recordedBy()).isEqualTo(ENGINEER);
        });
        assertThat(instance).isWaitingAt(USER_TASK_TEST_DEVICE, USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_APP, allPass(Step.APP));
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD));

        approveAndIssue(instance);
        assertThat(instance).hasPassed(SERVICE_TASK_GENERATE_FINAL_REPORT).isEnded()
                .hasPassed(END_EVENT_ASSESSMENT_COMPLETED).hasNotPassed(SERVICE_TASK_RECORD_FINDINGS);
        Assessment done = assessmentOf(instance);
        assertThat(done.status()).isEqualTo(AssessmentStatus.COMPLETED);
        assertThat(done.reviewedBy()).isEqualTo(REVIEWER);
        assertThat(findings.list(done.id())).isEmpty();
        assertThat(results.list(done.id())).hasSize(catalog.items().size())
                .allSatisfy(result -> assertThat(result.roundNo()).isEqualTo(1));
        assertThat(rounds.list(done.id())).singleElement().satisfies(round -> assertThat(round.outcome()).isEqualTo(RoundOutcome.PASSED));
        assertThat(reports.findLatest(done.id(), ReportKind.FINAL)).get()
                .satisfies(report -> assertThat(new String(report.content(), 0, 5)).isEqualTo("%PDF-"));
    }

    /**
     * Lab staff read every task of the process through READ_TASK on its definition; the engine's per-task
     * authorization for their group gives the work (claim, complete) only, so that their task lists do not join one
     * READ row per open task (the cost that grew to seconds at 10,000 active assessments). A manufacturer's task
     * keeps its per-task READ, and a manufacturer still sees none of the lab's tasks.
     */
    @Test
    void labGroupsWorkOnEachTaskAndReadTasksThroughTheProcessDefinition() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.CLOUD));
        Authorization manufacturers = taskAuthorization(scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS), "manufacturers");
        assertThat(manufacturers.isPermissionGranted(TaskPermissions.READ)).isTrue();
        assertThat(manufacturers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();

        scenario.uploadDocuments(instance, "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06", "DOC-07");
        scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "All seven documents"));
        Task review = scenario.task(instance, USER_TASK_REVIEW_DOCUMENTATION);
        Authorization engineers = taskAuthorization(review, "engineers");
        assertThat(engineers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(engineers.isPermissionGranted(TaskPermissions.READ)).isFalse();

        assertThat(tasksSeenBy(ENGINEER, "engineers", instance)).containsExactly(review.getId());
        assertThat(tasksSeenBy(MANUFACTURER, "manufacturers", instance)).isEmpty();
        passDocumentation(instance); // and the engineer completes it with the per-task work permission alone
        assertThat(instance).isWaitingAt(USER_TASK_TEST_CLOUD);
    }

    /** A database from before: its tasks' rows for lab groups carry READ; the start takes it off, nothing else. */
    @Test
    void theStartTakesThePerTaskReadOfLabGroupsOffTasksCreatedBefore() {
        Task review = scenario.task(scenario.apply(application(ProductComponent.CLOUD)), USER_TASK_REVIEW_DOCUMENTATION);
        Authorization before = taskAuthorization(review, "engineers");
        before.addPermission(TaskPermissions.READ); // as Camunda's default provider wrote it
        engine.getAuthorizationService().saveAuthorization(before);
        assertThat(taskAuthorization(review, "engineers").isPermissionGranted(TaskPermissions.READ)).isTrue();

        workflowAuthorizations.apply();

        Authorization after = taskAuthorization(review, "engineers");
        assertThat(after.isPermissionGranted(TaskPermissions.READ)).isFalse();
        assertThat(after.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        Authorization managersOnEveryTask = engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.TASK).resourceId(Authorization.ANY).groupIdIn("lab-managers").singleResult();
        assertThat(managersOnEveryTask.isPermissionGranted(TaskPermissions.READ)).isTrue();
    }

    private Authorization taskAuthorization(Task task, String group) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).groupIdIn(group).singleResult();
    }

    private List<String> tasksSeenBy(String user, String group, ProcessInstance instance) {
        engine.getIdentityService().setAuthentication(user, List.of(group), List.of(COMPANY));
        try {
            return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).listPage(0, 10).stream()
                    .map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void failedCloudItemGoesToRectificationAndPassesOnRetest() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE, ProductComponent.APP, ProductComponent.CLOUD));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_APP, allPass(Step.APP));
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted on api.example.jp"));

        // The issue list is produced asynchronously, after the engineers' verdicts are committed.
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_ISSUE_LIST);
        long id = assessmentOf(instance).id();
        assertThat(findings.listRound(id, 1)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.OPEN));
        scenario.executeDueJobs(instance);

        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        assertThat(scenario.task(instance, USER_TASK_SUBMIT_RECTIFICATION)).hasCandidateGroup("manufacturers")
                .hasDueDate((Date) engine.getRuntimeService().getVariable(instance.getId(),
                        AssessmentVariables.RECTIFICATION_DUE_DATE.name()));
        Finding sent = findings.listRound(id, 1).get(0);
        assertThat(sent.itemId()).isEqualTo("CLD-04");
        assertThat(sent.status()).isEqualTo(FindingStatus.SENT_TO_MANUFACTURER);
        assertThat(sent.requiredFix()).isEqualTo(catalog.get("CLD-04").requirement());
        assertThat(reports.find(id, ReportKind.ISSUE_LIST, 1)).isPresent();
        assertThat(flagged(instance)).containsExactly("CLD-04");

        rectify(instance, "2025.04", "CLD-04", "TLS 1.0 and 1.1 disabled on every endpoint");
        assertThat(findings.listRound(id, 1).get(0).status()).isEqualTo(FindingStatus.ANSWERED);
        assertThat(assessmentOf(instance).currentRound()).isEqualTo(2);
        assertThat(instance).isWaitingAt(USER_TASK_RETEST_ITEMS);
        // A flag for the item in question, not one for each of the catalog's items.
        assertThat(engine.getRuntimeService().getVariables(instance.getId()).keySet())
                .filteredOn(name -> name.startsWith("retest_")).containsExactly("retest_CLD_04");

        assertThatThrownBy(() -> test(instance, USER_TASK_RETEST_ITEMS,
                Verdicts.none().judge("CLD-04", "NA", "No longer applicable")))
                .hasStackTraceContaining("CLD-04 証明書管理とTLS設定: 第1ラウンドで不合格となり、是正された項目です。再試験の判定は合格（PASS）か"
                        + "不合格（FAIL）にしてください。")
                .hasStackTraceContaining(item("CLD-04") + ": failed in round 1 and was rectified; its retest must be PASS or FAIL.");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));
        approveAndIssue(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        assertThat(results.list(id)).filteredOn(result -> result.roundNo() == 2).extracting(CheckResult::itemId)
                .containsExactly("CLD-04");
        // The engine's history keeps the variables that routed the process; what people entered is in the app's tables.
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo(AssessmentHistoryLevel.NAME);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .list()).extracting(HistoricVariableInstance::getName)
                .contains(AssessmentVariables.DOCUMENTATION_COMPLETE.name(), AssessmentVariables.ALL_ITEMS_PASSED.name(),
                        AssessmentVariables.RECTIFICATION_DUE_DATE.name(), AssessmentVariables.REPORT_APPROVED.name())
                .noneMatch(name -> name.startsWith("verdict_") || name.startsWith("observation_")
                        || name.startsWith("retest_") || name.startsWith("response_"))
                .doesNotContain(AssessmentVariables.TASK_CONTEXT.name(), AssessmentVariables.DOCUMENTS_OVERVIEW.name(),
                        AssessmentVariables.PRODUCT_NAME.name());
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(USER_TASK_RETEST_ITEMS).singleResult().getEndTime()).isNotNull();
        // The job log: which node ran the report jobs (issue list, final report).
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
                .successLog().list()).extracting(log -> log.getActivityId())
                .contains(SERVICE_TASK_GENERATE_ISSUE_LIST, SERVICE_TASK_GENERATE_FINAL_REPORT);
        Finding closed = findings.listRound(id, 1).get(0);
        assertThat(closed.status()).isEqualTo(FindingStatus.CLOSED);
        assertThat(closed.retestOutcome()).isEqualTo(RoundOutcome.PASSED);
        assertThat(closed.manufacturerResponse()).isEqualTo("TLS 1.0 and 1.1 disabled on every endpoint");
        assertThat(rounds.list(id)).extracting(TestRound::outcome).containsExactly(RoundOutcome.FAILED, RoundOutcome.PASSED);
        assertThat(rounds.list(id).get(1).versions().cloud()).isEqualTo("2025.04");
        assertThat(assessmentOf(instance).versions().cloud()).isEqualTo("2025.04");
    }

    @Test
    void theLabelsLifeRemindsTwiceBeforeTheValidityEndsAndTellsWhenItHasEnded() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        approveAndIssue(instance);
        Assessment assessment = assessmentOf(instance);
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.COMPLETED);

        // Its own process, started with the final report: three timers at the report's end of validity less 90 and
        // 30 days, and at the end.
        ProcessInstance label = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(LabelValidity.PROCESS_KEY).processInstanceBusinessKey(assessment.reference())
                .singleResult();
        assertThat(label).isNotNull();
        OffsetDateTime validUntil = jdbc.sql("select valid_until from report where assessment_id = ? and kind = 'FINAL'")
                .param(assessment.id()).query(OffsetDateTime.class).single();
        // Two years from the report's issue, which came just before the assessment's end in the same job.
        assertThat(validUntil.toInstant()).isBetween(assessment.endedAt().plusYears(2).minusMinutes(1).toInstant(),
                assessment.endedAt().plusYears(2).toInstant());
        assertThat(label).isWaitingAt("timer_firstReminder");
        assertThat(timerDue(label)).isEqualTo(validUntil.minusDays(90).toInstant());

        // Ninety days before: the manufacturer's users and the lab managers are reminded, in the outbox.
        ClockUtil.setCurrentTime(Date.from(validUntil.minusDays(90).plusMinutes(1).toInstant()));
        executeDueTimer(label);
        assertThat(label).isWaitingAt("timer_secondReminder");
        assertThat(timerDue(label)).isEqualTo(validUntil.minusDays(30).toInstant());
        assertThat(labelMails(assessment, MailKind.LABEL_EXPIRING)).contains(MANUFACTURER, LAB_MANAGER);
        assertThat(outbox.ofAssessment(assessment.id())).filteredOn(mail -> mail.kind() == MailKind.LABEL_EXPIRING
                && mail.recipientUser().equals(MANUFACTURER)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains(validUntil.atZoneSameInstant(LabClock.ZONE).toLocalDate().toString(),
                        "更新の評価を申請してください", "/lab/assessments/" + assessment.id()));

        ClockUtil.setCurrentTime(Date.from(validUntil.minusDays(30).plusMinutes(1).toInstant()));
        executeDueTimer(label);
        assertThat(labelMails(assessment, MailKind.LABEL_EXPIRING)).filteredOn(MANUFACTURER::equals).hasSize(2);
        ClockUtil.setCurrentTime(Date.from(validUntil.plusMinutes(1).toInstant()));
        executeDueTimer(label);
        assertThat(label).isEnded().hasPassed("endEvent_labelExpired");
        assertThat(labelMails(assessment, MailKind.LABEL_EXPIRED)).contains(MANUFACTURER, LAB_MANAGER);
    }

    @Test
    void aWithdrawnReportIsNotRemindedOf() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        approveAndIssue(instance);
        Assessment assessment = assessmentOf(instance);
        String code = reports.entries(assessment.id()).stream().filter(entry -> entry.kind() == ReportKind.FINAL)
                .findFirst().orElseThrow().code();
        assertThat(reports.withdraw(code, LAB_MANAGER, "型番の誤り / wrong model number", OffsetDateTime.now())).isTrue();
        ProcessInstance label = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(LabelValidity.PROCESS_KEY).processInstanceBusinessKey(assessment.reference())
                .singleResult();

        ClockUtil.setCurrentTime(Date.from(timerDue(label).plusSeconds(60)));
        executeDueTimer(label);
        assertThat(label).isWaitingAt("timer_secondReminder");
        assertThat(labelMails(assessment, MailKind.LABEL_EXPIRING)).isEmpty();
    }

    private Instant timerDue(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
                .getDuedate().toInstant();
    }

    private void executeDueTimer(ProcessInstance instance) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).timers().executable().singleResult().getId());
    }

    private List<String> labelMails(Assessment assessment, MailKind kind) {
        return outbox.ofAssessment(assessment.id()).stream().filter(mail -> mail.kind() == kind)
                .map(OutboxMail::recipientUser).toList();
    }

    /** CLD-02 as catalog version 2 words it; version 1 had the English requirement only, and another Japanese title. */
    static final String CLD_02_REQUIREMENT_JA = "クラウドのAPIはすべてのリクエストを認証し、トークンの権限をその所有者の範囲に限り、"
            + "権限昇格の試みとリプレイされたリクエストを拒否すること。";
    static final String CLD_02_REQUIREMENT_EN = "Cloud APIs authenticate every request, scope tokens to their owner, "
            + "and refuse privilege escalation and replayed requests.";
    static final String CLD_02_TITLE_EN = "API authentication: token security, no privilege escalation, no replay";

    @Test
    void aNewAssessmentTakesCatalogVersion2AndItsReportsPrintTheRequiredFixInJapaneseAndEnglish() throws IOException {
        ProcessInstance instance = failCloudApiAuthenticationInRoundOne(scenario.apply(application(ProductComponent.CLOUD)));
        Assessment assessment = assessmentOf(instance);
        assertThat(assessment.catalogVersion()).isEqualTo("2");
        assertThat(findings.listRound(assessment.id(), 1)).singleElement().satisfies(finding -> assertThat(
                finding.requiredFix()).isEqualTo(CLD_02_REQUIREMENT_JA + "\n" + CLD_02_REQUIREMENT_EN));
        assertThat(pdfText(reports.find(assessment.id(), ReportKind.ISSUE_LIST, 1).orElseThrow().content()))
                .contains(compact("API認証：トークンの安全性・権限昇格とリプレイ攻撃の防止 / " + CLD_02_TITLE_EN),
                        compact(CLD_02_REQUIREMENT_JA), compact(CLD_02_REQUIREMENT_EN));

        rectify(instance, "2025.04", "CLD-02", "Tokens are bound to their user; nonces reject replays");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-02"));
        approveAndIssue(instance);
        assertThat(pdfText(reports.findLatest(assessment.id(), ReportKind.FINAL).orElseThrow().content()))
                .contains(compact(CLD_02_REQUIREMENT_JA), compact(CLD_02_REQUIREMENT_EN));
    }

    @Test
    void anAssessmentStartedOnCatalogVersion1KeepsItsTexts() throws IOException {
        ProcessInstance instance = scenario.apply(application(ProductComponent.CLOUD));
        long id = assessmentOf(instance).id();
        // As an assessment registered before version 2 was published.
        jdbc.sql("update assessment set catalog_version = '1' where id = ?").param(id).update();
        failCloudApiAuthenticationInRoundOne(instance);

        assertThat(findings.listRound(id, 1)).singleElement().satisfies(finding ->
                assertThat(finding.requiredFix()).isEqualTo(CLD_02_REQUIREMENT_EN));
        String issueList = pdfText(reports.find(id, ReportKind.ISSUE_LIST, 1).orElseThrow().content());
        assertThat(issueList).contains(compact("API認証：トークンの安全性・権限昇格なし・リプレイなし / " + CLD_02_TITLE_EN),
                compact(CLD_02_REQUIREMENT_EN)).doesNotContain(compact(CLD_02_REQUIREMENT_JA));
    }

    @Test
    void everyTaskIsNamedAfterItsAssessmentFromTheAssessmentsRowAndTheModelsStepName() {
        ProcessInstance instance = scenario.applyOnly(application(ProductComponent.DEVICE, ProductComponent.CLOUD));
        String reference = assessmentOf(instance).reference();
        String identity = reference + " スマートロック X1 (株式会社サンプル電機): ";
        assertThat(scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS).getName())
                .isEqualTo(identity + "文書の提出 / Supply documents");
        scenario.uploadDocuments(instance, "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06", "DOC-07");
        scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "All seven"));
        passDocumentation(instance);

        Task cloud = scenario.task(instance, USER_TASK_TEST_CLOUD);
        assertThat(cloud.getName()).isEqualTo(identity + "クラウド試験 / Test cloud");
        assertThat(scenario.task(instance, USER_TASK_TEST_DEVICE).getName()).isEqualTo(identity + "デバイス試験 / Test device");
        // What Tasklist's filters show beside each task: on the process instance, written once, seen from each task.
        assertThat(engine.getTaskService().getVariables(cloud.getId())).containsEntry("reference", reference)
                .containsEntry("product", "スマートロック X1").containsEntry("round", 1);
        assertThat(engine.getTaskService().getVariablesLocal(cloud.getId())).doesNotContainKeys("reference", "round");

        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted"));
        scenario.executeDueJobs(instance);
        rectify(instance, "2025.04", "CLD-04", "TLS 1.0 disabled");
        Task retest = scenario.task(instance, USER_TASK_RETEST_ITEMS);
        assertThat(retest.getName()).isEqualTo(identity + "再試験 / Retest failed items");
        assertThat(engine.getTaskService().getVariable(retest.getId(), "round")).isEqualTo(2);
    }

    @Test
    void itemFailingItsFirstRetestNeedsASecondRectificationRound() {
        ProcessInstance instance = failCloudInRoundOne();
        long id = assessmentOf(instance).id();
        rectify(instance, "2025.04", "CLD-04", "Disabled TLS 1.0");
        // Round 1's verdict of CLD-04 does not carry into the retest's form.
        assertThatThrownBy(() -> test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none()))
                .hasStackTraceContaining(item("CLD-04") + ": a verdict is required (PASS, FAIL or NA). Choose one.");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().fail("CLD-04", "TLS 1.1 still accepted"));
        scenario.executeDueJobs(instance);

        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        assertThat(findings.listRound(id, 1).get(0).status()).isEqualTo(FindingStatus.RETEST_FAILED);
        assertThat(findings.listRound(id, 2)).singleElement().satisfies(f -> {
            assertThat(f.itemId()).isEqualTo("CLD-04");
            assertThat(f.observation()).isEqualTo("TLS 1.1 still accepted");
            assertThat(f.status()).isEqualTo(FindingStatus.SENT_TO_MANUFACTURER);
        });
        assertThat(reports.find(id, ReportKind.ISSUE_LIST, 2)).isPresent();

        rectify(instance, "2025.05", "CLD-04", "Only TLS 1.2 and 1.3 remain");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));
        approveAndIssue(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        assertThat(findings.list(id)).extracting(Finding::roundNo, Finding::retestOutcome, Finding::status)
                .containsExactly(Tuple.tuple(1, RoundOutcome.FAILED, FindingStatus.CLOSED),
                        Tuple.tuple(2, RoundOutcome.PASSED, FindingStatus.CLOSED));
        assertThat(rounds.list(id)).extracting(TestRound::outcome).containsExactly(RoundOutcome.FAILED, RoundOutcome.FAILED, RoundOutcome.PASSED);
    }

    @Test
    void incompleteDocumentationGoesBackToTheManufacturerAndIsReviewedAgain() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        Map<String, Object> incomplete = allPass(Step.DOCUMENTATION).fail("DOC-07", "No threat model supplied").variables();

        // An incomplete review must say what the manufacturer has to supply.
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers", incomplete))
                .hasStackTraceContaining("Say in “What the manufacturer must supply” what is needed for the documents marked FAIL");
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);

        incomplete.put(AssessmentVariables.DOCUMENT_REQUEST.name(), "Threat model (DOC-07) covering the cloud API");
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers", incomplete);
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS);
        assertThat(scenario.task(instance, USER_TASK_SUPPLY_DOCUMENTS)).hasCandidateGroup("manufacturers")
                .hasDueDate((Date) engine.getRuntimeService().getVariable(instance.getId(),
                        AssessmentVariables.DOCUMENTS_DUE_DATE.name()));

        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers", Map.of()))
                .hasStackTraceContaining("提出内容: 入力してください。").hasStackTraceContaining("What you supplied: is required.");
        scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "threat-model-v2.pdf"));
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_DOCUMENTATION);
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys(AssessmentVariables.DOCUMENT_REQUEST.name(), AssessmentVariables.DOCUMENTS_SUPPLIED.name());
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, SECOND_ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).variables());
        assertThat(instance).isWaitingAt(USER_TASK_RECEIVE_SAMPLES);

        // Both reviews stay on record, and so do the request and the answer.
        long id = assessmentOf(instance).id();
        assertThat(results.list(id)).filteredOn(r -> r.itemId().equals("DOC-07"))
                .extracting(CheckResult::revision, CheckResult::verdict, CheckResult::recordedBy)
                .containsExactly(Tuple.tuple(1, Verdict.FAIL, ENGINEER),
                        Tuple.tuple(2, Verdict.PASS, SECOND_ENGINEER));
        assertThat(service().events(id)).extracting(AssessmentEvent::kind, AssessmentEvent::actor, AssessmentEvent::text)
                .containsExactly(
                        Tuple.tuple(AssessmentEvent.Kind.DOCUMENTS_SUPPLIED, MANUFACTURER,
                                "All seven documents, version 1"),
                        Tuple.tuple(AssessmentEvent.Kind.DOCUMENT_REQUEST, ENGINEER,
                                "Threat model (DOC-07) covering the cloud API"),
                        Tuple.tuple(AssessmentEvent.Kind.DOCUMENTS_SUPPLIED, MANUFACTURER,
                                "threat-model-v2.pdf"));
    }

    @Test
    void deviceOnlyScopeTestsOnlyTheDevice() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        passDocumentation(instance);
        assertThat(instance).isWaitingAt(USER_TASK_TEST_DEVICE).isNotWaitingAt(USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        approveAndIssue(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED)
                .hasNotPassed(USER_TASK_TEST_APP, USER_TASK_TEST_CLOUD);
        assertThat(results.list(assessmentOf(instance).id())).extracting(CheckResult::itemId)
                .allMatch(itemId -> itemId.startsWith("DOC-") || itemId.startsWith("DEV-"));
    }

    @Test
    void reviewerRejectionSendsTheResultsBackToTheEngineers() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE, ProductComponent.CLOUD));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD));

        assertThatThrownBy(() -> review(instance, "REJECT", " "))
                .hasStackTraceContaining("A reason is required to send the report back.");
        review(instance, "REJECT", "DEV-03: the observation does not say how UART was probed");

        assertThat(instance).isWaitingAt(USER_TASK_REVISE_RESULTS);
        assertThat(scenario.task(instance, USER_TASK_REVISE_RESULTS)).hasCandidateGroup("engineers");
        assertThat(flagged(instance)).hasSize(7 + 5 + 5).contains("DOC-01", "DEV-03", "CLD-05").doesNotContain("APP-01");
        Map<String, Object> revised = Verdicts.allPass(inScope(Step.DOCUMENTATION, Step.DEVICE, Step.CLOUD))
                .judge("DEV-03", "PASS", "UART pads probed with a logic analyser: no console output").variables();
        scenario.complete(instance, USER_TASK_REVISE_RESULTS, ENGINEER, "engineers", revised);

        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        approveAndIssue(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        assertThat(assessments.get(assessmentOf(instance).id()).reviewedBy()).isEqualTo(REVIEWER);
        assertThat(service().latestResults(assessmentOf(instance).id()).get("DEV-03").observation())
                .startsWith("UART pads probed");
    }

    @Test
    void engineerWhoTestedCannotReviewTheReport() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        Map<String, Object> approve = Map.of(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE");

        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_REVIEW_REPORT, ENGINEER, "reviewers", approve))
                .hasStackTraceContaining("Four eyes: eng1 recorded verdicts");
        assertThatThrownBy(() -> scenario.claim(instance, USER_TASK_REVIEW_REPORT, ENGINEER))
                .hasStackTraceContaining("Four eyes: eng1 recorded verdicts");
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        assertThat(scenario.task(instance, USER_TASK_REVIEW_REPORT)).isNotAssigned();

        scenario.claim(instance, USER_TASK_REVIEW_REPORT, REVIEWER);
        scenario.complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, "reviewers", approve);
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_FINAL_REPORT);
    }

    @Test
    void anEngineerWhoseVerdictWasLaterReplacedIsStillKeptFromTheReview() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).fail("DOC-01", "No diagram")
                        .with(AssessmentVariables.DOCUMENT_REQUEST.name(), "DOC-01").variables());
        scenario.complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "architecture.pdf"));
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, SECOND_ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).variables());
        receiveSamples(instance, SECOND_ENGINEER);
        scenario.complete(instance, USER_TASK_TEST_DEVICE, SECOND_ENGINEER, "engineers", allPass(Step.DEVICE).variables());

        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_REVIEW_REPORT, ENGINEER, "reviewers",
                Map.of(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE")))
                .hasStackTraceContaining("Four eyes: eng1 recorded verdicts");
    }

    @Test
    void aRevisionThatFindsAFailureGoesToRectification() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_DEVICE, allPass(Step.DEVICE));
        review(instance, "REJECT", "DEV-03 was not probed at all");
        scenario.complete(instance, USER_TASK_REVISE_RESULTS, SECOND_ENGINEER, "engineers",
                Verdicts.allPass(inScope(Step.DOCUMENTATION, Step.DEVICE))
                        .fail("DEV-03", "UART console open at 115200 baud").variables());

        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_ISSUE_LIST);
        scenario.executeDueJobs(instance);
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        long id = assessmentOf(instance).id();
        assertThat(findings.listRound(id, 1)).extracting(Finding::itemId).containsExactly("DEV-03");
        assertThat(service().events(id)).filteredOn(event -> event.kind() == AssessmentEvent.Kind.REPORT_REVIEW)
                .extracting(AssessmentEvent::kind, AssessmentEvent::decision, AssessmentEvent::text)
                .containsExactly(Tuple.tuple(AssessmentEvent.Kind.REPORT_REVIEW, "REJECT",
                        "DEV-03 was not probed at all"));
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys(AssessmentVariables.REVIEW_DECISION.name(), AssessmentVariables.REJECTION_REASON.name());
    }

    @Test
    void afterThreeFailedRetestsTheLabManagerGrantsOneMoreRound() {
        ProcessInstance instance = failThreeRetests();
        scenario.complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, "lab-managers",
                Map.of(AssessmentVariables.FURTHER_ROUND_DECISION.name(), "EXTEND",
                        AssessmentVariables.DECISION_REASON.name(), "Root cause found; fix is in review"));

        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), AssessmentVariables.RETEST_LIMIT.name()))
                .isEqualTo(4);
        assertThat(assessmentOf(instance).retestLimit()).isEqualTo(4);

        // The fourth retest fails too: the lab manager decides again, on an empty form.
        rectify(instance, "2025.09", "CLD-04", "Load balancer replaced");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().fail("CLD-04", "Still TLS 1.0"));
        scenario.executeDueJobs(instance);
        assertThat(instance).isWaitingAt(USER_TASK_DECIDE_FURTHER_ROUND);
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, "lab-managers", Map.of()))
                .hasStackTraceContaining("判断: 選んでください。 理由: 入力してください。")
                .hasStackTraceContaining("Not recorded, correct and submit again: Decision: is required. Choose one. "
                        + "Reason: is required. Fill it in.");
        scenario.complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, "lab-managers",
                Map.of(AssessmentVariables.FURTHER_ROUND_DECISION.name(), "EXTEND",
                        AssessmentVariables.DECISION_REASON.name(), "Vendor replaced the TLS library"));

        rectify(instance, "2025.10", "CLD-04", "New TLS library");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));
        approveAndIssue(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_COMPLETED);
        long id = assessmentOf(instance).id();
        assertThat(rounds.list(id)).hasSize(6);
        assertThat(service().events(id)).filteredOn(e -> e.kind() == AssessmentEvent.Kind.FURTHER_ROUND)
                .extracting(AssessmentEvent::decision, AssessmentEvent::actor).containsOnly(
                        Tuple.tuple("EXTEND", LAB_MANAGER));
    }

    @Test
    void afterThreeFailedRetestsTheLabManagerTerminatesTheAssessment() throws IOException {
        ProcessInstance instance = failThreeRetests();
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, "lab-managers",
                Map.of(AssessmentVariables.FURTHER_ROUND_DECISION.name(), "MAYBE")))
                .hasStackTraceContaining("Decision: must be one of EXTEND, TERMINATE, was 'MAYBE'");

        scenario.complete(instance, USER_TASK_DECIDE_FURTHER_ROUND, LAB_MANAGER, "lab-managers",
                Map.of(AssessmentVariables.FURTHER_ROUND_DECISION.name(), "TERMINATE",
                        AssessmentVariables.DECISION_REASON.name(), "Design flaw in the TLS stack"));
        assertThat(assessmentOf(instance).status()).isEqualTo(AssessmentStatus.TERMINATED);
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_TERMINATION_LETTER);
        scenario.executeDueJobs(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ASSESSMENT_TERMINATED)
                .hasNotPassed(USER_TASK_REVIEW_REPORT);
        Assessment ended = assessmentOf(instance);
        // The signed notice says what did not pass in the last round, and why the lab ended it.
        StoredReport notice = reports.findLatest(ended.id(), ReportKind.TERMINATION).orElseThrow();
        assertThat(SignedPdfs.signature(notice.content()).intact()).isTrue();
        assertThat(SignedPdfs.qrCodes(notice.content(), 0)).singleElement().asString().contains("/verify/");
        String text = pdfText(notice.content());
        assertThat(text).contains("評価終了通知書", "TerminationNotice", "DesignflawintheTLSstack", "CLD-04",
                "適合と判定されなかった項目/Itemsthatdidnotpass(1)", "不合格/Failed", ended.reference());
        assertThat(text).doesNotContain("FAILED", "CLOSED", "RETEST_FAILED");
        assertThat(ended.status()).isEqualTo(AssessmentStatus.TERMINATED);
        assertThat(ended.endReason()).isEqualTo("Design flaw in the TLS stack");
        assertThat(findings.list(ended.id())).hasSize(4).allSatisfy(f -> assertThat(f.status()).isEqualTo(FindingStatus.CLOSED));
        assertThat(reports.findLatest(ended.id(), ReportKind.FINAL)).isEmpty();
        // The lab manager was asked to decide, the manufacturer told of the end; no mail server here: kept, not sent.
        assertThat(outbox.ofAssessment(ended.id())).extracting(OutboxMail::kind, OutboxMail::recipientUser, OutboxMail::state)
                .contains(Tuple.tuple(MailKind.FURTHER_ROUND_DECISION, LAB_MANAGER, OutboxMail.State.HELD),
                        Tuple.tuple(MailKind.ASSESSMENT_TERMINATED, MANUFACTURER, OutboxMail.State.HELD));
        assertThat(outbox.ofAssessment(ended.id())).filteredOn(mail -> mail.kind() == MailKind.ASSESSMENT_TERMINATED)
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains("Maker Taro 様",
                        "適合と判定されずに終了しました", "Dear Taro Maker,", "ended without a pass",
                        "評価終了通知書 (PDF)", "/lab/assessments/" + ended.id() + "/reports/termination"));
    }

    @Test
    void overdueDocumentsAreEscalatedWhileTheManufacturersTaskStaysOpen() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.DEVICE));
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).fail("DOC-02", "Binding flow unreadable")
                        .with(AssessmentVariables.DOCUMENT_REQUEST.name(), "A legible DOC-02").variables());
        Date due = (Date) engine.getRuntimeService().getVariable(instance.getId(), AssessmentVariables.DOCUMENTS_DUE_DATE.name());

        expectEscalationAt(instance, due, "DOCUMENTS");
        assertThat(instance).isWaitingAt(USER_TASK_SUPPLY_DOCUMENTS).hasPassed(SERVICE_TASK_ESCALATE_OVERDUE_DOCUMENTS);
    }

    @Test
    void overdueRectificationIsEscalatedWhileTheManufacturersTaskStaysOpen() {
        ProcessInstance instance = failCloudInRoundOne();
        Date due = (Date) engine.getRuntimeService().getVariable(instance.getId(), AssessmentVariables.RECTIFICATION_DUE_DATE.name());

        expectEscalationAt(instance, due, "RECTIFICATION");
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION).hasPassed(SERVICE_TASK_ESCALATE_OVERDUE_RECTIFICATION);
    }

    @Test
    void verdictOtherThanPassFailOrNaIsRefusedAndNothingIsRecorded() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.CLOUD));
        passDocumentation(instance);
        long id = assessmentOf(instance).id();

        assertThatThrownBy(() -> test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).judge("CLD-02", "MAYBE", "unsure")))
                .hasStackTraceContaining(item("CLD-02") + ": must be one of PASS, FAIL, NA, was 'MAYBE'. Choose one of them.");
        assertThatThrownBy(() -> test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).judge("CLD-02", "NA", null)))
                .hasStackTraceContaining(catalog.get("CLD-02").name().ja() + ": 対象外（NA）には所見が必要です。")
                .hasStackTraceContaining(item("CLD-02") + ": an NA needs an observation. Write why the item does not apply, then complete.");
        assertThatThrownBy(() -> test(instance, USER_TASK_TEST_CLOUD, Verdicts.none().pass("CLD-01")))
                .hasStackTraceContaining(item("CLD-02") + ": a verdict is required (PASS, FAIL or NA). Choose one.");

        assertThat(instance).isWaitingAt(USER_TASK_TEST_CLOUD);
        assertThat(results.list(id)).noneMatch(result -> result.itemId().startsWith("CLD-"));
    }

    // ---- steps of the scenarios ----

    @Test
    void eachFormCarriesItsStepsHistoryFromTheAppsTables() {
        ProcessInstance instance = failCloudInRoundOne();
        long id = assessmentOf(instance).id();
        // The manufacturer: the finding with what the engineer saw, what to fix, and the round's issue list.
        assertThat(contextOf(instance, USER_TASK_SUBMIT_RECTIFICATION)).contains("CLD-04", "TLS 1.0 is accepted",
                "求める是正 / Required fix", "/lab/assessments/" + id + "/reports/issue-list/1");

        rectify(instance, "2025.04", "CLD-04", "Only TLS 1.2 and 1.3 remain");
        // The engineer retesting: the previous observation, the response and the versions now under test.
        assertThat(contextOf(instance, USER_TASK_RETEST_ITEMS)).contains("前回の所見 / Previous observation: TLS 1.0 is accepted",
                "製造事業者の回答 / Manufacturer's response: Only TLS 1.2 and 1.3 remain", "クラウド / cloud 2025.04",
                "DOC-05 key management v1.1");
        test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().pass("CLD-04"));

        // The reviewer: the overall result, the rounds with their issue lists, the draft and who tested.
        assertThat(contextOf(instance, USER_TASK_REVIEW_REPORT)).contains("12 項目 / items: 12 合格 / PASS", "0 不合格 / FAIL",
                "/lab/assessments/" + id + "/reports/draft", "Round 1: 不合格 / Failed", "Tested by: eng1");

        // Sent back for CLD-04 only: the revision shows the reason and that item, and opens only it.
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, "reviewers", Map.of(
                AssessmentVariables.REVIEW_DECISION.name(), "REJECT", AssessmentVariables.REJECTION_REASON.name(), "x",
                AssessmentVariables.ITEMS_IN_QUESTION.name(), "CLD-04, DEV-01")))
                .hasStackTraceContaining("DEV-01 is not an item of this assessment");
        scenario.complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, "reviewers", Map.of(
                AssessmentVariables.REVIEW_DECISION.name(), "REJECT",
                AssessmentVariables.REJECTION_REASON.name(), "The CLD-04 observation does not name the cipher suites",
                AssessmentVariables.ITEMS_IN_QUESTION.name(), "cld-04"));
        assertThat(instance).isWaitingAt(USER_TASK_REVISE_RESULTS);
        assertThat(flagged(instance)).containsExactly("CLD-04");
        assertThat(contextOf(instance, USER_TASK_REVISE_RESULTS)).contains(
                "The CLD-04 observation does not name the cipher suites", "見直す項目 / Items in question**: CLD-04")
                .doesNotContain("CLD-01");
    }

    @Test
    void theFurtherRoundDecisionShowsEveryRoundWhatFailedAndTheResponses() {
        ProcessInstance instance = failThreeRetests();
        long id = assessmentOf(instance).id();
        assertThat(contextOf(instance, USER_TASK_DECIDE_FURTHER_ROUND)).contains("Round 1: 不合格 / Failed",
                "Round 4: 不合格 / Failed", "Still TLS 1.0, attempt 3", "回答 / Response: Attempt 2",
                "/lab/assessments/" + id + "/reports/issue-list/4");
    }

    private String contextOf(ProcessInstance instance, String taskKey) {
        return (String) engine.getTaskService().getVariable(scenario.task(instance, taskKey).getId(),
                AssessmentVariables.TASK_CONTEXT.name());
    }

    private Verdicts allPass(Step step) {
        return Verdicts.allPass(catalog.itemsOf(step));
    }

    private List<CheckItem> inScope(Step... steps) {
        return List.of(steps).stream().flatMap(step -> catalog.itemsOf(step).stream()).toList();
    }

    /** The documentation passes; a device's samples are received, so that the tests of the scope are open. */
    private void passDocumentation(ProcessInstance instance) {
        scenario.complete(instance, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, "engineers",
                allPass(Step.DOCUMENTATION).variables());
        if (engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(USER_TASK_RECEIVE_SAMPLES).count() > 0) {
            receiveSamples(instance, ENGINEER);
        }
    }

    private void receiveSamples(ProcessInstance instance, String engineer) {
        scenario.complete(instance, USER_TASK_RECEIVE_SAMPLES, engineer, "engineers", Map.of(
                AssessmentVariables.SAMPLES_RECEIVED_ON.name(), new LabClock().now().toLocalDate().toString(),
                AssessmentVariables.SAMPLE_SERIALS.name(), "SLX1-0001\nSLX1-0002",
                AssessmentVariables.SAMPLE_HARDWARE_REVISION.name(), "Rev.C",
                AssessmentVariables.SAMPLE_FIRMWARE_VERSION.name(), "1.0.0"));
    }

    private void test(ProcessInstance instance, String taskKey, Verdicts verdicts) {
        scenario.complete(instance, taskKey, ENGINEER, "engineers", verdicts.variables());
    }

    private void review(ProcessInstance instance, String decision, String reason) {
        scenario.complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, "reviewers",
                Map.of(AssessmentVariables.REVIEW_DECISION.name(), decision,
                        AssessmentVariables.REJECTION_REASON.name(), reason));
    }

    private void approveAndIssue(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(USER_TASK_REVIEW_REPORT);
        scenario.complete(instance, USER_TASK_REVIEW_REPORT, REVIEWER, "reviewers",
                Map.of(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE"));
        assertThat(instance).isWaitingAt(SERVICE_TASK_GENERATE_FINAL_REPORT);
        scenario.executeDueJobs(instance);
    }

    private void rectify(ProcessInstance instance, String cloudVersion, String itemId, String response) {
        Map<String, Object> rectification = new HashMap<>(Map.of(
                AssessmentVariables.CLOUD_VERSION.name(), cloudVersion,
                AssessmentVariables.CHANGED_DOCUMENTS.name(), "DOC-05 key management v1.1"));
        ItemVariables.response(itemId).putInto(rectification, response);
        assertThatThrownBy(() -> scenario.complete(instance, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.CLOUD_VERSION.name(), cloudVersion)))
                .hasStackTraceContaining(item(itemId) + ": a response to the finding is required. Say what you fixed.");
        scenario.complete(instance, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, "manufacturers", rectification);
    }

    private ProcessInstance failCloudInRoundOne() {
        ProcessInstance instance = scenario.apply(application(ProductComponent.CLOUD));
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-04", "TLS 1.0 is accepted"));
        scenario.executeDueJobs(instance);
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        return instance;
    }

    private ProcessInstance failCloudApiAuthenticationInRoundOne(ProcessInstance instance) {
        passDocumentation(instance);
        test(instance, USER_TASK_TEST_CLOUD, allPass(Step.CLOUD).fail("CLD-02", "A user's token reads another user's devices"));
        scenario.executeDueJobs(instance);
        assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
        return instance;
    }

    /** Round 1 fails, then three retests fail: the lab manager must decide. */
    private ProcessInstance failThreeRetests() {
        ProcessInstance instance = failCloudInRoundOne();
        for (int retest = 1; retest <= 3; retest++) {
            assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_RECTIFICATION);
            rectify(instance, "2025.0" + (retest + 4), "CLD-04", "Attempt " + retest);
            test(instance, USER_TASK_RETEST_ITEMS, Verdicts.none().fail("CLD-04", "Still TLS 1.0, attempt " + retest));
            scenario.executeDueJobs(instance);
        }
        assertThat(instance).isWaitingAt(USER_TASK_DECIDE_FURTHER_ROUND);
        assertThat(scenario.task(instance, USER_TASK_DECIDE_FURTHER_ROUND)).hasCandidateGroup("lab-managers");
        return instance;
    }

    private void expectEscalationAt(ProcessInstance instance, Date due, String overdueWork) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(due);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .executable().count()).isZero();

        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .executable().count()).isOne();
        engine.getManagementService().executeJob(timer.getId());

        List<Notification> raised = notifications.list(assessmentOf(instance).id());
        assertThat(raised).extracting(Notification::kind, Notification::recipientGroup).containsExactly(
                Tuple.tuple(overdueWork + "_OVERDUE_REMINDER", "manufacturers"),
                Tuple.tuple(overdueWork + "_OVERDUE_ESCALATION", "lab-managers"));
        // And mailed: the reminder to the manufacturer's user, the escalation to the lab manager, once each.
        assertThat(outbox.ofAssessment(assessmentOf(instance).id()))
                .filteredOn(mail -> mail.kind() == MailKind.OVERDUE_REMINDER || mail.kind() == MailKind.ESCALATION)
                .extracting(OutboxMail::kind, OutboxMail::recipientUser).containsExactly(
                        Tuple.tuple(MailKind.OVERDUE_REMINDER, MANUFACTURER), Tuple.tuple(MailKind.ESCALATION, LAB_MANAGER));
    }

    private List<String> flagged(ProcessInstance instance) {
        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
        return catalog.items().stream().map(CheckItem::id)
                .filter(itemId -> Boolean.TRUE.equals(variables.get(ItemVariables.retest(itemId).name()))).toList();
    }

    /** A PDF's text without whitespace, so that line wrapping does not matter. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(document));
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A catalog item as refusals name it in English: "CLD-04 Certificate management and TLS configuration". */
    private String item(String itemId) {
        return catalog.get(itemId).name().en();
    }

    private Assessment assessmentOf(ProcessInstance instance) {
        return assessments.findByProcessInstance(instance.getId()).orElseThrow();
    }

    @Autowired AssessmentRecords assessmentService;

    private AssessmentRecords service() {
        return assessmentService;
    }
}
