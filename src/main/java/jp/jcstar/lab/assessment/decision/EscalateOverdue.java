package jp.jcstar.lab.assessment.decision;

import java.time.OffsetDateTime;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.OverdueWork;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import jp.jcstar.lab.notifications.NotificationRepository;
import jp.jcstar.lab.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work is overdue: a reminder to the manufacturer and an escalation to the lab managers, recorded and mailed. */
@Service
@Transactional
public class EscalateOverdue {

    private static final Logger log = LoggerFactory.getLogger(EscalateOverdue.class);

    private final AssessmentRepository assessments;
    private final NotificationRepository notifications;
    private final LabClock clock;
    private final AssessmentMails mails;

    public EscalateOverdue(AssessmentRepository assessments, NotificationRepository notifications, LabClock clock,
                           AssessmentMails mails) {
        this.assessments = assessments;
        this.notifications = notifications;
        this.clock = clock;
        this.mails = mails;
    }

    /** @param due when the work was due (the timer may run later, after a node was down) */
    public void escalate(long assessmentId, OverdueWork overdueWork, OffsetDateTime due) {
        Assessment assessment = assessments.get(assessmentId);
        OffsetDateTime now = clock.now();
        String what = overdueWork.description();
        notifications.add(assessmentId, overdueWork + "_OVERDUE_REMINDER", Roles.MANUFACTURERS,
                "The " + what + " for " + assessment.reference() + " are overdue; please submit them.", now);
        notifications.add(assessmentId, overdueWork + "_OVERDUE_ESCALATION", Roles.LAB_MANAGERS,
                assessment.product().manufacturer() + " has not submitted the " + what + " for " + assessment.reference()
                        + " by the due date.", now);
        mails.overdue(assessment, overdueWork, due == null ? now : due);
        log.warn("Assessment {}: {} overdue, escalated to {}", assessment.reference(), what, Roles.LAB_MANAGERS);
    }
}
