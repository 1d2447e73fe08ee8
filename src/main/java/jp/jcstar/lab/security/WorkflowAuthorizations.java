package jp.jcstar.lab.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;

import jp.jcstar.lab.assessment.process.AssessmentProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine, which checks every call of Tasklist, Cockpit, Admin and /engine-rest
 * (camunda.bpm.authorization.enabled). The groups of a process's user tasks get their task permissions from the
 * engine itself when a task is created; this grants the rest. Applied at every start and idempotent, so a new
 * version of the app can widen or narrow it. Administrators (camunda-admin) hold every permission
 * ({@link AdminAccountInitializer}).
 */
@Component
public class WorkflowAuthorizations {

    private static final String PROCESS = AssessmentProcess.PROCESS_KEY;

    private final AuthorizationService authorizations;

    public WorkflowAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void apply() {
        for (String group : Roles.WORKFLOW_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            // Each group reads its own filters only (TasklistFilters), no longer every filter as before.
            authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY)
                    .list().forEach(everyFilter -> authorizations.deleteAuthorization(everyFilter.getId()));
        }
        // Manufacturers apply, and see only what their own tasks show them.
        for (String applicant : List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS)) {
            grant(applicant, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(applicant, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // Lab staff follow every assessment; lab managers watch in Cockpit and may (re)assign work.
        for (String staff : Roles.LAB_STAFF) {
            grant(staff, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        grant(Roles.LAB_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.LAB_MANAGERS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
    }

    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
