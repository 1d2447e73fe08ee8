package jp.jcstar.lab.assessment.web;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.TestRound;
import jp.jcstar.lab.notifications.Notification;

/** GET /api/assessments/{id}: where an assessment stands. */
public record AssessmentView(long id, String reference, String status, int round, String catalogVersion,
                             String manufacturer, String productName, String modelNumbers, String firmwareVersion,
                             String appVersion, String cloudVersion, String starLevel, List<String> scope,
                             String appliedBy, OffsetDateTime appliedAt, String reviewedBy, OffsetDateTime endedAt,
                             String endReason, List<ActiveStep> activeSteps, List<ItemView> items,
                             List<FindingView> openFindings, List<TestRound> rounds, List<AssessmentEvent> events,
                             List<Notification> notifications) {

    /** An open user task: what the assessment waits for, and from whom. */
    public record ActiveStep(String taskId, String step, String name, List<String> candidateGroups, String assignee,
                             Date due) {
    }

    /** A catalog item in scope with its latest verdict (null until judged). */
    public record ItemView(String itemId, String step, String title, String verdict, Integer round,
                           String observation, String recordedBy) {
    }

    public record FindingView(long id, int round, String itemId, String observation, String requiredFix,
                              OffsetDateTime dueDate, String status, String manufacturerResponse) {
    }
}
