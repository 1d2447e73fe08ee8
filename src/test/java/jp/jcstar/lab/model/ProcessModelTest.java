package jp.jcstar.lab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.processadmin.ModelCheck;
import jp.jcstar.lab.processadmin.ModelProblem;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in bpmn/ and forms/ as the repository holds them passes the checks a deployment must pass (the same
 * code the engine runs on every deployment), plus the conventions of STYLE.md. No Spring context.
 */
class ProcessModelTest {

    static final List<String> ID_PREFIXES = List.of("startEvent_", "endEvent_", "boundaryEvent_", "userTask_",
            "serviceTask_", "gateway_", "flow_");

    @Test
    void theRepositorysModelsAndFormsPassTheDeploymentChecks() throws IOException {
        List<ModelProblem> problems = ModelCheck.check(Path.of("bpmn"), Path.of("forms"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksFindABrokenCopy(@TempDir Path copy) throws IOException {
        Path bpmn = Files.createDirectories(copy.resolve("bpmn"));
        Path forms = Files.createDirectories(copy.resolve("forms"));
        Files.writeString(bpmn.resolve("p.bpmn"), Files.readString(Path.of("bpmn/jcstar-assessment.bpmn"))
                .replace("${evaluateRoundDelegate}", "${evaluateRoundsDelegate}")
                .replace("camunda:candidateGroups=\"reviewers\"", "camunda:candidateGroups=\"reviewer\"")
                .replace("name=\"デバイス試験 / Test device\"", "name=\"Test device\"")
                .replace("name=\"アプリ試験 / Test app\"", "name=\"アプリ試験 / " + "Test the app ".repeat(6) + "\"")
                .replace("name=\"taskContext\" value=\"DECISION\"", "name=\"taskContext\" value=\"DECIDE\"")
                .replace("<camunda:property name=\"taskContext\" value=\"REVIEW\" />", ""));
        try (var files = Files.list(Path.of("forms"))) {
            for (Path form : files.toList()) {
                Files.writeString(forms.resolve(form.getFileName()), Files.readString(form)
                        .replace("\"verdict_CLD_05\"", "\"verdict_CLD_5\""));
            }
        }
        assertThat(ModelCheck.check(bpmn, forms)).extracting(ModelProblem::element, ModelProblem::problem)
                .contains(
                        tuple("serviceTask_evaluateRound", "no bean named 'evaluateRoundsDelegate' exists"),
                        tuple("userTask_reviewReport",
                                "candidate group 'reviewer' is not one of manufacturers, engineers, reviewers, lab-managers"),
                        tuple("userTask_testCloud",
                                "form 'form_testCloud' has no field verdict_CLD_05 for catalog item CLD-05"),
                        tuple("userTask_testDevice",
                                "the user task needs a name in Japanese and English, written like \"クラウド試験 / Test cloud\""),
                        tuple("userTask_testApp", "the name has more than 80 characters; "
                                + "the task list puts the assessment's reference, product and company before it"),
                        tuple("userTask_decideFurtherRound", "taskContext 'DECIDE' is not "
                                + "one of RECTIFICATION, RETEST, REVISION, DECISION, REVIEW, SAMPLES"),
                        tuple("userTask_reviewReport", "${refreshTaskContextListener} needs "
                                + "the extension property taskContext (one of RECTIFICATION, RETEST, REVISION, DECISION, "
                                + "REVIEW, SAMPLES)"));
    }

    @Test
    void theRetestFormShowsAnItemOnlyWhenItIsFlagged() throws IOException {
        Catalog catalog = ModelCheck.catalogOfMigrations();
        JsonNode retest = new ObjectMapper().readTree(Path.of("forms/retest-items.form").toFile());
        catalog.items().forEach(item -> {
            assertThat(retest.path("components").findParents("key").stream()
                    .filter(c -> c.path("key").asText().equals(ItemVariables.verdict(item.id()).name())).findFirst()
                    .orElseThrow().path("conditional").path("hide").asText())
                    .isEqualTo("=" + ItemVariables.retest(item.id()).name() + " != true");
        });
    }

    @Test
    void theRectificationFormAsksAResponseForEveryItemOnlyWhenItIsFlagged() throws IOException {
        JsonNode rectification = new ObjectMapper().readTree(Path.of("forms/submit-rectification.form").toFile());
        ModelCheck.catalogOfMigrations().items().forEach(item -> {
            JsonNode response = rectification.path("components").findParents("key").stream()
                    .filter(c -> c.path("key").asText().equals(ItemVariables.response(item.id()).name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no response field for " + item.id()));
            assertThat(response.path("conditional").path("hide").asText())
                    .isEqualTo("=" + ItemVariables.retest(item.id()).name() + " != true");
        });
    }

    @Test
    void elementIdsAreReadableWithATypePrefix() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/jcstar-assessment.bpmn").toFile());
        model.getModelElementsByType(FlowElement.class).forEach(element -> assertThat(ID_PREFIXES)
                .as("%s has a type prefix", element.getId()).anyMatch(prefix -> element.getId().startsWith(prefix)));
    }
}
