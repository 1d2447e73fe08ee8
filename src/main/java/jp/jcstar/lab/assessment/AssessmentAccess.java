package jp.jcstar.lab.assessment;

import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.problem.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which assessments a caller of the app's API may see: lab staff every one, a manufacturer's user only its own
 * company's. Another company's assessment answers exactly like one that does not exist.
 */
@Component
public class AssessmentAccess {

    private final AssessmentRepository assessments;

    public AssessmentAccess(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    /** A page of the assessments the user may see that match the search, newest first. */
    public AssessmentSearch.Page visible(LabUser user, AssessmentSearch search, long offset, int size) {
        return assessments.page(user.seesEveryCompany(), user.tenants(), search, offset, size);
    }

    public Assessment visible(long id, LabUser user) {
        return assessments.find(id)
                .filter(assessment -> user.seesEveryCompany()
                        || (assessment.companyId() != null && user.tenants().contains(assessment.companyId())))
                .orElseThrow(() -> new NotFoundException(
                        "評価 " + id + " は存在しません / Assessment " + id + " does not exist"));
    }
}
