package jp.jcstar.lab.assessment.process;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jp.jcstar.lab.LabClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Where assessments stand in the process, for the pages: each open task as the step it is (its name in the model,
 * which process administrators keep bilingual), who has the ball (its candidate groups in the model, or whoever
 * claimed it) and when it is due. One task query for many assessments; the model comes from the engine's cache.
 */
@Component
public class OpenSteps {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final LabClock clock;

    public OpenSteps(TaskService taskService, RepositoryService repositoryService, LabClock clock) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    /** An open task of an assessment as people read it. */
    public record OpenStep(String taskId, String key, String name, List<String> candidateGroups, String assignee,
                           OffsetDateTime due, boolean overdue) {
    }

    /** The open steps of each process instance, oldest first. */
    public Map<String, List<OpenStep>> of(Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime now = clock.now();
        return taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new))
                .orderByTaskCreateTime().asc().listPage(0, AssessmentProcess.PAGE).stream()
                .collect(Collectors.groupingBy(Task::getProcessInstanceId, LinkedHashMap::new,
                        Collectors.mapping(task -> describe(task, now), Collectors.toList())));
    }

    public List<OpenStep> of(String processInstanceId) {
        return of(List.of(processInstanceId)).getOrDefault(processInstanceId, List.of());
    }

    private OpenStep describe(Task task, OffsetDateTime now) {
        UserTask element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        String name = element != null && element.getName() != null ? element.getName() : task.getTaskDefinitionKey();
        List<String> groups = element == null || element.getCamundaCandidateGroups() == null ? List.of()
                : List.of(element.getCamundaCandidateGroups().split("\\s*,\\s*"));
        OffsetDateTime due = toLabTime(task.getDueDate());
        return new OpenStep(task.getId(), task.getTaskDefinitionKey(), name, groups, task.getAssignee(), due,
                due != null && due.isBefore(now));
    }

    private static OffsetDateTime toLabTime(Date date) {
        return date == null ? null : date.toInstant().atZone(LabClock.ZONE).toOffsetDateTime();
    }
}
