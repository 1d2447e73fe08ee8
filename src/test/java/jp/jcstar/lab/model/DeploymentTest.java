package jp.jcstar.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.ProcessEngineTest;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the app deploys at start-up: the process with every form it references, in the same deployment. */
@ProcessEngineTest
class DeploymentTest {

    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;

    @Test
    void everyFormTheProcessReferencesIsDeployedWithIt() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(AssessmentProcess.PROCESS_KEY).latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);

        Set<String> deployedFormIds = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                try (InputStream content = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
                    deployedFormIds.add(json.readTree(content).path("id").asText());
                }
            }
        }
        var model = repositoryService.getBpmnModelInstance(definition.getId());
        model.getModelElementsByType(UserTask.class).forEach(task ->
                assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(deployedFormIds));
        model.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
                .forEach(start -> assertThat(start.getCamundaFormRef()).isIn(deployedFormIds));

        // The engine itself resolves the start form, as Tasklist asks for it.
        try (InputStream startForm = formService.getDeployedStartForm(definition.getId())) {
            assertThat(json.readTree(startForm).path("id").asText()).isEqualTo("form_application");
        }
    }
}
