package jp.jcstar.lab.assessment.process;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.notifications.MailFacts;
import jp.jcstar.lab.notifications.MailKind;
import jp.jcstar.lab.notifications.Mails;
import jp.jcstar.lab.notifications.Recipient;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each working morning ({@code jcstar.mail.digest-cron}) every engineer with work gets one mail listing the tasks
 * assigned to them (soonest due first), then those open to their group (newest first), and how many there are. At most one a day per person, also with several nodes: the mail's
 * key is the person and the day.
 */
@Component
public class WorkDigest {

    private static final Logger log = LoggerFactory.getLogger(WorkDigest.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** The most tasks one digest lists; the count says how many there are. */
    static final int LISTED = 50;

    private final TaskService taskService;
    private final Mails mails;
    private final LabClock clock;

    public WorkDigest(TaskService taskService, Mails mails, LabClock clock) {
        this.taskService = taskService;
        this.mails = mails;
        this.clock = clock;
    }

    /** Writes today's digests that were not written yet; returns how many it wrote. */
    @Scheduled(cron = "${jcstar.mail.digest-cron:0 0 8 * * MON-FRI}", zone = "Asia/Tokyo")
    public int send() {
        LocalDate today = clock.now().toLocalDate();
        int written = 0;
        for (Recipient engineer : mails.membersOf(Roles.ENGINEERS)) {
            List<Task> work = new ArrayList<>(taskService.createTaskQuery().taskAssignee(engineer.userId())
                    .orderByDueDate().asc().listPage(0, LISTED));
            long count = taskService.createTaskQuery().taskAssignee(engineer.userId()).count()
                    + taskService.createTaskQuery().taskCandidateUser(engineer.userId()).count();
            work.addAll(taskService.createTaskQuery().taskCandidateUser(engineer.userId()).orderByTaskCreateTime().desc()
                    .listPage(0, Math.max(0, LISTED - work.size())));
            if (count == 0) {
                continue;
            }
            try {
                if (mails.toUserOnce("digest:" + engineer.userId() + ":" + today, engineer, MailKind.WORK_DIGEST,
                        new MailFacts(null, null, null, null, null, null, null, "/camunda/app/tasklist/default/"),
                        Map.of("count", Bilingual.of(String.valueOf(count), String.valueOf(count)),
                                "work", lines(work, engineer.userId(), count)))) {
                    written++;
                }
            } catch (DuplicateKeyException writtenByAnotherNode) {
                // another node wrote this person's digest of today at the same moment
            } catch (RuntimeException e) {
                log.error("The work digest of {} could not be written; the others are", engineer.userId(), e);
            }
        }
        log.info("Work digest of {}: {} mail(s)", today, written);
        return written;
    }

    private static Bilingual lines(List<Task> work, String userId, long count) {
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Task task : work) {
            boolean mine = userId.equals(task.getAssignee());
            String due = task.getDueDate() == null ? ""
                    : task.getDueDate().toInstant().atZone(LabClock.ZONE).format(DATE);
            ja.append("・").append(task.getName()).append(mine ? " (あなたの担当)" : "")
                    .append(due.isEmpty() ? "" : " 期限 " + due).append('\n');
            en.append("- ").append(task.getName()).append(mine ? " (assigned to you)" : "")
                    .append(due.isEmpty() ? "" : ", due " + due).append('\n');
        }
        if (count > work.size()) {
            ja.append("ほか ").append(count - work.size()).append(" 件\n");
            en.append("and ").append(count - work.size()).append(" more\n");
        }
        return Bilingual.of(ja.toString().stripTrailing(), en.toString().stripTrailing());
    }
}
