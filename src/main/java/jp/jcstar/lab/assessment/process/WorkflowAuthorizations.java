package jp.jcstar.lab.assessment.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;

import jp.jcstar.lab.security.EngineGrants;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.WorkflowAccess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine, which checks every call of Tasklist, Cockpit, Admin and /engine-rest
 * (camunda.bpm.authorization.enabled). The groups of a process's user tasks get their task permissions from the
 * engine itself when a task is created; this grants the rest. Applied at every start and idempotent, so a new
 * version of the app can widen or narrow it. Administrators (camunda-admin) hold every permission
 * (AdminAccountInitializer, which applies this as the workflow's {@link WorkflowAccess}).
 */
@Component
@Order(1)
public class WorkflowAuthorizations implements WorkflowAccess {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowAuthorizations.class);
    private static final String PROCESS = AssessmentProcess.PROCESS_KEY;

    private final AuthorizationService authorizations;
    private final EngineGrants grants;

    public WorkflowAuthorizations(AuthorizationService authorizations, EngineGrants grants) {
        this.authorizations = authorizations;
        this.grants = grants;
    }

    @Override
    public void apply() {
        for (String group : Roles.WORKFLOW_GROUPS) {
            grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.grant(group, Resources.GROUP, ANY, Permissions.READ);
            // Each group reads its own filters only (TasklistFilters), no longer every filter as before.
            authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY)
                    .list().forEach(everyFilter -> authorizations.deleteAuthorization(everyFilter.getId()));
        }
        // Manufacturers apply, and see only what their own tasks show them.
        for (String applicant : List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS)) {
            grants.grant(applicant, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grants.grant(applicant, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // Lab staff follow every assessment; lab managers watch in Cockpit and may (re)assign work.
        for (String staff : Roles.LAB_STAFF) {
            for (String process : List.of(PROCESS, ChangeNoticeProcess.PROCESS_KEY, LabelValidity.PROCESS_KEY)) {
                grants.grant(staff, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK);
            }
            grants.grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        grants.grant(Roles.LAB_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(Roles.LAB_MANAGERS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
        withoutPerTaskReadOfStaff();
    }

    /**
     * Tasks created before LabTaskAuthorizations carry a READ for lab groups that the READ_TASK above already gives;
     * it is taken off once, so that their task lists no longer join one authorization per task.
     */
    private void withoutPerTaskReadOfStaff() {
        int changed = 0;
        while (true) {
            List<Authorization> perTask = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                    .groupIdIn(Roles.LAB_STAFF.toArray(String[]::new)).hasPermission(TaskPermissions.READ)
                    .listPage(0, 500).stream().filter(authorization -> !ANY.equals(authorization.getResourceId()))
                    .toList();
            if (perTask.isEmpty()) {
                break;
            }
            for (Authorization authorization : perTask) {
                authorization.removePermission(TaskPermissions.READ);
                authorizations.saveAuthorization(authorization);
            }
            changed += perTask.size();
        }
        if (changed > 0) {
            LOG.info("Took the per-task READ of lab groups off {} task authorizations (they read tasks through the "
                    + "process definition)", changed);
        }
    }

}
