package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process administrator changes the process while assessments run: deploys through /engine-rest as Camunda
 * Modeler does, is refused for broken models, and moves running assessments with the migration API.
 */
@WebAppTest
class ProcessVersionTest {

    static final String BPMN = "bpmn/jcstar-assessment.bpmn";

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired AssessmentRepository assessments;
    @Autowired CatalogRepository catalogs;

    LabApi api;
    Catalog catalog;
    final List<String> testDeployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        catalog = catalogs.current();
    }

    /** Other test classes share this engine: they must find the repository's version as the latest again. */
    @AfterEach
    void removeTestVersions() {
        testDeployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void aValidChangeDeploysAsANewVersionWhileRunningAssessmentsKeepTheirs() throws IOException {
        long running = apply();
        String before = definitionOf(running);
        int latest = latestVersion();

        deploy(bpmn -> bpmn.replace("name=\"ドキュメントレビュー / Review documentation\"",
                "name=\"ドキュメントレビュー / Review the documentation\""), form -> form);

        assertThat(latestVersion()).isEqualTo(latest + 1);
        assertThat(definitionOf(running)).isEqualTo(before);
        api.complete(running, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        assertThat(api.activeSteps(running, ENGINEER)).containsExactly(USER_TASK_RECEIVE_SAMPLES);
        assertThat(definitionOf(running)).isEqualTo(before);
        assertThat(apply()).satisfies(fresh -> assertThat(definitionOf(fresh)).isNotEqualTo(before));
    }

    static Stream<Arguments> brokenChanges() {
        UnaryOperator<String> same = text -> text;
        return Stream.of(
                Arguments.of("a delegate naming a missing bean",
                        (UnaryOperator<String>) bpmn -> bpmn.replace("${evaluateRoundDelegate}", "${evaluateRoundsDelegate}"), same,
                        "[serviceTask_evaluateRound]: no bean named 'evaluateRoundsDelegate' exists"),
                Arguments.of("a missing form",
                        (UnaryOperator<String>) bpmn -> bpmn.replace("camunda:formRef=\"form_testCloud\"", "camunda:formRef=\"form_cloudTests\""), same,
                        "[userTask_testCloud]: form 'form_cloudTests' is not in this deployment"),
                Arguments.of("a form missing a catalog item", same,
                        (UnaryOperator<String>) form -> form.replace("\"verdict_CLD_05\"", "\"verdict_CLD_5\""),
                        "[userTask_testCloud]: form 'form_testCloud' has no field verdict_CLD_05 for catalog item CLD-05"),
                Arguments.of("a user task without candidate group",
                        (UnaryOperator<String>) bpmn -> bpmn.replace(" camunda:candidateGroups=\"reviewers\"", ""), same,
                        "[userTask_reviewReport]: the user task has no candidate group"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("brokenChanges")
    void aBrokenChangeIsRefusedNamingTheElementAndNothingIsDeployed(String change, UnaryOperator<String> bpmnChange,
                                                                     UnaryOperator<String> formChange, String message)
            throws IOException {
        long deployments = repositoryService.createDeploymentQuery().count();

        LabApi.Reply refused = api.deploy("admin", WebAppTest.ADMIN_PASSWORD, "broken", files(bpmnChange, formChange));

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains(BPMN.substring(5) + " " + message);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aDecisionTableIsRefusedInWordsRatherThanSilentlySkipped() throws IOException {
        long deployments = repositoryService.createDeploymentQuery().count();
        Map<String, byte[]> files = files(b -> b, f -> f);
        files.put("retest-limit.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="limits" name="Limits"
                             namespace="http://camunda.org/schema/1.0/dmn"/>
                """.getBytes());

        LabApi.Reply refused = api.deploy("admin", WebAppTest.ADMIN_PASSWORD, "with a decision", files);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("retest-limit.dmn",
                "意思決定表（DMN）とケース（CMMN）はデプロイできません", "decision tables (DMN) and cases (CMMN) are not deployed");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void onlyAProcessAdministratorMayDeploy() throws IOException {
        long deployments = repositoryService.createDeploymentQuery().count();
        LabApi.Reply byEngineer = api.deploy(ENGINEER, LabApi.PASSWORD, "by an engineer", files(b -> b, f -> f));
        assertThat(byEngineer.status()).as(byEngineer.text()).isEqualTo(403);
        assertThat(api.deploy(MANUFACTURER, LabApi.PASSWORD, "by a manufacturer", files(b -> b, f -> f)).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/process-versions/migrate", ENGINEER, Map.of()).status()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aDryRunReportsPerAssessmentWhetherItCanMoveAndMovesNothing() throws IOException {
        long reviewing = apply();
        long waitingForDocuments = apply();
        api.complete(waitingForDocuments, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).fail("DOC-07", "missing")
                        .with("documentRequest", "DOC-07 threat model").variables());
        String v1 = definitionOf(reviewing);
        // Version 2 renames the manufacturer's document task: an assessment waiting there has nowhere to go.
        deploy(bpmn -> bpmn.replace(USER_TASK_SUPPLY_DOCUMENTS, "userTask_provideDocuments"), form -> form);

        JsonNode report = api.post("/api/admin/process-versions/migrate", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("assessmentIds", List.of(reviewing, waitingForDocuments))).json();

        assertThat(report.path("dryRun").asBoolean()).isTrue();
        JsonNode movable = outcomeOf(report, reviewing);
        assertThat(movable.path("canMigrate").asBoolean()).isTrue();
        assertThat(movable.path("migrated").asBoolean()).isFalse();
        assertThat(movable.path("toVersion").asInt()).isEqualTo(movable.path("fromVersion").asInt() + 1);
        JsonNode stuck = outcomeOf(report, waitingForDocuments);
        assertThat(stuck.path("canMigrate").asBoolean()).isFalse();
        assertThat(stuck.path("activities").toString()).contains(USER_TASK_SUPPLY_DOCUMENTS);
        assertThat(stuck.path("reason").asText()).contains(USER_TASK_SUPPLY_DOCUMENTS);
        assertThat(definitionOf(reviewing)).isEqualTo(v1);
        assertThat(definitionOf(waitingForDocuments)).isEqualTo(v1);
    }

    @Test
    void aMigratedAssessmentCompletesOnTheNewVersion() throws IOException {
        long moving = apply();
        long staying = apply();
        String v1 = definitionOf(moving);
        deploy(bpmn -> bpmn.replace("name=\"報告書レビュー / Review report\"",
                "name=\"報告書レビュー / Review the final report\""), form -> form);

        JsonNode report = api.post("/api/admin/process-versions/migrate", "admin", WebAppTest.ADMIN_PASSWORD,
                Map.of("dryRun", false, "assessmentIds", List.of(moving))).json();
        assertThat(outcomeOf(report, moving).path("migrated").asBoolean()).isTrue();
        String v2 = definitionOf(moving);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(definitionOf(staying)).isEqualTo(v1);

        api.complete(moving, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(moving, ENGINEER, "1.0.0");
        api.complete(moving, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DEVICE)).variables());
        api.complete(moving, USER_TASK_REVIEW_REPORT, REVIEWER, Map.of("reviewDecision", "APPROVE"));
        api.awaitAssessment(moving, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
        String processInstanceId = assessments.get(moving).processInstanceId();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getProcessDefinitionId()).isEqualTo(v2);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(USER_TASK_REVIEW_REPORT).singleResult().getName()).isEqualTo(assessments.get(moving).reference()
                + " スマートスピーカー S1 (株式会社サンプル電機): 報告書レビュー / Review the final report");
    }

    /** An application whose documents are supplied: the assessment waits at the documentation review. */
    private long apply() {
        LabApi.Reply reply = api.post("/api/assessments", MANUFACTURER, Map.of(
                "productName", "スマートスピーカー S1", "modelNumbers", "SS-1", "firmwareVersion", "1.0",
                "starLevel", "STAR-1", "scope", List.of("DEVICE")));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        long id = reply.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        return id;
    }

    private void deploy(UnaryOperator<String> bpmnChange, UnaryOperator<String> formChange) throws IOException {
        LabApi.Reply deployed = api.deploy("admin", WebAppTest.ADMIN_PASSWORD, "changed process", files(bpmnChange, formChange));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        testDeployments.add(deployed.json().path("id").asText());
    }

    /** The repository's model and forms, changed as a process administrator would in Modeler. */
    private static Map<String, byte[]> files(UnaryOperator<String> bpmnChange, UnaryOperator<String> formChange)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BPMN.substring(5), bpmnChange.apply(Files.readString(Path.of(BPMN))).getBytes());
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.sorted().toList()) {
                files.put(form.getFileName().toString(), formChange.apply(Files.readString(form)).getBytes());
            }
        }
        return files;
    }

    private String definitionOf(long assessmentId) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId(assessments.get(assessmentId).processInstanceId()).singleResult().getProcessDefinitionId();
    }

    private int latestVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AssessmentProcess.PROCESS_KEY)
                .latestVersion().singleResult().getVersion();
    }

    private JsonNode outcomeOf(JsonNode report, long assessmentId) {
        String reference = assessments.get(assessmentId).reference();
        for (JsonNode outcome : report.path("assessments")) {
            if (outcome.path("reference").asText().equals(reference)) {
                return outcome;
            }
        }
        throw new AssertionError(reference + " is not in the report " + report);
    }
}
