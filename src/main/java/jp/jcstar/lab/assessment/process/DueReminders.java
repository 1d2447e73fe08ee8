package jp.jcstar.lab.assessment.process;

import java.time.OffsetDateTime;
import java.util.Date;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import jp.jcstar.lab.notifications.MailSettings;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds a manufacturer of its open work ({@code jcstar.mail.remind-before}, three days by default) before its due
 * date; at the due date the model's own timer reminds and escalates (serviceTask_escalateOverdue*). Looked for every
 * quarter of an hour; each task is reminded of once per person.
 */
@Component
public class DueReminders {

    private static final Logger log = LoggerFactory.getLogger(DueReminders.class);

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final AssessmentRecords assessments;
    private final AssessmentMails mails;
    private final MailSettings settings;
    private final LabClock clock;

    public DueReminders(TaskService taskService, RepositoryService repositoryService, AssessmentRecords assessments,
                        AssessmentMails mails, MailSettings settings, LabClock clock) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.assessments = assessments;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    public void remind() {
        OffsetDateTime now = clock.now();
        // Also a task one of the company's users took (a candidate group query leaves assigned tasks out by default).
        for (Task task : taskService.createTaskQuery().taskCandidateGroup(Roles.MANUFACTURERS).includeAssignedTasks()
                .dueAfter(Date.from(now.toInstant())).dueBefore(Date.from(now.plus(settings.remindBefore()).toInstant()))
                .list()) {
            assessments.findByProcessInstance(task.getProcessInstanceId()).ifPresent(assessment -> {
                try {
                    mails.dueSoon(assessment, step(task), task.getDueDate().toInstant().atZone(LabClock.ZONE)
                            .toOffsetDateTime(), task.getId());
                } catch (DuplicateKeyException remindedByAnotherNode) {
                    // another node wrote the same reminder at the same moment
                } catch (RuntimeException e) {
                    log.error("The reminder of task {} could not be written; the others are", task.getId(), e);
                }
            });
        }
    }

    private Bilingual step(Task task) {
        FlowElement element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return Bilingual.ofLabel(element == null || element.getName() == null ? task.getTaskDefinitionKey()
                : element.getName());
    }
}
