package jp.jcstar.lab.assessment.change;

import java.time.OffsetDateTime;
import java.util.Set;

import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;

/**
 * A manufacturer's notice that a certified product changed, and the lab's decision on it.
 *
 * @param versions   the new versions of the changed components (the others as certified)
 * @param retest     the components the engineer found need a retest; null until decided, empty when none does
 * @param retestItems the items of those components the change touches: the delta assessment tests only these
 * @param deltaAssessmentId the assessment that retests them, once started
 */
public record ChangeNotice(long id, long assessmentId, String processInstanceId, String filedBy, OffsetDateTime filedAt,
                           Set<ProductComponent> components, Versions versions, String description, String decidedBy,
                           OffsetDateTime decidedAt, Set<ProductComponent> retest, Set<String> retestItems, String reason,
                           Long deltaAssessmentId) {

    public boolean decided() {
        return decidedAt != null;
    }
}
