package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.TASK_PRODUCT;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.TASK_REFERENCE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.TASK_ROUND;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.engine.ProcessVariable;
import jp.jcstar.lab.security.EngineGrants;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.WorkflowAccess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, one per group and "my tasks" for everyone, each readable only by its groups (a filter
 * authorization per group), so that nobody opens a list of other groups' tasks only to be refused on every one.
 * Companies see only their own tasks because they are tenants. Applied at every start and idempotent: a filter is
 * found by its name and set to what is defined here, and Camunda's starter filter "All tasks" (which every group
 * could read, from before) is removed.
 */
@Component
@Order(2)
public class TasklistFilters implements WorkflowAccess {

    /** The filter Camunda's Spring Boot starter created from camunda.bpm.filter.create before this class. */
    static final String FORMER_ALL_TASKS = "All tasks";

    private final FilterService filterService;
    private final TaskService taskService;
    private final EngineGrants grants;

    public TasklistFilters(FilterService filterService, TaskService taskService, EngineGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    /**
     * A filter as Tasklist shows it: its name, who reads it, its place in the list (Tasklist opens the one with the
     * lowest priority: the group's) and its query.
     */
    record Definition(String name, String description, List<String> groups, int priority, String color, TaskQuery query) {
    }

    List<Definition> definitions() {
        return List.of(
                new Definition("自分のタスク / My tasks", "自分が担当しているタスク / Tasks assigned to you",
                        Roles.WORKFLOW_GROUPS, 1, "#555555",
                        sorted(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))),
                new Definition("自社のタスク / Our company's tasks",
                        "自社の評価で製造事業者が行うタスク / What the lab waits for from your company",
                        List.of(Roles.MANUFACTURERS), 0, "#1f77b4", group(Roles.MANUFACTURERS)),
                new Definition("試験待ち / Open tests", "文書レビュー・試験・再試験 / Documentation reviews, tests and retests",
                        List.of(Roles.ENGINEERS), 0, "#2ca02c", group(Roles.ENGINEERS)),
                new Definition("レビュー待ち / Reports to review", "報告書のレビュー（四つの目） / Report reviews (four eyes)",
                        List.of(Roles.REVIEWERS), 0, "#9467bd", group(Roles.REVIEWERS)),
                new Definition("判断待ち / Decisions and escalations",
                        "再試験の上限後の判断 / Decisions after the retest limit", List.of(Roles.LAB_MANAGERS), 0,
                        "#d62728", group(Roles.LAB_MANAGERS)));
    }

    @Override
    public void apply() {
        filterService.createFilterQuery().filterName(FORMER_ALL_TASKS).list()
                .forEach(former -> filterService.deleteFilter(former.getId())); // its authorizations go with it
        for (Definition definition : definitions()) {
            List<Filter> existing = filterService.createFilterQuery().filterName(definition.name()).list();
            Filter filter = existing.isEmpty() ? filterService.newTaskFilter(definition.name()) : existing.get(0);
            filter.setQuery(definition.query());
            filter.setProperties(properties(definition));
            filterService.saveFilter(filter);
            for (String group : definition.groups()) {
                grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    /** The group's open tasks, claimed or not: each person's own are under "my tasks". */
    private TaskQuery group(String group) {
        return sorted(taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("color", definition.color());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        // Tasklist shows the first two on each task (the rest on demand); the name already holds reference and product.
        properties.put("variables", List.of(variable(TASK_ROUND, "ラウンド / Round"),
                variable(TASK_REFERENCE, "評価番号 / Reference"), variable(TASK_PRODUCT, "製品 / Product")));
        return properties;
    }

    private static Map<String, String> variable(ProcessVariable<?> variable, String label) {
        return Map.of("name", variable.name(), "label", label);
    }
}
