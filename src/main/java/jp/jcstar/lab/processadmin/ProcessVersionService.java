package jp.jcstar.lab.processadmin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running assessments to another version of the process with the engine's migration API. Activities are
 * mapped by equal ID; an assessment waiting somewhere the target version does not have cannot move and keeps
 * running on its version. Each assessment moves in its own transaction; a dry run does the real migration and rolls
 * it back, so its verdict is the engine's.
 */
@Service
public class ProcessVersionService {

    private static final Logger log = LoggerFactory.getLogger(ProcessVersionService.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final AssessmentRepository assessments;
    private final TransactionTemplate ownTransaction;

    public ProcessVersionService(RepositoryService repositoryService, RuntimeService runtimeService,
                                 AssessmentRepository assessments, PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.assessments = assessments;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The deployed versions, newest first, with how many assessments run on each. */
    public List<Map<String, Object>> versions() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AssessmentProcess.PROCESS_KEY)
                .orderByProcessDefinitionVersion().desc().listPage(0, AssessmentProcess.PAGE).stream()
                .map(definition -> Map.<String, Object>of("version", definition.getVersion(),
                        "processDefinitionId", definition.getId(), "deploymentId", definition.getDeploymentId(),
                        "runningAssessments", runtimeService.createProcessInstanceQuery()
                                .processDefinitionId(definition.getId()).count()))
                .toList();
    }

    /**
     * @param targetVersion  the version to move to; null for the latest
     * @param assessmentIds  the assessments to move; null or empty for every one not on the target version
     */
    public List<MigrationOutcome> migrate(Integer targetVersion, boolean dryRun, Collection<Long> assessmentIds) {
        ProcessDefinition target = target(targetVersion);
        Set<String> chosen = assessmentIds == null || assessmentIds.isEmpty() ? null : assessmentIds.stream()
                .map(id -> assessments.find(id).orElseThrow(() -> new NotFoundException("Assessment " + id + " does not exist")))
                .map(Assessment::processInstanceId).collect(Collectors.toSet());
        List<MigrationOutcome> outcomes = new ArrayList<>();
        Map<String, List<ProcessInstance>> bySource = runningAssessments().stream()
                .filter(instance -> !instance.getProcessDefinitionId().equals(target.getId()))
                .filter(instance -> chosen == null || chosen.contains(instance.getId()))
                .collect(Collectors.groupingBy(ProcessInstance::getProcessDefinitionId));
        bySource.forEach((sourceId, instances) -> {
            ProcessDefinition source = repositoryService.getProcessDefinition(sourceId);
            MigrationPlan plan;
            try {
                plan = runtimeService.createMigrationPlan(sourceId, target.getId())
                        .mapEqualActivities().updateEventTriggers().build();
            } catch (MigrationPlanValidationException e) {
                String reason = "version " + source.getVersion() + " cannot be mapped to version " + target.getVersion()
                        + ": " + e.getValidationReport().getInstructionReports().stream()
                        .flatMap(report -> report.getFailures().stream()).collect(Collectors.joining("; "));
                instances.forEach(instance -> outcomes.add(outcome(instance, source, target, false, false, reason)));
                return;
            }
            instances.forEach(instance -> outcomes.add(migrateOne(plan, instance, source, target, dryRun)));
        });
        log.info("Process version migration to v{} ({}): {} assessment(s), {} movable", target.getVersion(),
                dryRun ? "dry run" : "for real", outcomes.size(), outcomes.stream().filter(MigrationOutcome::canMigrate).count());
        return outcomes;
    }

    /** Every running instance of the process, page by page (the engine refuses unbounded queries made as a user). */
    private List<ProcessInstance> runningAssessments() {
        List<ProcessInstance> all = new ArrayList<>();
        List<ProcessInstance> page;
        do {
            page = runtimeService.createProcessInstanceQuery().processDefinitionKey(AssessmentProcess.PROCESS_KEY)
                    .orderByProcessInstanceId().asc().listPage(all.size(), AssessmentProcess.PAGE);
            all.addAll(page);
        } while (page.size() == AssessmentProcess.PAGE);
        return all;
    }

    private MigrationOutcome migrateOne(MigrationPlan plan, ProcessInstance instance, ProcessDefinition source,
                                        ProcessDefinition target, boolean dryRun) {
        List<String> waitingAt = runtimeService.getActiveActivityIds(instance.getId());
        return ownTransaction.execute(status -> {
            try {
                runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return outcome(instance, source, target, waitingAt, true, !dryRun, null);
            } catch (MigratingProcessInstanceValidationException e) {
                status.setRollbackOnly();
                String reason = e.getValidationReport().getActivityInstanceReports().stream()
                        .map(report -> report.getSourceScopeId() + ": " + String.join("; ", report.getFailures()))
                        .collect(Collectors.joining("; "));
                return outcome(instance, source, target, waitingAt, false, false,
                        reason.isEmpty() ? e.getMessage() : reason);
            }
        });
    }

    private MigrationOutcome outcome(ProcessInstance instance, ProcessDefinition source, ProcessDefinition target,
                                     boolean canMigrate, boolean migrated, String reason) {
        return outcome(instance, source, target, runtimeService.getActiveActivityIds(instance.getId()), canMigrate,
                migrated, reason);
    }

    private MigrationOutcome outcome(ProcessInstance instance, ProcessDefinition source, ProcessDefinition target,
                                     List<String> activities, boolean canMigrate, boolean migrated, String reason) {
        String reference = assessments.findByProcessInstance(instance.getId()).map(Assessment::reference)
                .orElse(instance.getBusinessKey());
        return new MigrationOutcome(reference, instance.getId(), source.getVersion(), target.getVersion(),
                activities, canMigrate, migrated, reason);
    }

    private ProcessDefinition target(Integer version) {
        if (version != null && version < 1) {
            throw new InvalidInputException("targetVersion: versions are numbered from 1; " + version + " is none");
        }
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AssessmentProcess.PROCESS_KEY);
        ProcessDefinition target = version == null ? query.latestVersion().singleResult()
                : query.processDefinitionVersion(version).singleResult();
        if (target == null) {
            throw new NotFoundException("There is no version " + version + " of " + AssessmentProcess.PROCESS_KEY);
        }
        return target;
    }
}
