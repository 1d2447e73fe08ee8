package jp.jcstar.lab.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine settings security depends on, in code so that no configuration file can loosen them: companies as
 * tenants, the password policy, no expressions in ad-hoc queries (and no orQueries trick around that:
 * {@link EngineRequestGuard}), checked deserialization.
 */
@Component
public class LabEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new CompanyTenantProvider());
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PasswordRules());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);
    }
}
