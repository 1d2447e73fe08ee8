package jp.jcstar.lab.assessment.process;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a lab's monitoring asks of the workflow, as gauges read at each scrape of {@code /actuator/prometheus}:
 * assessments by status, open tasks by step (the user tasks of the deployed model), the engine's due and failed jobs
 * (report generation, reminders) and open incidents.
 */
@Component
public class ProcessMetrics {

    private final MeterRegistry registry;
    private final AssessmentRepository assessments;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final JobExecutorHealth jobs;
    private final RuntimeService runtime;

    public ProcessMetrics(MeterRegistry registry, AssessmentRepository assessments, RepositoryService repository,
                          TaskService tasks, JobExecutorHealth jobs, RuntimeService runtime) {
        this.registry = registry;
        this.assessments = assessments;
        this.repository = repository;
        this.tasks = tasks;
        this.jobs = jobs;
        this.runtime = runtime;
    }

    /** Once the process is deployed: its steps are known then. */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (AssessmentStatus status : AssessmentStatus.values()) {
            Gauge.builder("jcstar.assessments", () -> assessments.countByStatus(status))
                    .description("Assessments by status").tag("status", status.name()).register(registry);
        }
        for (UserTask step : steps()) {
            Gauge.builder("jcstar.tasks.open", () -> tasks.createTaskQuery()
                            .processDefinitionKey(AssessmentProcess.PROCESS_KEY).taskDefinitionKey(step.getId()).count())
                    .description("Open tasks of the assessment process by step").tag("step", step.getId())
                    .register(registry);
        }
        Gauge.builder("jcstar.jobs.due", jobs::dueJobs)
                .description("Jobs due now that no node has run yet (reports, reminders)").register(registry);
        Gauge.builder("jcstar.jobs.failed", jobs::failedJobs)
                .description("Jobs that failed and have no retries left").register(registry);
        Gauge.builder("jcstar.incidents.open", () -> runtime.createIncidentQuery().count())
                .description("Open incidents (Cockpit shows them)").register(registry);
    }

    private List<UserTask> steps() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AssessmentProcess.PROCESS_KEY).latestVersion().singleResult();
        return latest == null ? List.of() : List.copyOf(repository.getBpmnModelInstance(latest.getId())
                .getModelElementsByType(UserTask.class));
    }
}
