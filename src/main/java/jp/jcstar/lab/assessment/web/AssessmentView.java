package jp.jcstar.lab.assessment.web;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.RoundOutcome;
import jp.jcstar.lab.assessment.TestRound;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.notifications.Notification;

/**
 * GET /api/assessments/{id}: where an assessment stands. The JSON is the API's contract and stays flat: the product's
 * and the versions' fields sit beside the others ({@code "productName"}, {@code "firmwareVersion"}, …).
 */
public record AssessmentView(long id, String reference, String status, int round, String catalogVersion,
                             @JsonUnwrapped ProductView product,
                             @JsonUnwrapped(suffix = "Version") Versions versions,
                             String appliedBy, OffsetDateTime appliedAt, String reviewedBy, OffsetDateTime endedAt,
                             String endReason, List<ActiveStep> activeSteps, List<ItemView> items,
                             List<FindingView> openFindings, List<RoundView> rounds, List<AssessmentEvent> events,
                             List<Notification> notifications) {

    /** The product as the API names it: the level as written ("STAR-1"), the scope's components in order. */
    public record ProductView(String manufacturer, String productName, String modelNumbers, String starLevel,
                              List<String> scope) {

        static ProductView of(Product product) {
            return new ProductView(product.manufacturer(), product.name(), product.modelNumbers(),
                    product.starLevel().label(), product.scope().stream().map(ProductComponent::name).toList());
        }
    }

    /** A test round with the versions it tested; outcome PASSED or FAILED once evaluated, else null. */
    public record RoundView(int roundNo, @JsonUnwrapped(suffix = "Version") Versions versions, String changedDocuments,
                            OffsetDateTime startedAt, OffsetDateTime evaluatedAt, RoundOutcome outcome) {

        static RoundView of(TestRound round) {
            return new RoundView(round.roundNo(), round.versions(), round.changedDocuments(), round.startedAt(),
                    round.evaluatedAt(), round.outcome());
        }
    }

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
