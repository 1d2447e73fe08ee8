package jp.jcstar.lab.security;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.engine.FormDefinition;
import jp.jcstar.lab.engine.Submission;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;

/**
 * The engine's own door: every command of every client (Tasklist and Cockpit, /engine-rest, the app's /api, the
 * Java API) passes here inside the engine's command context, so the rules below hold whatever the route.
 * <ul>
 * <li>A task is completed only with values for its own form's input fields, valid by the form (required fields,
 * options, lengths, no control characters). They are opened to the task's listeners as the {@link Submission}: what
 * a task records comes from its completer and from nobody else.</li>
 * <li>A process is started only with its start form's fields. A start at another step is a command of its own
 * (StartProcessInstanceAtActivitiesCmd), refused below like every other steering of an instance.</li>
 * <li>Outside those two, nobody but an administrator (or the app itself, acting without a user) writes variables,
 * sends messages or signals, or modifies or restarts instances.</li>
 * <li>Manufacturers claim and complete their tasks, nothing more: no due date, follow-up, assignee, owner,
 * delegation or candidate changes. Lab staff may make them, for people who may work on the task, and each change is
 * audited.</li>
 * </ul>
 * Commands carry their input in protected fields without getters; those are read by name, and the guard fails closed
 * (refuses the command) if a later Camunda version renamed them.
 */
public class EngineCommandGuard extends CommandInterceptor {

    private static final List<Class<?>> VARIABLE_WRITES = List.of(AbstractVariableCmd.class,
            AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class);
    private static final List<Class<?>> INSTANCE_STEERING = List.of(AbstractCorrelateMessageCmd.class,
            MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class, AbstractModificationCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractRestartProcessInstanceCmd.class,
            StartProcessInstanceAtActivitiesCmd.class, EvaluateStartConditionCmd.class, ResolveTaskCmd.class);
    private static final List<Class<?>> TASK_CHANGES = List.of(SaveTaskCmd.class, AbstractSetTaskPropertyCmd.class,
            DelegateTaskCmd.class, DeleteIdentityLinkCmd.class);

    private final SecurityAudit audit;
    /** The forms of the deployed process versions, by process definition and form key. */
    private final Map<String, FormDefinition> deployedForms = new ConcurrentHashMap<>();

    public EngineCommandGuard(SecurityAudit audit) {
        this.audit = audit;
    }

    /** Who runs a command: the app itself (no user), an administrator, lab staff, or a party such as a manufacturer. */
    private enum Actor {
        APP, ADMINISTRATOR, LAB_STAFF, PARTY;

        static Actor of(Authentication authentication) {
            if (authentication == null || authentication.getUserId() == null) {
                return APP;
            }
            List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
            if (groups.contains(Roles.ADMINS)) {
                return ADMINISTRATOR;
            }
            return groups.stream().anyMatch(Roles.LAB_STAFF::contains) ? LAB_STAFF : PARTY;
        }

        boolean unrestricted() {
            return this == APP || this == ADMINISTRATOR;
        }
    }

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context.getAuthentication();
        Actor actor = Actor.of(authentication);
        if (command instanceof ResolveTaskCmd && !actor.unrestricted()) {
            throw new ForbiddenException(Bilingual.of("委任されたタスクの「解決」はこのプロセスでは使いません。タスクを完了してください。",
                    "Resolving a delegated task is not part of this process; complete your task instead."));
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            return completion(command, context);
        }
        if (command instanceof SaveAuthorizationCmd save && isRevoke(save)) {
            // The engine does not look for revocations (LabEnginePlugin): one would silently not take effect.
            throw new InvalidInputException(Bilingual.of("拒否（REVOKE）の権限はこのアプリでは使いません。取り消したい許可"
                    + "（GRANT）の方を削除してください。", "Revoke authorizations are not used here: delete the grant you "
                    + "want to take back instead."));
        }
        if (command instanceof StartProcessInstanceCmd) {
            checkStart(context, actor, read(command, "instantiationBuilder"));
        } else if (command instanceof SubmitStartFormCmd) {
            checkStartForm(context, actor, read(command, "processDefinitionId"), read(command, "variables"));
        } else if (!actor.unrestricted()) {
            if (isAny(command, VARIABLE_WRITES)) {
                throw new ForbiddenException(Bilingual.of("変数はタスクをフォームで完了したときだけ記録されます。それ以外の方法で"
                        + "設定・削除することはできません。フォームに入力して完了してください。", "Variables are recorded only by "
                        + "completing your task with its form's fields; nobody else may set or remove them. Fill in the "
                        + "form and complete the task."));
            }
            if (isAny(command, INSTANCE_STEERING)) {
                throw new ForbiddenException(Bilingual.of("メッセージやシグナルの送信、評価の変更・再開始はプロセス管理者だけが"
                        + "行えます。必要なときはプロセス管理者に依頼してください。", "Only process administrators may correlate "
                        + "messages, send signals, modify or restart assessments; ask one if this is needed."));
            }
            if (command instanceof ClaimTaskCmd) {
                String claimant = read(command, "userId");
                if (claimant != null && !claimant.equals(authentication.getUserId())) {
                    throw new ForbiddenException(Bilingual.of("タスクは自分にだけ割り当て（クレーム）できます。他の人に任せるときは"
                            + "ラボマネージャーに割り当てを依頼してください。", "You may claim a task only for yourself; to hand "
                            + "it to someone else, ask a lab manager to assign it."));
                }
            }
        }
        if (actor != Actor.APP && isAny(command, TASK_CHANGES)) {
            return taskChange(command, context, actor, authentication); // administrators' changes are audited too
        }
        return next.execute(command);
    }

    private <T> T completion(Command<T> command, CommandContext context) {
        String taskId = read(command, "taskId");
        Map<String, Object> submitted = read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return next.execute(command); // the engine answers for a task that does not exist
        }
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        FormDefinition form = context.runWithoutAuthorization(() -> formOf(task));
        List<Bilingual> problems = form == null
                ? values.keySet().stream().map(key -> Bilingual.of("「" + key + "」: このタスクには入力するフォームがありません。"
                        + "値を送らずに完了してください。", key + ": task " + task.getName() + " has no form to fill in; "
                        + "complete it without values.")).toList()
                : form.problems(withoutEchoes(form, values, task));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems).after(Bilingual.of(
                    "記録されていません。次の点を直して、もう一度完了してください。", "Not recorded, correct and submit again:")));
        }
        waitForOthersCompleting(context, taskId);
        Submission.open(taskId, values);
        try {
            return next.execute(command);
        } catch (AuthorizationException refused) {
            // Two people completing one task at once: the winner's commit removes the task with its authorizations,
            // and the loser's check may then find no permission. The task is gone, not forbidden.
            if (!stillOpen(context, taskId)) {
                throw new NullValueException("Cannot find task " + taskId + ": it was completed meanwhile");
            }
            throw refused;
        } finally {
            Submission.close(taskId);
        }
    }

    /**
     * Of two people completing one task at once, the second waits here until the first's transaction ends, then finds
     * the task gone (404). Without this the second would run the task's listeners and the process on what it read
     * before (the engine's optimistic lock only refuses it when it writes), and a listener could fail on that stale
     * state first.
     */
    private static void waitForOthersCompleting(CommandContext context, String taskId) {
        String table = context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_TASK";
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement lock = connection.prepareStatement("select ID_ from " + table + " where ID_ = ? for update")) {
            lock.setString(1, taskId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new NullValueException("Cannot find task " + taskId + ": it was completed meanwhile");
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Task " + taskId + " could not be locked: " + e.getMessage(), e);
        }
    }

    private static boolean isRevoke(SaveAuthorizationCmd save) {
        Authorization authorization = read(save, "authorization");
        return authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE;
    }

    private static boolean stillOpen(CommandContext context, String taskId) {
        return context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew()
                .execute(fresh -> fresh.getTaskManager().findTaskById(taskId) != null);
    }

    /** Tasklist may send back a read-only field as it showed it; that is no input of the completer's. */
    private static Map<String, Object> withoutEchoes(FormDefinition form, Map<String, Object> values, TaskEntity task) {
        Map<String, Object> input = new LinkedHashMap<>(values);
        form.fields().values().stream().filter(FormDefinition.Field::readOnly)
                .filter(field -> input.containsKey(field.key()))
                .filter(field -> Objects.equals(input.get(field.key()), task.getVariable(field.key()))
                        || input.get(field.key()) == null || "".equals(input.get(field.key())))
                .forEach(field -> input.remove(field.key()));
        return input;
    }

    private FormDefinition formOf(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
            return null;
        }
        String formKey = definition.getCamundaFormDefinitionKey().getExpressionText();
        // A form bound to its deployment by a fixed key never changes: read and parsed once per process version.
        boolean fixed = "deployment".equals(definition.getCamundaFormDefinitionBinding()) && formKey != null
                && !formKey.contains("${") && !formKey.contains("#{") && task.getProcessDefinitionId() != null;
        if (!fixed) {
            return readForm(task);
        }
        return deployedForms.computeIfAbsent(task.getProcessDefinitionId() + "/" + formKey, key -> readForm(task));
    }

    private static FormDefinition readForm(TaskEntity task) {
        try (InputStream form = Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId())) {
            return FormDefinition.read(form);
        } catch (IOException e) {
            throw new ProcessEngineException("The form of task " + task.getId() + " cannot be read", e);
        }
    }

    private void checkStart(CommandContext context, Actor actor, ProcessInstantiationBuilderImpl builder) {
        if (actor.unrestricted()) {
            return;
        }
        ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
                ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
                : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
        checkStartForm(context, actor, definition.getId(), builder.getVariables());
    }

    private void checkStartForm(CommandContext context, Actor actor, String processDefinitionId, Map<String, ?> variables) {
        if (actor.unrestricted() || variables == null) {
            return;
        }
        FormDefinition form = context.runWithoutAuthorization(() -> {
            try (InputStream in = Context.getProcessEngineConfiguration().getFormService().getDeployedStartForm(processDefinitionId)) {
                return FormDefinition.read(in);
            } catch (IOException | ProcessEngineException noForm) {
                return null;
            }
        });
        List<Bilingual> problems = form == null
                ? variables.keySet().stream().map(key -> Bilingual.of("「" + key + "」: このプロセスは入力なしで開始します。",
                        key + ": this process starts without a form; start it without values.")).toList()
                : form.problems(variables);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems).after(Bilingual.of(
                    "申請は受け付けられませんでした。次の点を直して、もう一度申請してください。",
                    "Application not accepted, correct and apply again:")));
        }
    }

    private <T> T taskChange(Command<T> command, CommandContext context, Actor actor, Authentication authentication) {
        String taskId = command instanceof SaveTaskCmd ? ((TaskEntity) read(command, "task")).getId() : read(command, "taskId");
        TaskEntity before = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (before == null) {
            return next.execute(command); // a new task, or one that does not exist: the engine's authorization decides
        }
        if (actor == Actor.PARTY) {
            throw new ForbiddenException(Bilingual.of("期日・フォローアップ日・担当者・委任は、プロセスと試験所（ラボマネージャー）"
                    + "が決めます。製造事業者はタスクを自分に割り当てて（クレーム）完了できます。期日を変える必要があるときは試験所に"
                    + "連絡してください。", "Due dates, follow-up dates, assignees, owners and delegation are set by the "
                    + "process and the lab (its lab managers); you may claim and complete your task. Ask the lab if a date "
                    + "must change."));
        }
        Map<String, Object> change = changeOf(command, context, before);
        T result = next.execute(command);
        if (change.get("dueDate") instanceof Date due) {
            moveEscalation(context, before, due);
        }
        if (!change.isEmpty()) {
            change.put("task", before.getName() + " (" + taskId + ")");
            change.put("processInstance", before.getProcessInstanceId());
            audit.record(SecurityAudit.Event.TASK_CHANGED, authentication.getUserId(), null, change);
        }
        return result;
    }

    /** What a lab manager's command changes on a task; refused where the model, not a person, decides. */
    private Map<String, Object> changeOf(Command<?> command, CommandContext context, TaskEntity before) {
        Map<String, Object> change = new LinkedHashMap<>();
        if (command instanceof SaveTaskCmd) {
            TaskEntity after = read(command, "task");
            compare(change, "assignee", before.getAssignee(), after.getAssignee());
            compare(change, "owner", before.getOwner(), after.getOwner());
            compare(change, "dueDate", before.getDueDate(), after.getDueDate());
            compare(change, "followUpDate", before.getFollowUpDate(), after.getFollowUpDate());
        } else if (command instanceof DeleteIdentityLinkCmd
                || (command instanceof AbstractAddIdentityLinkCmd && IdentityLinkType.CANDIDATE.equals(read(command, "type")))) {
            throw new ForbiddenException(Bilingual.of("タスクを担当できるグループはプロセスモデルで決まっています。変えるには"
                    + "プロセス管理者にモデルの変更を依頼してください。", "Who may work on a task is set by the process model; "
                    + "ask a process administrator to change the model."));
        } else if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DelegateTaskCmd) {
            // An assignee, an owner or a delegate: someone who may work on the task.
            String userId = read(command, "userId");
            change.put(command.getClass().getSimpleName().replace("Cmd", ""), userId);
            requireMayWorkOn(context, before, userId);
        } else if (command instanceof SetTaskDueDateCmd || command instanceof SetTaskFollowUpDateCmd) {
            change.put(command instanceof SetTaskDueDateCmd ? "dueDate" : "followUpDate", read(command, "value"));
        }
        for (String person : List.of("assignee", "owner")) {
            if (change.get(person) instanceof String userId) {
                requireMayWorkOn(context, before, userId);
            }
        }
        return change;
    }

    /**
     * A timer on the task's boundary (the overdue escalation) fires at the task's due date: when lab staff move the
     * one, the other moves with it, or the escalation would come at the old date.
     */
    private static void moveEscalation(CommandContext context, TaskEntity task, Date due) {
        BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
        context.getJobManager().findJobsByProcessInstanceId(task.getProcessInstanceId()).stream()
                .filter(TimerEntity.class::isInstance)
                .filter(job -> model.getModelElementById(job.getActivityId()) instanceof BoundaryEvent boundary
                        && boundary.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
                .forEach(timer -> timer.setDuedate(due));
    }

    /** An assignee, owner or delegate must be someone who may work on the task: a candidate, of the task's company. */
    private void requireMayWorkOn(CommandContext context, TaskEntity task, String userId) {
        if (userId == null) {
            return; // unassigning
        }
        ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
        boolean allowed = context.runWithoutAuthorization(() -> {
            Set<String> groups = new HashSet<>();
            engine.getIdentityService().createGroupQuery().groupMember(userId).list().forEach(group -> groups.add(group.getId()));
            boolean candidate = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .anyMatch(link -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
            boolean labStaff = groups.stream().anyMatch(Roles.LAB_STAFF::contains);
            boolean sameCompany = task.getTenantId() == null || labStaff
                    || engine.getIdentityService().createTenantQuery().userMember(userId).tenantId(task.getTenantId()).count() > 0;
            return candidate && sameCompany;
        });
        if (!allowed) {
            throw new ForbiddenException(Bilingual.of(userId + " さんはタスク「" + task.getName() + "」を担当できません。"
                    + "このタスクのグループ" + (task.getTenantId() == null ? "" : "と会社") + "のメンバーを選んでください。",
                    userId + " may not work on task " + task.getName() + ": choose a member of its group"
                    + (task.getTenantId() == null ? "" : " and company") + "."));
        }
    }

    private static void compare(Map<String, Object> change, String name, Object before, Object after) {
        if (!Objects.equals(before instanceof Date date ? date.getTime() : before,
                after instanceof Date date ? date.getTime() : after)) {
            change.put(name, after);
        }
    }

    private static boolean isAny(Command<?> command, List<Class<?>> types) {
        return types.stream().anyMatch(type -> type.isInstance(command));
    }

    /** A command's input field; fails closed if this Camunda version has no such field. */
    @SuppressWarnings("unchecked")
    private static <V> V read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                break;
            }
        }
        throw new IllegalStateException("Refused: " + command.getClass().getName() + " has no field " + name
                + " in this Camunda version; the command guard must be updated");
    }
}
