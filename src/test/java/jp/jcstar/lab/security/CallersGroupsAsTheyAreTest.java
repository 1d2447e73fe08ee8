package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jp.jcstar.lab.H2Statements;
import jp.jcstar.lab.ProcessEngineTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app's engine checks authorizations with all of the caller's groups ({@link CallersGroupsAsTheyAre}), not only
 * those it first looked up as having authorizations, and answers as the engine's own filter would: a group without
 * authorizations grants nothing, and a grant to it counts at once (on H2 and, in CI, PostgreSQL); on H2 the database
 * says that no check asked which groups have authorizations.
 */
@ProcessEngineTest
class CallersGroupsAsTheyAreTest {

    private static final String RESOURCE = "groups-as-they-are";
    /** The engine's own manager sends it once in every command that checks an authorization. */
    private static final String GROUPS_WITH_AUTHORIZATIONS = "select distinct(a.group_id_) from act_ru_authorization a";

    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizations;
    @Autowired DataSource dataSource;

    @AfterEach
    void cleanUp() {
        authorizations.createAuthorizationQuery().resourceId(RESOURCE).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    @Test
    void everyGroupOfTheCallerIsCheckedAndOnlyAGrantedOneAuthorizes() {
        H2Statements statements = new H2Statements(dataSource);
        OptionalLong groupLookupsBefore = statements.executions(GROUPS_WITH_AUTHORIZATIONS);
        grantRead("gaa-granted");

        // The engine's own manager would pass on only "gaa-granted", the one group it found with an authorization.
        List<String> checked = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager()
                        .filterAuthenticatedGroupIds(new ArrayList<>(Arrays.asList("gaa-none", null, "gaa-granted",
                                "gaa-none"))));
        assertThat(checked).containsExactly("gaa-none", "gaa-granted");

        assertThat(mayRead(List.of("gaa-none", "gaa-granted"))).isTrue();
        assertThat(mayRead(List.of("gaa-granted"))).isTrue();
        assertThat(mayRead(List.of("gaa-none"))).isFalse();
        assertThat(mayRead(List.of())).isFalse();
        assertThat(authorizations.isUserAuthorized("gaa-someone-else", List.of("gaa-none"), Permissions.READ,
                Resources.PROCESS_DEFINITION, "another-resource")).isFalse();

        grantRead("gaa-none");
        assertThat(mayRead(List.of("gaa-none"))).as("a grant to a group that had none counts at once").isTrue();
        assertThat(statements.executions(GROUPS_WITH_AUTHORIZATIONS)).as("asked which groups have authorizations")
                .isEqualTo(groupLookupsBefore);
    }

    private boolean mayRead(List<String> groups) {
        return authorizations.isUserAuthorized("gaa-user", groups, Permissions.READ, Resources.PROCESS_DEFINITION,
                RESOURCE);
    }

    private void grantRead(String group) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(RESOURCE);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
