package jp.jcstar.lab.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine settings security depends on, in code so that no configuration file can loosen them: companies as
 * tenants, the password policy, no expressions in ad-hoc queries (and no orQueries trick around that:
 * {@link EngineRequestGuard}), checked deserialization, and the command guard that decides who writes what
 * ({@link EngineCommandGuard}).
 */
@Component
public class LabEnginePlugin extends AbstractProcessEnginePlugin {

    private final SecurityAudit audit;

    public LabEnginePlugin(SecurityAudit audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new CompanyTenantProvider());
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PasswordRules());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);
        // Users get TASK_WORK on their tasks (claim, complete), not UPDATE (variables, due dates, assignees).
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        // Lab staff read tasks through the process definition, not through one authorization row per task.
        configuration.setResourceAuthorizationProvider(new LabTaskAuthorizations());
        // Only grants are used (EngineCommandGuard refuses to save a revocation), so no command looks for revocations.
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        // Checks take the caller's groups as they are, without first asking which groups have authorizations.
        List<SessionFactory> sessionFactories = new ArrayList<>(configuration.getCustomSessionFactories() == null
                ? List.of() : configuration.getCustomSessionFactories());
        sessionFactories.add(new CallersGroupsAsTheyAre.Factory());
        configuration.setCustomSessionFactories(sessionFactories);
        // Inside the engine's command context, so that it sees every command of every client (EngineCommandGuard).
        EngineCommandGuard guard = new EngineCommandGuard(audit);
        configuration.setCustomPostCommandInterceptorsTxRequired(withGuard(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), guard));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, EngineCommandGuard guard) {
        List<CommandInterceptor> all = new ArrayList<>(interceptors == null ? List.of() : interceptors);
        all.add(guard);
        return all;
    }
}
