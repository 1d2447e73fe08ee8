package jp.jcstar.lab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** First start on an empty database: an admin with no default password. Each test has its own empty engine. */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountInitializerTest {

    static final Pattern GENERATED = Pattern.compile("generated password\\s+(\\S+)");

    ProcessEngine engine;

    @BeforeEach
    void emptyEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:admin-" + UUID.randomUUID())
                .setProcessEngineName("admin-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        engine = configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnceAndWorks(CapturedOutput output) {
        initializer("").initialize();

        Matcher matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is logged").isTrue();
        String password = matcher.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(engine.getIdentityService().checkPassword("admin", password)).isTrue();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).singleResult().getId())
                .isEqualTo("admin");
        assertThat(engine.getIdentityService().createGroupQuery().groupIdIn(Roles.WORKFLOW_GROUPS.toArray(String[]::new))
                .count()).isEqualTo(Roles.WORKFLOW_GROUPS.size());

        int logged = output.getAll().length();
        initializer("").initialize();
        assertThat(output.getAll().substring(logged)).doesNotContain("generated password");
        assertThat(engine.getIdentityService().createUserQuery().count()).isOne();
        assertThat(engine.getIdentityService().checkPassword("admin", password)).isTrue();
    }

    @Test
    void twoFirstStartsNeverGenerateTheSamePassword(CapturedOutput output) {
        initializer("").initialize();
        engine.getIdentityService().deleteUser("admin");
        initializer("").initialize();
        Matcher matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).isTrue();
        String first = matcher.group(1);
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isNotEqualTo(first);
    }

    @Test
    void theConfiguredPasswordIsUsedAndNotLogged(CapturedOutput output) {
        initializer("a-lab-chosen-password").initialize();
        assertThat(engine.getIdentityService().checkPassword("admin", "a-lab-chosen-password")).isTrue();
        assertThat(output.getAll()).doesNotContain("a-lab-chosen-password");
    }

    @Test
    void aShortConfiguredPasswordStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> initializer("admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JCSTAR_ADMIN_PASSWORD must have at least 12 characters");
    }

    private AdminAccountInitializer initializer(String configuredPassword) {
        return new AdminAccountInitializer(engine.getIdentityService(), engine.getAuthorizationService(),
                new WorkflowAuthorizations(engine.getAuthorizationService()), configuredPassword);
    }
}
