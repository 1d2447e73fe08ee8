package jp.jcstar.lab.assessment.notice;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.OverdueWork;
import jp.jcstar.lab.notifications.MailFacts;
import jp.jcstar.lab.notifications.MailKind;
import jp.jcstar.lab.notifications.Mails;
import jp.jcstar.lab.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who is told what about an assessment, and where each mail's link leads: the manufacturer's users to the assessment
 * or the issue list, lab staff to the task in Tasklist. Every fact comes from the assessment's row.
 */
@Component
public class AssessmentMails {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Mails mails;

    public AssessmentMails(Mails mails) {
        this.mails = mails;
    }

    /** The path of a task in Tasklist (after the login, Tasklist opens it). */
    public static String taskLink(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public static String assessmentLink(long assessmentId) {
        return "/lab/assessments/" + assessmentId;
    }

    public void applicationReceived(Assessment assessment) {
        mails.toCompany(assessment.companyId(), MailKind.APPLICATION_RECEIVED, facts(assessment));
    }

    public void documentsRequested(Assessment assessment, OffsetDateTime due, String taskId) {
        mails.toCompany(assessment.companyId(), MailKind.DOCUMENT_REQUEST,
                facts(assessment).withDue(date(due)).withLink(taskLink(taskId)));
    }

    public void issueListReady(Assessment assessment, OffsetDateTime due) {
        mails.toCompany(assessment.companyId(), MailKind.ISSUE_LIST_READY, facts(assessment)
                .withRound(assessment.currentRound()).withDue(date(due))
                .withLink(assessmentLink(assessment.id()) + "/reports/issue-list/" + assessment.currentRound()));
    }

    /** Once per task and person, however often the reminders are looked for. */
    public void dueSoon(Assessment assessment, Bilingual step, OffsetDateTime due, String taskId) {
        MailFacts facts = facts(assessment).withStep(step).withDue(date(due)).withLink(taskLink(taskId));
        mails.companyUsers(assessment.companyId()).forEach(person ->
                mails.toUserOnce("due-soon:" + taskId + ":" + person.userId(), person, MailKind.DUE_REMINDER, facts,
                        Map.of()));
    }

    /** At the due date (the model's timer): {@code due} is the date the work was due, not when the timer ran. */
    public void overdue(Assessment assessment, OverdueWork work, OffsetDateTime due) {
        MailFacts facts = facts(assessment).withStep(step(work)).withDue(date(due));
        mails.toCompany(assessment.companyId(), MailKind.OVERDUE_REMINDER, facts);
        mails.toGroup(Roles.LAB_MANAGERS, MailKind.ESCALATION, facts);
    }

    public void completed(Assessment assessment) {
        mails.toCompany(assessment.companyId(), MailKind.ASSESSMENT_COMPLETED,
                facts(assessment).withLink(assessmentLink(assessment.id()) + "/reports/final"));
    }

    /** With the link to the termination notice, which the model issues right after the termination. */
    public void terminated(Assessment assessment) {
        mails.toCompany(assessment.companyId(), MailKind.ASSESSMENT_TERMINATED,
                facts(assessment).withLink(assessmentLink(assessment.id()) + "/reports/termination"));
    }

    /** Before the final report's validity ends (the label's life process): the company and the lab managers. */
    public void labelExpiring(Assessment assessment, String validUntil) {
        label(assessment, MailKind.LABEL_EXPIRING, validUntil);
    }

    /** The final report's validity has ended: the company and the lab managers. */
    public void labelExpired(Assessment assessment, String validUntil) {
        label(assessment, MailKind.LABEL_EXPIRED, validUntil);
    }

    private void label(Assessment assessment, MailKind kind, String validUntil) {
        MailFacts facts = facts(assessment).withDue(validUntil);
        mails.toCompany(assessment.companyId(), kind, facts);
        mails.toGroup(Roles.LAB_MANAGERS, kind, facts);
    }

    public void assigned(Assessment assessment, Bilingual step, String taskId, String assignee) {
        mails.toUser(assignee, MailKind.TASK_ASSIGNED, facts(assessment).withStep(step).withLink(taskLink(taskId)));
    }

    public void reportToReview(Assessment assessment, String taskId) {
        mails.toGroup(Roles.REVIEWERS, MailKind.REPORT_TO_REVIEW, facts(assessment).withLink(taskLink(taskId)));
    }

    public void furtherRoundToDecide(Assessment assessment, String taskId) {
        mails.toGroup(Roles.LAB_MANAGERS, MailKind.FURTHER_ROUND_DECISION, facts(assessment).withLink(taskLink(taskId)));
    }

    private static Bilingual step(OverdueWork work) {
        return switch (work) {
            case DOCUMENTS -> Bilingual.of("文書の提出", "Supply documents");
            case RECTIFICATION -> Bilingual.of("是正の提出", "Submit rectification");
        };
    }

    private static MailFacts facts(Assessment assessment) {
        return MailFacts.of(assessment.id(), assessment.reference(), assessment.product().name(),
                assessment.product().manufacturer(), assessmentLink(assessment.id()));
    }

    private static String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(LabClock.ZONE).format(DATE);
    }
}
