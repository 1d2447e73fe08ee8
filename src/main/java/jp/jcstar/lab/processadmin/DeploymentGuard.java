package jp.jcstar.lab.processadmin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * Runs before the engine's own deployers on every new deployment (start-up auto-deployment, Modeler's Deploy
 * button, /engine-rest): a model or form that would break running assessments is refused with every problem named,
 * and nothing is deployed.
 */
public class DeploymentGuard implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);
    /** What the engine would deploy without its DMN and CMMN engines (application.yaml turns them off): nothing. */
    private static final Pattern UNSUPPORTED = Pattern.compile("\\.(dmn|cmmn)(11)?(\\.xml)?$");

    private final ApplicationContext context;

    public DeploymentGuard(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // an existing deployment loaded into the cache was checked when it was made
        }
        ProcessModelValidator validator = new ProcessModelValidator(context.getBean(CatalogRepository.class).current(),
                context::containsBean, Roles.WORKFLOW_GROUPS);
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, JsonNode> forms = new HashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (UNSUPPORTED.matcher(resource.getName()).find()) {
                problems.add(new ModelProblem(resource.getName(), null, Bilingual.of(
                        "このアプリは BPMN のプロセスと Camunda フォームだけを実行します。意思決定表（DMN）とケース（CMMN）は"
                                + "デプロイできません。判断はゲートウェイとフォームで表し、このファイルを外してください。",
                        "this app runs BPMN processes with Camunda Forms only: decision tables (DMN) and cases (CMMN) "
                                + "are not deployed. Model the decision with gateways and forms and leave this file out.")));
            }
            if (resource.getName().endsWith(".form")) {
                ProcessModelValidator.FormCheck check = validator.checkForm(resource.getName(), resource.getBytes());
                problems.addAll(check.problems());
                if (check.schema() != null) {
                    forms.put(check.schema().path("id").asText(), check.schema());
                }
            }
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                BpmnModelInstance model;
                try {
                    model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
                } catch (ModelException e) {
                    continue; // the engine's parser reports malformed XML with line and column
                }
                problems.addAll(validator.checkModel(resource.getName(), model, forms, this::formAlreadyDeployed));
            }
        }
        if (!problems.isEmpty()) {
            ModelRejectedException rejected = new ModelRejectedException(problems);
            log.warn("{}", rejected.getMessage());
            throw rejected;
        }
    }

    private boolean formAlreadyDeployed(String formId) {
        return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
    }
}
