package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/**
 * An assessment as the app's tables hold it.
 *
 * @param versions the versions the current round tests
 */
public record Assessment(long id, String reference, String processInstanceId, String companyId, String catalogVersion,
                         Product product, Versions versions, AssessmentStatus status, int currentRound, int retestLimit,
                         String appliedBy, OffsetDateTime appliedAt, String reviewedBy, OffsetDateTime reviewedAt,
                         OffsetDateTime endedAt, String endReason) {

    public boolean covers(ProductComponent component) {
        return product.covers(component);
    }

    /** This assessment after a new round began on these versions. */
    Assessment inRound(int round, Versions tested) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, tested, status, round,
                retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, endedAt, endReason);
    }

    /** This assessment after its report was reviewed. */
    Assessment reviewed(String reviewer, OffsetDateTime at) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, versions, status,
                currentRound, retestLimit, appliedBy, appliedAt, reviewer, at, endedAt, endReason);
    }

    /** This assessment after it ended. */
    Assessment ended(AssessmentStatus to, String reason, OffsetDateTime at) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, versions, to,
                currentRound, retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, at, reason);
    }
}
