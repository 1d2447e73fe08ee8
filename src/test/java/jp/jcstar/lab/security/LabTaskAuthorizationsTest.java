package jp.jcstar.lab.security;

import static jp.jcstar.lab.assessment.AssessmentElements.USER_TASK_SUPPLY_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jp.jcstar.lab.H2Statements;
import jp.jcstar.lab.ProcessEngineTest;
import jp.jcstar.lab.assessment.AssessmentScenario;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.company.AccountService;
import jp.jcstar.lab.documents.DocumentService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorizations the engine writes for a task ({@link LabTaskAuthorizations}): one row per group and task with
 * that group's permissions. For a task a process creates, the rows are not looked for in the database (on H2 the
 * database says so); a task created by hand with an id of its own is looked for as before, and a row granted for that
 * id beforehand is updated, not written twice (on H2 and, in CI, PostgreSQL).
 */
@ProcessEngineTest
class LabTaskAuthorizationsTest {

    /** The engine's look for a group's row on one task ({@code selectAuthorizationByParameters}). */
    private static final String ROW_LOOKUP = "from act_ru_authorization where type_ = ? and group_id_ = ?";
    private static final String CHOSEN_ID = "lab-task-authorizations-chosen-id";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;
    @Autowired AccountService accounts;
    @Autowired DocumentService documents;
    @Autowired DataSource dataSource;

    @AfterEach
    void cleanUp() {
        if (tasks.createTaskQuery().taskId(CHOSEN_ID).count() > 0) {
            tasks.deleteTask(CHOSEN_ID, true);
        }
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(CHOSEN_ID).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    @Test
    void aTaskTheProcessCreatesGetsItsRowsWithoutLookingForThem() {
        AssessmentScenario.registerCompany(accounts);
        AssessmentScenario.registerPeople(accounts, engine.getIdentityService());
        H2Statements statements = new H2Statements(dataSource);
        OptionalLong lookupsBefore = statements.executions(ROW_LOOKUP);

        ProcessInstance instance = new AssessmentScenario(engine, documents)
                .applyOnly(AssessmentScenario.application(ProductComponent.CLOUD));

        assertThat(statements.executions(ROW_LOOKUP)).isEqualTo(lookupsBefore);
        String supplyDocuments = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(USER_TASK_SUPPLY_DOCUMENTS).singleResult().getId();
        Authorization manufacturers = only(supplyDocuments, Roles.MANUFACTURERS);
        assertThat(manufacturers.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(manufacturers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(manufacturers.isPermissionGranted(Permissions.UPDATE)).isFalse();
    }

    @Test
    void aTaskCreatedByHandWithAnIdOfItsOwnUpdatesTheRowGrantedForItBefore() {
        Authorization before = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        before.setGroupId(Roles.MANUFACTURERS);
        before.setResource(Resources.TASK);
        before.setResourceId(CHOSEN_ID);
        before.addPermission(Permissions.READ);
        authorizations.saveAuthorization(before);
        H2Statements statements = new H2Statements(dataSource);
        OptionalLong lookupsBefore = statements.executions(ROW_LOOKUP);

        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    TaskEntity task = new TaskEntity(CHOSEN_ID);
                    task.setName("lab-task-authorizations");
                    task.insert();
                    task.addCandidateGroup(Roles.MANUFACTURERS);
                    task.addCandidateGroup(Roles.MANUFACTURERS);
                    task.addCandidateGroup(Roles.ENGINEERS);
                    return null;
                });

        lookupsBefore.ifPresent(count -> assertThat(statements.executions(ROW_LOOKUP).getAsLong()).isGreaterThan(count));
        Authorization manufacturers = only(CHOSEN_ID, Roles.MANUFACTURERS);
        assertThat(manufacturers.getId()).isEqualTo(before.getId());
        assertThat(manufacturers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        Authorization engineers = only(CHOSEN_ID, Roles.ENGINEERS);
        assertThat(engineers.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(engineers.isPermissionGranted(Permissions.READ)).as("lab staff read tasks through the definition").isFalse();
    }

    private Authorization only(String taskId, String group) {
        List<Authorization> rows = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(taskId).groupIdIn(group).list();
        assertThat(rows).as(group).hasSize(1);
        return rows.get(0);
    }
}
