package jp.jcstar.lab.assessment.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether this node runs the engine's jobs (issue lists, final reports, reminders): a node whose job executor stopped
 * takes no report work, so it is not ready. The backlog and the failed jobs are shown, not judged: a node is not taken
 * out of service for a report that failed.
 */
@Component("jobsHealthIndicator") // health component "jobs" (the engine has a bean "jobExecutor")
public class JobExecutorHealth extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl configuration;
    private final ManagementService management;

    public JobExecutorHealth(ProcessEngine engine) {
        super("The job executor could not be checked");
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.management = engine.getManagementService();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = configuration.getJobExecutor();
        boolean running = executor != null && executor.isActive();
        (running ? health.up() : health.down())
                .withDetail("active", running)
                .withDetail("dueJobs", dueJobs())
                .withDetail("failedJobs", failedJobs());
    }

    /** Jobs due now that no node has run yet. */
    public long dueJobs() {
        return management.createJobQuery().executable().count();
    }

    /** Jobs that failed and have no retries left (Cockpit shows their incidents). */
    public long failedJobs() {
        return management.createJobQuery().noRetriesLeft().count();
    }
}
