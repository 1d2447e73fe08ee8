package jp.jcstar.lab.assessment.process;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.ForbiddenException;
import jp.jcstar.lab.web.NotFoundException;
import jp.jcstar.lab.security.LabUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one port through which the app's REST API talks to the engine about assessments. */
@Component
public class AssessmentProcess {

    public static final String PROCESS_KEY = "process_jcstarAssessment";
    /** Queries made as a user are paged: the engine refuses unbounded ones (queryMaxResultsLimit). */
    public static final int PAGE = 500;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AssessmentRepository assessments;

    public AssessmentProcess(RuntimeService runtimeService, TaskService taskService, AssessmentRepository assessments) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.assessments = assessments;
    }

    /**
     * Starts an assessment exactly as the Tasklist start form does; the applicant is the authenticated user.
     *
     * @param manufacturerId the company lab staff apply for; null for a manufacturer's own application
     */
    @Transactional
    public Assessment start(Application application, String manufacturerId) {
        Map<String, Object> variables = AssessmentVariables.startVariables(application);
        if (manufacturerId != null && !manufacturerId.isBlank()) {
            AssessmentVariables.MANUFACTURER_ID.putInto(variables, manufacturerId);
        }
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables).getProcessInstanceId();
        return assessments.findByProcessInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Process " + processInstanceId + " started without registering its assessment"));
    }

    public List<Task> openTasks(Assessment assessment) {
        return taskService.createTaskQuery().processInstanceId(assessment.processInstanceId())
                .initializeFormKeys().orderByTaskCreateTime().asc().listPage(0, PAGE);
    }

    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** Claims a task for the user; the review task refuses anyone who tested (four eyes). */
    @Transactional
    public void claim(String taskId, LabUser user) {
        Task task = openTask(taskId);
        requireMayWorkOn(task, user);
        taskService.claim(taskId, user.id());
    }

    /**
     * Completes a task with the submitted form values. The engine's command guard checks them against the task's
     * form and the task's listeners record them; nothing else a client sends is accepted.
     */
    @Transactional
    public void complete(String taskId, LabUser user, Map<String, Object> variables) {
        requireMayWorkOn(openTask(taskId), user);
        taskService.complete(taskId, variables);
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("Task " + taskId + " does not exist or is already completed");
        }
        return task;
    }

    private void requireMayWorkOn(Task task, LabUser user) {
        boolean candidate = user.isInAny(candidateGroups(task));
        if (!candidate && !user.id().equals(task.getAssignee()) && !user.groups().contains(Roles.ADMINS)) {
            throw new ForbiddenException("Task " + task.getId() + " (" + task.getName() + ") is for "
                    + String.join(", ", candidateGroups(task)) + "; " + user.id() + " is not a member");
        }
        if (task.getAssignee() != null && !user.id().equals(task.getAssignee())) {
            throw new ForbiddenException("Task " + task.getId() + " is claimed by " + task.getAssignee());
        }
    }
}
