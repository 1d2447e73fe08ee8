package jp.jcstar.lab.assessment.review;

import java.time.OffsetDateTime;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentEventRepository;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.CheckResultRepository;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.ReviewDecision;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reviewer's decision on the final report, under the four-eyes rule. */
@Service
@Transactional
public class ReviewReport {

    private final AssessmentRepository assessments;
    private final CheckResultRepository results;
    private final AssessmentEventRepository events;
    private final DecisionLog decisions;
    private final LabClock clock;

    public ReviewReport(AssessmentRepository assessments, CheckResultRepository results,
                        AssessmentEventRepository events, DecisionLog decisions, LabClock clock) {
        this.assessments = assessments;
        this.results = results;
        this.events = events;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The four-eyes rule: nobody who recorded a verdict in this assessment may review its report. */
    public void requireIndependentReviewer(long assessmentId, String reviewer) {
        if (reviewer == null) {
            throw new ForbiddenException(Bilingual.of("報告書のレビューは、ログインしたレビュアーが行います。ログインしてから"
                    + "判断してください。", "The report review needs a known reviewer; log in before deciding."));
        }
        if (results.testers(assessmentId).contains(reviewer)) {
            String reference = assessments.get(assessmentId).reference();
            throw new ForbiddenException(Bilingual.of("四つの目の原則: " + reviewer + " さんは " + reference + " で判定を記録"
                    + "したため、この報告書をレビューできません。試験に関わっていない別のレビュアーに任せてください。",
                    "Four eyes: " + reviewer + " recorded verdicts in " + reference + " and may not review its report. "
                    + "Leave the review to a reviewer who did not test this product."));
        }
    }

    /** An approval is recorded on the assessment; a rejection needs a reason. */
    public ReviewDecision record(long assessmentId, String reviewer, String decision, String rejectionReason) {
        requireIndependentReviewer(assessmentId, reviewer);
        ReviewDecision review = ReviewDecision.parse(decision);
        if (review == ReviewDecision.REJECT && (rejectionReason == null || rejectionReason.isBlank())) {
            throw new InvalidInputException(Bilingual.of("差し戻すには理由が必要です。「差し戻し理由」を書いてから完了して"
                    + "ください。", "A reason is required to send the report back. Write it in “Reason for sending "
                    + "back”, then complete."));
        }
        OffsetDateTime now = clock.now();
        if (review == ReviewDecision.APPROVE) {
            assessments.recordReview(assessmentId, reviewer, now);
        }
        events.add(assessmentId, AssessmentEvent.Kind.REPORT_REVIEW, review.name(), reviewer,
                FreeText.strippedOrNull(rejectionReason), now);
        decisions.record(reviewer, assessments.get(assessmentId), "REPORT_REVIEW", Map.of("decision", review));
        return review;
    }
}
