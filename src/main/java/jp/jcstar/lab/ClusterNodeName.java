package jp.jcstar.lab;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node of a cluster (jcstar.node-name, JCSTAR_NODE_NAME): the name is the owner of the jobs the node
 * locks (ACT_RU_JOB.LOCK_OWNER_) and the host of each job it logs (ACT_HI_JOB_LOG.HOSTNAME_, shown in Cockpit), so
 * an administrator sees which node holds or ran a report job, also of a node that died. Without a name Camunda's
 * defaults stay (a random lock owner, the machine's host name).
 */
@Component
public class ClusterNodeName extends AbstractProcessEnginePlugin {

    private final String name;

    public ClusterNodeName(@Value("${jcstar.node-name:}") String name) {
        this.name = name.isBlank() ? null : name.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (name != null) {
            configuration.setHostname(name);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (name != null && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name);
        }
    }
}
