package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.jcstar.lab.ProcessEngineTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorizations the engine writes for a task ({@link LabTaskAuthorizations}): one row per group and task, with
 * the manufacturers' READ and TASK_WORK and the lab staff's TASK_WORK only, whether the links are made in the command
 * that creates the task (the rows are not looked for in the database then) or later (on H2 and, in CI, PostgreSQL).
 */
@ProcessEngineTest
class LabTaskAuthorizationsTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;

    private String taskId;

    @AfterEach
    void cleanUp() {
        if (taskId != null) {
            tasks.deleteTask(taskId, true);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list()
                    .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
        }
    }

    @Test
    void aNewTaskGetsOneRowPerGroupWithThatGroupsPermissionsAndALaterLinkUpdatesIt() {
        taskId = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    TaskEntity task = new TaskEntity();
                    task.setName("lab-task-authorizations");
                    task.insert();
                    // The same group twice in the creating command: merged into one row, as the engine does.
                    task.addCandidateGroup(Roles.MANUFACTURERS);
                    task.addCandidateGroup(Roles.MANUFACTURERS);
                    task.addCandidateGroup(Roles.ENGINEERS);
                    return task.getId();
                });

        Authorization manufacturers = only(Roles.MANUFACTURERS);
        assertThat(manufacturers.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(manufacturers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(manufacturers.isPermissionGranted(Permissions.UPDATE)).isFalse();
        Authorization engineers = only(Roles.ENGINEERS);
        assertThat(engineers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(engineers.isPermissionGranted(Permissions.READ)).as("lab staff read tasks through the definition").isFalse();

        // A link made later, to the stored task: the existing row is found in the database and kept as one.
        Task stored = tasks.createTaskQuery().taskId(taskId).singleResult();
        tasks.addCandidateGroup(stored.getId(), Roles.MANUFACTURERS);
        assertThat(only(Roles.MANUFACTURERS).getId()).isEqualTo(manufacturers.getId());
    }

    private Authorization only(String group) {
        List<Authorization> rows = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(taskId).groupIdIn(group).list();
        assertThat(rows).as(group).hasSize(1);
        return rows.get(0);
    }
}
