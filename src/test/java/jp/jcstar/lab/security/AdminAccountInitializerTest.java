package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jcstar.lab.assessment.process.TasklistFilters;
import jp.jcstar.lab.assessment.process.WorkflowAuthorizations;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** First start on an empty database: an admin with no default password. Each test has its own empty engine. */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountInitializerTest {

    static final Pattern GENERATED = Pattern.compile("generated password\\s+(\\S+)");

    ProcessEngine engine;

    @BeforeEach
    void emptyEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:admin-" + UUID.randomUUID())
                .setProcessEngineName("admin-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        engine = configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnceAndWorks(CapturedOutput output) {
        initializer("").initialize();

        Matcher matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is logged").isTrue();
        String password = matcher.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(engine.getIdentityService().checkPassword("admin", password)).isTrue();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).singleResult().getId())
                .isEqualTo("admin");
        assertThat(engine.getIdentityService().createGroupQuery().groupIdIn(Roles.WORKFLOW_GROUPS.toArray(String[]::new))
                .count()).isEqualTo(Roles.WORKFLOW_GROUPS.size());

        int logged = output.getAll().length();
        initializer("").initialize();
        assertThat(output.getAll().substring(logged)).doesNotContain("generated password");
        assertThat(engine.getIdentityService().createUserQuery().count()).isOne();
        assertThat(engine.getIdentityService().checkPassword("admin", password)).isTrue();
    }

    @Test
    void anExistingDatabasesAllTasksFilterGivesWayToOneFilterPerGroupThatOnlyItReads() {
        // As the app's earlier versions left it: Camunda's "All tasks", readable by every group through FILTER *.
        FilterService filters = engine.getFilterService();
        filters.saveFilter(filters.newTaskFilter("All tasks").setQuery(engine.getTaskService().createTaskQuery()));
        EngineGrants grants = new EngineGrants(engine.getAuthorizationService());
        Roles.WORKFLOW_GROUPS.forEach(group -> grants.grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ));

        initializer("a-lab-chosen-password").initialize();
        initializer("a-lab-chosen-password").initialize();

        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName).containsExactlyInAnyOrder(
                "自分のタスク / My tasks", "自社のタスク / Our company's tasks", "試験待ち / Open tests",
                "レビュー待ち / Reports to review", "判断待ち / Decisions and escalations");
        Map<String, String> filterNames = filters.createFilterQuery().list().stream()
                .collect(Collectors.toMap(Filter::getId, Filter::getName));
        Map<String, List<String>> readable = Roles.WORKFLOW_GROUPS.stream().collect(Collectors.toMap(group -> group,
                group -> engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
                        .resourceType(Resources.FILTER).list().stream()
                        .map(authorization -> filterNames.getOrDefault(authorization.getResourceId(), authorization.getResourceId()))
                        .sorted().toList()));
        assertThat(readable).containsEntry(Roles.MANUFACTURERS, List.of("自分のタスク / My tasks", "自社のタスク / Our company's tasks"))
                .containsEntry(Roles.ENGINEERS, List.of("自分のタスク / My tasks", "試験待ち / Open tests"))
                .containsEntry(Roles.REVIEWERS, List.of("レビュー待ち / Reports to review", "自分のタスク / My tasks"))
                .containsEntry(Roles.LAB_MANAGERS, List.of("判断待ち / Decisions and escalations", "自分のタスク / My tasks"));
        Filter myTasks = filters.createFilterQuery().filterName("自分のタスク / My tasks").singleResult();
        assertThat(myTasks.getProperties()).containsEntry("variables", List.of(Map.of("name", "round", "label", "ラウンド / Round"),
                Map.of("name", "reference", "label", "評価番号 / Reference"), Map.of("name", "product", "label", "製品 / Product")));
    }

    @Test
    void twoFirstStartsNeverGenerateTheSamePassword(CapturedOutput output) {
        initializer("").initialize();
        engine.getIdentityService().deleteUser("admin");
        initializer("").initialize();
        Matcher matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).isTrue();
        String first = matcher.group(1);
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isNotEqualTo(first);
    }

    @Test
    void theConfiguredPasswordIsUsedAndNotLogged(CapturedOutput output) {
        initializer("a-lab-chosen-password").initialize();
        assertThat(engine.getIdentityService().checkPassword("admin", "a-lab-chosen-password")).isTrue();
        assertThat(output.getAll()).doesNotContain("a-lab-chosen-password");
    }

    @Test
    void aShortConfiguredPasswordStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> initializer("admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JCSTAR_ADMIN_PASSWORD must have at least 12 characters");
    }

    private AdminAccountInitializer initializer(String configuredPassword) {
        EngineGrants grants = new EngineGrants(engine.getAuthorizationService());
        List<WorkflowAccess> workflows = List.of(new WorkflowAuthorizations(engine.getAuthorizationService(), grants),
                new TasklistFilters(engine.getFilterService(), engine.getTaskService(), grants));
        return new AdminAccountInitializer(engine.getIdentityService(), engine.getAuthorizationService(), workflows,
                configuredPassword);
    }
}
