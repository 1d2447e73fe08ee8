package jp.jcstar.lab.assessment.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.decision.EndAssessment;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.security.AsApp;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.NotFoundException;
import jp.jcstar.lab.security.LabUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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
    private final EndAssessment ending;
    private final IdentityService identityService;
    private final CommandExecutor commands;
    private final CommandExecutor requiresNew;

    public AssessmentProcess(RuntimeService runtimeService, TaskService taskService, AssessmentRepository assessments,
                             EndAssessment ending, IdentityService identityService, ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.commands = configuration.getCommandExecutorTxRequired();
        this.requiresNew = configuration.getCommandExecutorTxRequiresNew();
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.assessments = assessments;
        this.ending = ending;
        this.identityService = identityService;
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

    /** The steps before testing: an application may be withdrawn by its manufacturer while it waits at one of them. */
    static final Set<String> BEFORE_TESTING = Set.of("userTask_supplyDocuments", "userTask_reviewDocumentation");

    /**
     * The manufacturer takes its application back, before testing starts (while only the documents are being
     * supplied or reviewed). The assessment is kept as WITHDRAWN; its process ends with the reason.
     */
    @Transactional
    public Assessment withdraw(Assessment assessment, LabUser user, String reason) {
        if (!user.isInAny(List.of(Roles.MANUFACTURERS))) {
            throw new ForbiddenException(Bilingual.of("申請の取り下げは製造事業者のユーザーが行います。試験所は取り消し"
                    + "（cancel）を使ってください。", "Only the manufacturer's users withdraw an application; the lab "
                    + "cancels it instead."));
        }
        // Every open task, also those of the lab that the manufacturer cannot see.
        List<Task> open = AsApp.run(identityService, () -> openTasks(assessment));
        if (!open.stream().allMatch(task -> BEFORE_TESTING.contains(task.getTaskDefinitionKey()))) {
            throw new ConflictException(Bilingual.of(assessment.reference() + ": 試験が始まっているため、申請は取り下げられ"
                    + "ません。試験所に取り消しを依頼してください。", assessment.reference() + ": testing has started, so the "
                    + "application can no longer be withdrawn; ask the lab to cancel it.").toString());
        }
        return endEarly(assessment, AssessmentStatus.WITHDRAWN, user, reason);
    }

    /** A lab manager ends a running assessment at any step, with a reason. */
    @Transactional
    public Assessment cancel(Assessment assessment, LabUser user, String reason) {
        if (!user.isInAny(List.of(Roles.LAB_MANAGERS, Roles.ADMINS))) {
            throw new ForbiddenException(Bilingual.of("評価を取り消せるのはラボマネージャーだけです。",
                    "Only lab managers cancel an assessment; ask one."));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Bilingual.of("取り消す理由を書いてください。製造事業者にも伝わります。",
                    "Reason: say why the assessment is cancelled; the manufacturer reads it."));
        }
        return endEarly(assessment, AssessmentStatus.CANCELLED, user, reason);
    }

    private Assessment endEarly(Assessment assessment, AssessmentStatus status, LabUser user, String reason) {
        Assessment ended = ending.endEarly(assessment.id(), status, user.id(), reason);
        String why = status + " by " + user.id() + (ended.endReason() == null ? "" : ": " + ended.endReason());
        // The app ends the process on the person's behalf: deleting instances is no one's permission but the app's.
        AsApp.run(identityService, () -> {
            runtimeService.deleteProcessInstance(assessment.processInstanceId(), why.length() > 3900 ? why.substring(0, 3900) : why);
            return null;
        });
        return ended;
    }

    public List<Task> openTasks(Assessment assessment) {
        return taskService.createTaskQuery().processInstanceId(assessment.processInstanceId())
                .orderByTaskCreateTime().asc().listPage(0, PAGE);
    }

    /** An open task with the groups that may work on it. */
    public record OpenTask(Task task, List<String> candidateGroups) {
    }

    /**
     * The open tasks of an assessment with their candidate groups, in one engine command: the caller's authorizations
     * are read once, and each task's links with one statement, not one command (and its checks) per task.
     */
    public List<OpenTask> openTasksWithCandidates(Assessment assessment) {
        return commands.execute(context -> openTasks(assessment).stream()
                .map(task -> new OpenTask(task, candidateGroups(task))).toList());
    }

    public List<String> candidateGroups(Task task) {
        // Inside a command (a completion's check) the task's own links: read once, and again by nobody when the
        // completion removes them.
        List<? extends IdentityLink> links = task instanceof TaskEntity entity && Context.getCommandContext() != null
                ? entity.getIdentityLinks() : taskService.getIdentityLinksForTask(task.getId());
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** Claims a task for the user; the review task refuses anyone who tested (four eyes). */
    @Transactional
    public void claim(String taskId, LabUser user) {
        inOneCommand(() -> {
            requireMayWorkOn(openTask(taskId), user);
            taskService.claim(taskId, user.id());
        });
    }

    /**
     * Completes a task with the submitted form values. The engine's command guard checks them against the task's
     * form and the task's listeners record them; nothing else a client sends is accepted.
     */
    @Transactional
    public void complete(String taskId, LabUser user, Map<String, Object> variables) {
        inOneCommand(() -> {
            requireMayWorkOn(openTask(taskId), user);
            taskService.complete(taskId, variables);
        });
    }

    /**
     * The check and the change in one engine command: the engine reads the task, its candidates and the user's
     * authorizations once, not once per call. The calls inside still pass the engine's command guard one by one.
     */
    private void inOneCommand(Runnable calls) {
        commands.execute(context -> {
            calls.run();
            return null;
        });
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw gone(taskId);
        }
        return task;
    }

    private static NotFoundException gone(String taskId) {
        return new NotFoundException(Bilingual.of("タスク " + taskId + " はありません。既に完了しています。タスク一覧を"
                + "再読み込みしてください。", "Task " + taskId + " does not exist or is already completed; reload your "
                + "task list.").toString());
    }

    /** Whether the task is still open, as committed now (outside the caller's transaction). */
    private boolean stillOpen(String taskId) {
        return requiresNew.execute(context -> context.getTaskManager().findTaskById(taskId) != null);
    }

    private void requireMayWorkOn(Task task, LabUser user) {
        boolean candidate = user.isInAny(candidateGroups(task));
        if (!candidate && !user.id().equals(task.getAssignee()) && !user.groups().contains(Roles.ADMINS)) {
            if (!stillOpen(task.getId())) {
                // Completed by someone else meanwhile, taking its candidates with it: gone, not forbidden.
                throw gone(task.getId());
            }
            String groups = String.join(", ", candidateGroups(task));
            throw new ForbiddenException(Bilingual.of("タスク「" + task.getName() + "」は " + groups + " のタスクです。"
                    + user.id() + " さんはそのメンバーではありません。", "Task " + task.getId() + " (" + task.getName()
                    + ") is for " + groups + "; " + user.id() + " is not a member."));
        }
        if (task.getAssignee() != null && !user.id().equals(task.getAssignee())) {
            throw new ForbiddenException(Bilingual.of("タスク「" + task.getName() + "」は " + task.getAssignee()
                    + " さんが担当しています。必要ならラボマネージャーに割り当ての変更を依頼してください。", "Task "
                    + task.getId() + " is claimed by " + task.getAssignee() + "; ask a lab manager to reassign it if "
                    + "needed."));
        }
    }
}
