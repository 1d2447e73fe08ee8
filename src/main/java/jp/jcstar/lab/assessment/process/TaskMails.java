package jp.jcstar.lab.assessment.process;

import java.time.OffsetDateTime;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;

/**
 * Create and assignment listener of every user task ({@link TaskNamesPlugin}): the people whose turn it is are told,
 * in the transaction that made it their turn. A manufacturer hears of requested documents and of an issue list (with
 * its rectification's due date), the reviewers of a report to review, the lab managers of a further round to decide;
 * whoever is given a task by someone else hears that it is theirs (taking it oneself tells nobody).
 */
@Component
public class TaskMails implements TaskListener {

    static final String SUPPLY_DOCUMENTS = "userTask_supplyDocuments";
    static final String SUBMIT_RECTIFICATION = "userTask_submitRectification";
    static final String REVIEW_REPORT = "userTask_reviewReport";
    static final String DECIDE_FURTHER_ROUND = "userTask_decideFurtherRound";

    private final AssessmentRecords assessments;
    private final AssessmentMails mails;

    public TaskMails(AssessmentRecords assessments, AssessmentMails mails) {
        this.assessments = assessments;
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return;
        }
        assessments.findByProcessInstance(task.getProcessInstanceId()).ifPresent(assessment -> {
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                created(task, assessment);
            } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
                    && !task.getAssignee().equals(currentUser())) {
                mails.assigned(assessment, step(task), task.getId(), task.getAssignee());
            }
        });
    }

    private void created(DelegateTask task, Assessment assessment) {
        switch (task.getTaskDefinitionKey()) {
            case SUPPLY_DOCUMENTS -> mails.documentsRequested(assessment, due(task), task.getId());
            case SUBMIT_RECTIFICATION -> mails.issueListReady(assessment, due(task));
            case REVIEW_REPORT -> mails.reportToReview(assessment, task.getId());
            case DECIDE_FURTHER_ROUND -> mails.furtherRoundToDecide(assessment, task.getId());
            default -> {
            }
        }
    }

    /** The step's name as the model gives it ("文書の提出 / Supply documents"), not the task's full name. */
    static Bilingual step(DelegateTask task) {
        TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
        Expression name = definition == null ? null : definition.getNameExpression();
        return Bilingual.ofLabel(name == null ? task.getTaskDefinitionKey() : name.getExpressionText());
    }

    private static OffsetDateTime due(DelegateTask task) {
        return task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(LabClock.ZONE).toOffsetDateTime();
    }

    private static String currentUser() {
        var authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
