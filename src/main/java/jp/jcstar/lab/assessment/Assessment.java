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
}
