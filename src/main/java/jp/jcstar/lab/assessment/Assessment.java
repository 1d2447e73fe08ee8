package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.Set;

/** An assessment as the app's tables hold it. */
public record Assessment(long id, String reference, String processInstanceId, String companyId, String catalogVersion,
                         String manufacturer, String productName, String modelNumbers, String firmwareVersion,
                         String appVersion, String cloudVersion, StarLevel starLevel, Set<ProductComponent> scope,
                         AssessmentStatus status, int currentRound, int retestLimit, String appliedBy, OffsetDateTime appliedAt,
                         String reviewedBy, OffsetDateTime reviewedAt, OffsetDateTime endedAt, String endReason) {

    public boolean covers(ProductComponent component) {
        return scope.contains(component);
    }
}
