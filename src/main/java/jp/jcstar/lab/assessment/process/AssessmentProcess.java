package jp.jcstar.lab.assessment.process;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.ForbiddenException;
import jp.jcstar.lab.web.InvalidInputException;
import jp.jcstar.lab.web.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one port through which the app's REST API talks to the engine about assessments. */
@Component
public class AssessmentProcess {

    public static final String PROCESS_KEY = "process_jcstarAssessment";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final AssessmentRepository assessments;

    public AssessmentProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
                             AssessmentRepository assessments) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.assessments = assessments;
    }

    /** Starts an assessment exactly as the Tasklist start form does; the applicant is the authenticated user. */
    @Transactional
    public Assessment start(Application application) {
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                AssessmentVariables.startVariables(application)).getProcessInstanceId();
        return assessments.findByProcessInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Process " + processInstanceId + " started without registering its assessment"));
    }

    public List<Task> openTasks(Assessment assessment) {
        return taskService.createTaskQuery().processInstanceId(assessment.processInstanceId())
                .initializeFormKeys().orderByTaskCreateTime().asc().list();
    }

    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** Claims a task for the user; the review task refuses anyone who tested (four eyes). */
    @Transactional
    public void claim(String taskId, String userId) {
        Task task = openTask(taskId);
        requireMayWorkOn(task, userId);
        taskService.claim(taskId, userId);
    }

    /** Completes a task with the submitted form values; the task's listeners validate them. */
    @Transactional
    public void complete(String taskId, String userId, Map<String, Object> variables) {
        Task task = openTask(taskId);
        requireMayWorkOn(task, userId);
        variables.forEach((name, value) -> {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new InvalidInputException("variables." + name + ": only text, numbers and booleans are accepted");
            }
        });
        taskService.complete(taskId, variables);
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("Task " + taskId + " does not exist or is already completed");
        }
        return task;
    }

    private void requireMayWorkOn(Task task, String userId) {
        Set<String> groups = new HashSet<>(identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
        boolean candidate = candidateGroups(task).stream().anyMatch(groups::contains);
        if (!candidate && !userId.equals(task.getAssignee()) && !groups.contains(Roles.ADMINS)) {
            throw new ForbiddenException("Task " + task.getId() + " (" + task.getName() + ") is for "
                    + String.join(", ", candidateGroups(task)) + "; " + userId + " is not a member");
        }
        if (task.getAssignee() != null && !userId.equals(task.getAssignee())) {
            throw new ForbiddenException("Task " + task.getId() + " is claimed by " + task.getAssignee());
        }
    }
}
