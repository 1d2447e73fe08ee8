package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine never looks for revocations (LabEnginePlugin: authorizationCheckRevokes = never), so the command guard
 * refuses to save one, from any client and any user: a revocation that silently took no effect would be worse.
 */
class RevocationRefusalTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("fast-tier.camunda.cfg.xml").build();

    @Test
    void aRevocationIsRefusedSayingWhatToDoInsteadAndAGrantIsSaved() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId("manufacturers");
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId("revocation-test");
        revoke.removePermission(Permissions.READ);

        assertThatThrownBy(() -> authorizations.saveAuthorization(revoke)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("拒否（REVOKE）の権限はこのアプリでは使いません")
                .hasMessageContaining("Revoke authorizations are not used here: delete the grant you want to take back instead.");
        assertThat(authorizations.createAuthorizationQuery().resourceId("revocation-test").count()).isZero();

        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("manufacturers");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("revocation-test");
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        assertThat(authorizations.createAuthorizationQuery().resourceId("revocation-test").count()).isOne();
        authorizations.deleteAuthorization(grant.getId());
    }
}
