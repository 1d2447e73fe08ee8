package jp.jcstar.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.process.ModelProperties;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

/**
 * Checks every file in bpmn/ and forms/ as a process administrator leaves them: delegates that exist, candidate
 * groups from the known roles, forms that exist and hold every catalog item of their step with PASS/FAIL/NA,
 * history time to live, readable element IDs, and forms Tasklist 7.24 can render. Fast: no Spring context, only
 * the catalog migrated into an in-memory H2.
 */
class ProcessModelTest {

    static final int MAX_TASKLIST_SCHEMA_VERSION = 16;
    static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    static final List<String> ID_PREFIXES = List.of("startEvent_", "endEvent_", "boundaryEvent_", "userTask_",
            "serviceTask_", "gateway_", "flow_");
    static final ObjectMapper JSON = new ObjectMapper();

    static Catalog catalog;
    static Set<String> beanNames;
    static Map<String, JsonNode> formsById;
    static List<BpmnModelInstance> models;

    @BeforeAll
    static void load() throws IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:model-test;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        catalog = new CatalogRepository(JdbcClient.create(dataSource)).current();

        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        beanNames = scanner.findCandidateComponents("jp.jcstar.lab").stream()
                .map((BeanDefinition definition) -> names.generateBeanName(definition, registry))
                .collect(Collectors.toSet());

        formsById = new HashMap<>();
        for (Path form : files("forms", ".form")) {
            JsonNode schema = JSON.readTree(form.toFile());
            assertThat(schema.path("id").asText()).as("%s has an id", form).isNotBlank();
            assertThat(formsById.put(schema.path("id").asText(), schema)).as("form id of %s is unique", form).isNull();
        }
        models = files("bpmn", ".bpmn").stream().map(path -> Bpmn.readModelFromFile(path.toFile())).toList();
        assertThat(models).isNotEmpty();
    }

    @Test
    void everyProcessIsExecutableWithHistoryTimeToLive() {
        allOf(Process.class).forEach(process -> {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", process.getId()).isNotBlank();
        });
    }

    @Test
    void everyServiceTaskAndListenerNamesABeanThatExists() {
        allOf(ServiceTask.class).forEach(task -> {
            assertThat(task.getCamundaClass()).as("%s uses camunda:class", task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as("%s uses an expression", task.getId()).isNull();
            assertThat(bean(task.getId(), task.getCamundaDelegateExpression())).isIn(beanNames);
        });
        allOf(CamundaTaskListener.class).forEach(listener ->
                assertThat(bean(owner(listener), listener.getCamundaDelegateExpression())).isIn(beanNames));
        allOf(CamundaExecutionListener.class).forEach(listener ->
                assertThat(bean(owner(listener), listener.getCamundaDelegateExpression())).isIn(beanNames));
    }

    @Test
    void everyUserTaskHasAKnownCandidateGroupAndADeployedForm() {
        allOf(UserTask.class).forEach(task -> {
            assertThat(task.getCamundaCandidateGroupsList()).as("%s candidate groups", task.getId()).isNotEmpty()
                    .allSatisfy(group -> assertThat(group).isIn(Roles.WORKFLOW_GROUPS));
            assertThat(task.getCamundaFormRef()).as("%s formRef", task.getId()).isIn(formsById.keySet());
        });
        allOf(StartEvent.class).stream().filter(start -> start.getParentElement() instanceof Process).forEach(start ->
                assertThat(start.getCamundaFormRef()).as("%s formRef", start.getId()).isIn(formsById.keySet()));
    }

    @Test
    void everyTestTaskFormHoldsEveryCatalogItemOfItsStepWithPassFailNa() {
        List<UserTask> testTasks = allOf(UserTask.class).stream()
                .filter(task -> ModelProperties.find(task, "checkItems").isPresent()).toList();
        assertThat(testTasks).extracting(task -> ModelProperties.find(task, "checkItems").orElseThrow())
                .contains("DOCUMENTATION", "DEVICE", "APP", "CLOUD", "FLAGGED");
        for (UserTask task : testTasks) {
            String checkItems = ModelProperties.find(task, "checkItems").orElseThrow();
            List<CheckItem> items = "FLAGGED".equals(checkItems) ? catalog.items() : catalog.itemsOf(Step.valueOf(checkItems));
            JsonNode form = formsById.get(task.getCamundaFormRef());
            for (CheckItem item : items) {
                JsonNode verdict = component(form, "verdict_" + item.id().replace('-', '_'));
                assertThat(verdict).as("%s: form %s lacks %s", task.getId(), task.getCamundaFormRef(), item.id()).isNotNull();
                assertThat(verdict.path("label").asText()).startsWith(item.id() + " " + item.titleJa() + " / " + item.titleEn());
                assertThat(verdict.path("values").findValuesAsText("value")).containsExactly("PASS", "FAIL", "NA");
                assertThat(verdict.path("validate").path("required").asBoolean()).isTrue();
                assertThat(component(form, "observation_" + item.id().replace('-', '_'))).isNotNull();
            }
        }
    }

    @Test
    void theRetestFormShowsAnItemOnlyWhenItIsFlagged() {
        JsonNode retest = formsById.get("form_retestItems");
        catalog.items().forEach(item -> assertThat(component(retest, "verdict_" + item.id().replace('-', '_'))
                .path("conditional").path("hide").asText()).isEqualTo("=retest_" + item.id().replace('-', '_') + " != true"));
    }

    @Test
    void formsUseASchemaTasklistCanRenderAndUniqueKeys() {
        formsById.forEach((id, form) -> {
            assertThat(form.path("schemaVersion").asInt()).as("%s schemaVersion", id)
                    .isBetween(1, MAX_TASKLIST_SCHEMA_VERSION);
            assertThat(form.path("type").asText()).isEqualTo("default");
            List<String> keys = form.path("components").findValuesAsText("key");
            assertThat(keys).as("%s keys", id).doesNotHaveDuplicates();
            form.path("components").forEach(component -> assertThat(component.path("type").asText()).isNotBlank());
        });
    }

    @Test
    void elementIdsAreReadableWithATypePrefix() {
        allOf(FlowElement.class).forEach(element -> assertThat(ID_PREFIXES)
                .as("%s has a type prefix", element.getId()).anyMatch(prefix -> element.getId().startsWith(prefix)));
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }

    private static String bean(String element, String expression) {
        assertThat(expression).as("%s needs a delegate expression ${bean}", element).isNotNull();
        Matcher matcher = BEAN_EXPRESSION.matcher(expression);
        assertThat(matcher.matches()).as("%s: %s is a plain ${bean}", element, expression).isTrue();
        return matcher.group(1);
    }

    private static String owner(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
        for (var e = listener.getParentElement(); e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return "?";
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> allOf(Class<T> type) {
        return models.stream().flatMap(model -> model.getModelElementsByType(type).stream()).toList();
    }

    private static Collection<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of(folder))) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
