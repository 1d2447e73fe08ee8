package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An assessment as the app's tables hold it.
 *
 * @param versions the versions the current round tests
 * @param itemScope a delta assessment's items (those a change touches); empty: every item of the components in scope
 */
public record Assessment(long id, String reference, String processInstanceId, String companyId, String catalogVersion,
                         Product product, Versions versions, AssessmentStatus status, int currentRound, int retestLimit,
                         String appliedBy, OffsetDateTime appliedAt, String reviewedBy, OffsetDateTime reviewedAt,
                         OffsetDateTime endedAt, String endReason, Set<String> itemScope) {

    public Assessment {
        itemScope = itemScope == null ? Set.of() : Set.copyOf(itemScope);
    }

    /** An assessment of every item of its components. */
    public Assessment(long id, String reference, String processInstanceId, String companyId, String catalogVersion,
                      Product product, Versions versions, AssessmentStatus status, int currentRound, int retestLimit,
                      String appliedBy, OffsetDateTime appliedAt, String reviewedBy, OffsetDateTime reviewedAt,
                      OffsetDateTime endedAt, String endReason) {
        this(id, reference, processInstanceId, companyId, catalogVersion, product, versions, status, currentRound,
                retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, endedAt, endReason, Set.of());
    }

    /** Whether the assessment tests this item of its components (a delta only the items its change touches). */
    public boolean tests(String itemId) {
        return itemScope.isEmpty() || itemScope.contains(itemId);
    }

    public boolean covers(ProductComponent component) {
        return product.covers(component);
    }

    /** This assessment limited to the items a change touches. */
    Assessment limitedTo(Set<String> items) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, versions, status,
                currentRound, retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, endedAt, endReason, items);
    }

    /** This assessment after a new round began on these versions. */
    Assessment inRound(int round, Versions tested) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, tested, status, round,
                retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, endedAt, endReason, itemScope);
    }

    /** This assessment after its report was reviewed. */
    Assessment reviewed(String reviewer, OffsetDateTime at) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, versions, status,
                currentRound, retestLimit, appliedBy, appliedAt, reviewer, at, endedAt, endReason, itemScope);
    }

    /** This assessment after it ended. */
    Assessment ended(AssessmentStatus to, String reason, OffsetDateTime at) {
        return new Assessment(id, reference, processInstanceId, companyId, catalogVersion, product, versions, to,
                currentRound, retestLimit, appliedBy, appliedAt, reviewedBy, reviewedAt, at, reason, itemScope);
    }
}
