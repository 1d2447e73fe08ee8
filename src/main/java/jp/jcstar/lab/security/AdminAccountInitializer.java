package jp.jcstar.lab.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start on an empty database: creates the groups the process uses and the user {@code admin} in
 * {@code camunda-admin}, with the password from JCSTAR_ADMIN_PASSWORD or, when that is not set, a random one
 * printed once to the log. There is no default password. Later starts change nothing.
 */
@Component
public class AdminAccountInitializer {

    static final String ADMIN_USER = "admin";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final List<WorkflowAccess> workflows;
    private final String configuredPassword;

    public AdminAccountInitializer(IdentityService identityService, AuthorizationService authorizationService,
                                   List<WorkflowAccess> workflows,
                                   @Value("${JCSTAR_ADMIN_PASSWORD:}") String configuredPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.workflows = workflows;
        this.configuredPassword = configuredPassword;
        if (!configuredPassword.isEmpty() && configuredPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("JCSTAR_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters; unset it to have a random password generated and logged once");
        }
    }

    /** First of the start's work: nobody can log in before the groups and the administrator exist. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void initialize() {
        createGroupIfMissing(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        createGroupIfMissing(Roles.MANUFACTURERS, "Manufacturers", Groups.GROUP_TYPE_WORKFLOW);
        createGroupIfMissing(Roles.ENGINEERS, "Test engineers", Groups.GROUP_TYPE_WORKFLOW);
        createGroupIfMissing(Roles.REVIEWERS, "Reviewers", Groups.GROUP_TYPE_WORKFLOW);
        createGroupIfMissing(Roles.LAB_MANAGERS, "Lab managers", Groups.GROUP_TYPE_WORKFLOW);
        grantAdministratorsEverything();
        workflows.forEach(WorkflowAccess::apply);
        if (identityService.createUserQuery().count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isEmpty();
        String password = generated ? randomPassword() : configuredPassword;
        User admin = identityService.newUser(ADMIN_USER);
        admin.setFirstName("Lab");
        admin.setLastName("Administrator");
        admin.setPassword(password);
        identityService.saveUser(admin);
        identityService.createMembership(ADMIN_USER, Groups.CAMUNDA_ADMIN);
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created user '{}' with the generated password
                         {}
                     It is shown only this once. Log in at /login (e.g. http://localhost:8080/login),
                     set up the second factor and change it (user menu, My profile);
                     the assessments are at /lab/assessments.
                     Or set JCSTAR_ADMIN_PASSWORD before the first start.
                    ================================================================""", ADMIN_USER, password);
        } else {
            log.info("First start: created user '{}' with the password from JCSTAR_ADMIN_PASSWORD; log in at /login"
                    + " (e.g. http://localhost:8080/login), the assessments are at /lab/assessments", ADMIN_USER);
        }
    }

    private void createGroupIfMissing(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    /** As Camunda's own admin-user setup does: the administrators' group holds every permission on every resource. */
    private void grantAdministratorsEverything() {
        for (Resource resource : Resources.values()) {
            boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (!granted) {
                Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(Groups.CAMUNDA_ADMIN);
                authorization.setResource(resource);
                authorization.setResourceId(Authorization.ANY);
                authorization.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
