package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jp.jcstar.lab.ProcessEngineTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API token's owner is read in one query ({@link CamundaIdentityAuthenticationProvider#standing}): it answers what
 * the engine's user, group and tenant queries answer, and refuses an account that is gone, locked for good or within
 * the delay after a failed login (on H2 and, in CI, PostgreSQL).
 */
@ProcessEngineTest
class AccountStandingTest {

    @Autowired CamundaIdentityAuthenticationProvider identities;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        identityService.deleteUser("standing-user");
        identityService.deleteGroup("standing-staff");
        identityService.deleteGroup("standing-other");
        identityService.deleteTenant("standing-direct");
        identityService.deleteTenant("standing-through-group");
        identityService.deleteTenant("standing-not-mine");
    }

    @Test
    void theGroupsAndTenantsAreTheEnginesOwnAndOnlyAUsableAccountStands() {
        User user = identityService.newUser("standing-user");
        user.setPassword("Standing-Password-2026!");
        identityService.saveUser(user);
        for (String id : List.of("standing-staff", "standing-other")) {
            Group group = identityService.newGroup(id);
            group.setName(id);
            identityService.saveGroup(group);
        }
        identityService.createMembership("standing-user", "standing-staff");
        for (String id : List.of("standing-direct", "standing-through-group", "standing-not-mine")) {
            Tenant tenant = identityService.newTenant(id);
            tenant.setName(id);
            identityService.saveTenant(tenant);
        }
        identityService.createTenantUserMembership("standing-direct", "standing-user");
        // The same tenant directly and through the group: named once.
        identityService.createTenantGroupMembership("standing-direct", "standing-staff");
        identityService.createTenantGroupMembership("standing-through-group", "standing-staff");
        identityService.createTenantGroupMembership("standing-not-mine", "standing-other");

        CamundaIdentityAuthenticationProvider.Standing standing = identities.standing("standing-user");
        assertThat(standing.usable()).isTrue();
        assertThat(names(standing.authorities())).containsExactly("GROUP_standing-staff", "TENANT_standing-direct",
                "TENANT_standing-through-group");
        assertThat(names(standing.authorities())).isEqualTo(asTheEngineAnswers("standing-user"));

        // Within the delay after a failed login: not usable; once it passed, usable again.
        lockUntil(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        assertThat(identities.standing("standing-user").usable()).isFalse();
        lockUntil(new Date(ClockUtil.getCurrentTime().getTime() - 60_000));
        assertThat(identities.standing("standing-user").usable()).isTrue();

        // Locked for good after as many failures as allowed.
        jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = ? where ID_ = ?").params(identities.maxAttempts(), "standing-user")
                .update();
        assertThat(identities.standing("standing-user").usable()).isFalse();
        identityService.unlockUser("standing-user");
        assertThat(identities.standing("standing-user").usable()).isTrue();

        // Out of the group: its tenant goes with it. Deleted: nothing stands.
        identityService.deleteMembership("standing-user", "standing-staff");
        assertThat(names(identities.standing("standing-user").authorities())).containsExactly("TENANT_standing-direct");
        identityService.deleteUser("standing-user");
        assertThat(identities.standing("standing-user")).isEqualTo(
                new CamundaIdentityAuthenticationProvider.Standing(false, List.of()));
    }

    private void lockUntil(Date until) {
        jdbc.sql("update ACT_ID_USER set LOCK_EXP_TIME_ = ? where ID_ = ?").params(until, "standing-user").update();
    }

    private List<String> asTheEngineAnswers(String userId) {
        List<String> names = new ArrayList<>();
        identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list()
                .forEach(group -> names.add("GROUP_" + group.getId()));
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).orderByTenantId().asc().list()
                .forEach(tenant -> names.add("TENANT_" + tenant.getId()));
        return names;
    }

    private static List<String> names(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
