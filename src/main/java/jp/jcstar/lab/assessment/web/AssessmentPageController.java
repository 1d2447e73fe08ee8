package jp.jcstar.lab.assessment.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.overview.AssessmentOverviews;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.assessment.process.OpenSteps;
import jp.jcstar.lab.reports.ReportAccess;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.LabPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assessments in the browser (the session of Tasklist): the list at a glance, and one page per assessment with
 * everything its reader may see. Lab staff see every company's, a manufacturer only its own (another's: 404).
 */
@Controller
@LabPage
public class AssessmentPageController {

    /** How many assessments the list shows. */
    static final int LATEST = 200;

    private final AssessmentAccess access;
    private final AssessmentOverviews overviews;
    private final OpenSteps openSteps;

    public AssessmentPageController(AssessmentAccess access, AssessmentOverviews overviews, OpenSteps openSteps) {
        this.access = access;
        this.overviews = overviews;
        this.openSteps = openSteps;
    }

    /** One line of the list: where the assessment stands and who is waiting for whom. */
    public record ListRow(long id, String reference, String manufacturer, String product, String level, String status,
                          boolean open, int round, String step, String waitingFor, String due, boolean overdue,
                          String finalReport) {
    }

    @GetMapping("/lab/assessments")
    public String list(Authentication user, Model model) {
        List<Assessment> visible = access.latestVisible(LabUser.of(user), LATEST);
        Map<String, List<OpenSteps.OpenStep>> steps = openSteps.of(visible.stream()
                .filter(assessment -> assessment.status() == AssessmentStatus.IN_PROGRESS)
                .map(Assessment::processInstanceId).toList());
        model.addAttribute("rows", visible.stream().map(assessment -> {
            List<OpenSteps.OpenStep> open = steps.getOrDefault(assessment.processInstanceId(), List.of());
            OpenSteps.OpenStep firstDue = open.stream().filter(step -> step.due() != null)
                    .min(Comparator.comparing(OpenSteps.OpenStep::due)).orElse(null);
            Product product = assessment.product();
            return new ListRow(assessment.id(), assessment.reference(), product.manufacturer(), product.name(),
                    product.starLevel().label(), Wording.status(assessment.status()),
                    assessment.status() == AssessmentStatus.IN_PROGRESS, assessment.currentRound(),
                    open.stream().map(OpenSteps.OpenStep::name).distinct().collect(Collectors.joining(", ")),
                    open.stream().flatMap(step -> step.assignee() != null ? Stream.of(step.assignee())
                            : step.candidateGroups().stream().map(Wording::group)).distinct()
                            .collect(Collectors.joining(", ")),
                    firstDue == null ? "" : Wording.dateTime(firstDue.due()),
                    open.stream().anyMatch(OpenSteps.OpenStep::overdue),
                    assessment.status() == AssessmentStatus.COMPLETED ? ReportAccess.finalPath(assessment.id()) : null);
        }).toList());
        return "assessments";
    }

    @GetMapping("/lab/assessments/{id}")
    public String assessment(@PathVariable long id, Authentication authentication, Model model) {
        LabUser user = LabUser.of(authentication);
        model.addAttribute("a", overviews.of(access.visible(id, user), user));
        return "assessment";
    }
}
