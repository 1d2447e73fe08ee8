package jp.jcstar.lab.processadmin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.assessment.overview.TaskContexts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.assessment.process.RecordVerdictsListener;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.engine.ModelProperties;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The checks a model and its forms must pass before they may meet running assessments. One implementation serves
 * the engine (every new deployment), the command-line check and the test suite.
 */
public class ProcessModelValidator {

    /** Tasklist 7.24 renders Camunda Forms up to this schema version. */
    public static final int MAX_SCHEMA_VERSION = 16;
    public static final List<String> VERDICT_VALUES = List.of("PASS", "FAIL", "NA");
    /** A step's name, after the assessment's reference, product and company, still fits a task's name (255). */
    public static final int MAX_STEP_NAME = 80;
    /** The listener that writes a form's context; its task names the kind (TaskContexts.PROPERTY). */
    static final String TASK_CONTEXT_LISTENER = "${refreshTaskContextListener}";
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final Predicate<String> beanExists;
    private final List<String> knownGroups;

    public ProcessModelValidator(Catalog catalog, Predicate<String> beanExists, List<String> knownGroups) {
        this.catalog = catalog;
        this.beanExists = beanExists;
        this.knownGroups = knownGroups;
    }

    /**
     * Parses a Camunda Form; a form Tasklist cannot render is a problem, and so is one that shows other wording than
     * the current catalog's or other STAR levels than the app's ({@link FormContent}).
     */
    public FormCheck checkForm(String resource, byte[] content) {
        JsonNode schema;
        try {
            schema = JSON.readTree(content);
        } catch (IOException e) {
            return new FormCheck(null, List.of(new ModelProblem(resource, null, "not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
        List<ModelProblem> problems = new ArrayList<>();
        String id = schema.path("id").asText("");
        if (id.isBlank()) {
            problems.add(new ModelProblem(resource, null, "the form has no id, so no formRef can name it"));
        }
        if (!schema.path("components").isArray()) {
            problems.add(new ModelProblem(resource, id, "the form has no components"));
        }
        int version = schema.path("schemaVersion").asInt(-1);
        if (version < 1 || version > MAX_SCHEMA_VERSION) {
            problems.add(new ModelProblem(resource, id, "schemaVersion " + schema.path("schemaVersion")
                    + " cannot be rendered by Tasklist 7.24 (1 to " + MAX_SCHEMA_VERSION + ")"));
        }
        if (!problems.isEmpty()) {
            return new FormCheck(null, problems);
        }
        // A form that shows stale text is still a form: the models that reference it are checked against it as well.
        problems.addAll(FormContent.checkItems(resource, schema, catalog));
        problems.addAll(FormContent.checkStarLevels(resource, schema));
        return new FormCheck(schema, problems);
    }

    /**
     * @param forms               forms deployed together with the model, by form id
     * @param formAlreadyDeployed whether a form id is already deployed (enough for formRefBinding latest/version)
     */
    public List<ModelProblem> checkModel(String resource, BpmnModelInstance model, Map<String, JsonNode> forms,
                                         Predicate<String> formAlreadyDeployed) {
        List<ModelProblem> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(new ModelProblem(resource, process.getId(), "the process has no historyTimeToLive"));
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaClass() != null || task.getCamundaExpression() != null || task.getCamundaType() != null) {
                problems.add(new ModelProblem(resource, task.getId(),
                        "a service task must name a bean with a delegate expression ${beanName}"));
            } else {
                checkBean(resource, task.getId(), task.getCamundaDelegateExpression(), problems);
            }
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            problems.add(new ModelProblem(resource, task.getId(), "script tasks are not allowed; use a service task"));
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            checkBean(resource, owner(listener), listener.getCamundaDelegateExpression(), problems);
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkBean(resource, owner(listener), listener.getCamundaDelegateExpression(), problems);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkUserTask(resource, task, forms, formAlreadyDeployed, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
                checkStartForm(resource, start, forms, formAlreadyDeployed, problems);
            }
        }
        return problems;
    }

    /** Who works on the task, its bilingual name, its form and the items the form records, the context it shows. */
    private void checkUserTask(String resource, UserTask task, Map<String, JsonNode> forms,
                               Predicate<String> formAlreadyDeployed, List<ModelProblem> problems) {
        checkStepName(resource, task, problems);
        List<String> groups = task.getCamundaCandidateGroupsList();
        if (groups.isEmpty()) {
            problems.add(new ModelProblem(resource, task.getId(), "the user task has no candidate group (one of "
                    + String.join(", ", knownGroups) + ")"));
        }
        groups.stream().filter(group -> !knownGroups.contains(group)).forEach(group -> problems.add(
                new ModelProblem(resource, task.getId(), "candidate group '" + group + "' is not one of "
                        + String.join(", ", knownGroups))));
        JsonNode form = checkFormRef(resource, task.getId(), task.getCamundaFormRef(),
                task.getCamundaFormRefBinding(), forms, formAlreadyDeployed, problems);
        ModelProperties.find(task, RecordVerdictsListener.CHECK_ITEMS).ifPresent(checkItems ->
                checkItemsInForm(resource, task, checkItems, form, problems));
        checkTaskContext(resource, task, problems);
    }

    /** The start form is deployed and asks for the STAR level. */
    private void checkStartForm(String resource, StartEvent start, Map<String, JsonNode> forms,
                                Predicate<String> formAlreadyDeployed, List<ModelProblem> problems) {
        JsonNode form = checkFormRef(resource, start.getId(), start.getCamundaFormRef(),
                start.getCamundaFormRefBinding(), forms, formAlreadyDeployed, problems);
        if (form != null && !FormContent.asksForStarLevel(form)) {
            problems.add(new ModelProblem(resource, start.getId(), Bilingual.of("開始フォーム '"
                    + start.getCamundaFormRef() + "' に対象レベルの選択欄（キー " + AssessmentVariables.STAR_LEVEL.name()
                    + "）がありません。", "start form '" + start.getCamundaFormRef() + "' does not ask for the "
                    + "STAR level (a field with the key " + AssessmentVariables.STAR_LEVEL.name() + ").")));
        }
    }

    /** A task whose form shows its step's history names which history (RefreshTaskContextListener). */
    private static void checkTaskContext(String resource, UserTask task, List<ModelProblem> problems) {
        String kinds = Arrays.stream(TaskContexts.Kind.values()).map(Enum::name).collect(Collectors.joining(", "));
        boolean writesContext = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(listener -> TASK_CONTEXT_LISTENER.equals(listener.getCamundaDelegateExpression()));
        ModelProperties.find(task, TaskContexts.PROPERTY).ifPresentOrElse(kind -> {
            if (Arrays.stream(TaskContexts.Kind.values()).noneMatch(known -> known.name().equals(kind))) {
                problems.add(new ModelProblem(resource, task.getId(), TaskContexts.PROPERTY + " '" + kind
                        + "' is not one of " + kinds));
            }
        }, () -> {
            if (writesContext) {
                problems.add(new ModelProblem(resource, task.getId(), TASK_CONTEXT_LISTENER + " needs the extension "
                        + "property " + TaskContexts.PROPERTY + " (one of " + kinds + ")"));
            }
        });
    }

    /** People read a task by its step's name in both languages; the app puts the assessment in front (TaskNames). */
    private static void checkStepName(String resource, UserTask task, List<ModelProblem> problems) {
        String name = task.getName();
        if (blank(name) || !Bilingual.isBilingual(name)) {
            problems.add(new ModelProblem(resource, task.getId(), "the user task needs a name in Japanese and English, "
                    + "written like \"クラウド試験 / Test cloud\""));
        } else if (name.length() > MAX_STEP_NAME) {
            problems.add(new ModelProblem(resource, task.getId(), "the name has more than " + MAX_STEP_NAME
                    + " characters; the task list puts the assessment's reference, product and company before it"));
        }
    }

    private void checkBean(String resource, String element, String expression, List<ModelProblem> problems) {
        if (expression == null) {
            problems.add(new ModelProblem(resource, element, "needs a delegate expression ${beanName}"));
            return;
        }
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.strip());
        if (!matcher.matches()) {
            problems.add(new ModelProblem(resource, element, "delegate expression " + expression
                    + " must name a bean as ${beanName}"));
        } else if (!beanExists.test(matcher.group(1))) {
            problems.add(new ModelProblem(resource, element, "no bean named '" + matcher.group(1) + "' exists"));
        }
    }

    private static JsonNode checkFormRef(String resource, String element, String formRef, String binding,
                                         Map<String, JsonNode> forms, Predicate<String> formAlreadyDeployed,
                                         List<ModelProblem> problems) {
        if (blank(formRef)) {
            problems.add(new ModelProblem(resource, element, "has no formRef; every user task needs a Camunda Form"));
            return null;
        }
        JsonNode form = forms.get(formRef);
        boolean deploymentBinding = binding == null || "deployment".equals(binding);
        if (form == null && (deploymentBinding || !formAlreadyDeployed.test(formRef))) {
            problems.add(new ModelProblem(resource, element, "form '" + formRef + "' is not "
                    + (deploymentBinding ? "in this deployment (formRefBinding deployment)" : "deployed")));
        }
        return form;
    }

    private void checkItemsInForm(String resource, UserTask task, String checkItems, JsonNode form,
                                  List<ModelProblem> problems) {
        List<CheckItem> items;
        if (RecordVerdictsListener.FLAGGED.equals(checkItems)) {
            items = catalog.items();
        } else if (Arrays.stream(Step.values()).anyMatch(step -> step.name().equals(checkItems))) {
            items = catalog.itemsOf(Step.valueOf(checkItems));
        } else {
            problems.add(new ModelProblem(resource, task.getId(), "checkItems '" + checkItems
                    + "' is not a step (DOCUMENTATION, DEVICE, APP, CLOUD) or FLAGGED"));
            return;
        }
        if (form == null) {
            return; // a form deployed earlier was checked when it was deployed
        }
        for (CheckItem item : items) {
            String verdictKey = ItemVariables.verdict(item.id()).name();
            String observationKey = ItemVariables.observation(item.id()).name();
            JsonNode verdict = FormContent.field(form, verdictKey).orElse(null);
            if (verdict == null) {
                problems.add(new ModelProblem(resource, task.getId(), "form '" + task.getCamundaFormRef()
                        + "' has no field " + verdictKey + " for catalog item " + item.id()));
                continue;
            }
            if (!verdict.path("values").findValuesAsText("value").equals(VERDICT_VALUES)) {
                problems.add(new ModelProblem(resource, task.getId(), verdictKey
                        + " must offer exactly the values PASS, FAIL, NA"));
            }
            if (FormContent.field(form, observationKey).isEmpty()) {
                problems.add(new ModelProblem(resource, task.getId(), "form '" + task.getCamundaFormRef()
                        + "' has no field " + observationKey + " for catalog item " + item.id()));
            }
        }
    }

    private static String owner(ModelElementInstance element) {
        for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A parsed form (null when it cannot be read as a form Tasklist renders) and what is wrong with it. */
    public record FormCheck(JsonNode schema, List<ModelProblem> problems) {
    }
}
