package jp.jcstar.lab.processadmin;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** Puts {@link DeploymentGuard} in front of the engine's deployers. */
@Component
public class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    public DeploymentGuardPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(new DeploymentGuard(context));
        configuration.setCustomPreDeployers(preDeployers);
    }
}
