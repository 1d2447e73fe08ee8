package jp.jcstar.lab.assessment.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentSearch;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import jp.jcstar.lab.assessment.overview.AssessmentOverviews;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.assessment.process.OpenSteps;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.reports.ReportAccess;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.LabPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The assessments in the browser (the session of Tasklist): the list at a glance, and one page per assessment with
 * everything its reader may see. Lab staff see every company's, a manufacturer only its own (another's: 404).
 */
@Controller
@LabPage
public class AssessmentPageController {

    /** How many assessments one page of the list shows. */
    static final int PAGE_SIZE = 50;

    private final AssessmentAccess access;
    private final AssessmentOverviews overviews;
    private final OpenSteps openSteps;

    private final AssessmentRepository assessments;
    private final ApplicationIntake intake;
    private final ChangeNotices changeNotices;
    private final ChangeNoticeIntake changeNoticeIntake;

    public AssessmentPageController(AssessmentAccess access, AssessmentOverviews overviews, OpenSteps openSteps,
                                    AssessmentRepository assessments, ApplicationIntake intake,
                                    ChangeNotices changeNotices, ChangeNoticeIntake changeNoticeIntake) {
        this.changeNotices = changeNotices;
        this.changeNoticeIntake = changeNoticeIntake;
        this.assessments = assessments;
        this.intake = intake;
        this.access = access;
        this.overviews = overviews;
        this.openSteps = openSteps;
    }

    /** One line of the list: where the assessment stands and who is waiting for whom. */
    public record ListRow(long id, String reference, String manufacturer, String product, String level, String status,
                          boolean open, int round, String step, String waitingFor, String due, boolean overdue,
                          String finalReport) {
    }

    /** A status the list can be narrowed to, as the filter offers it. */
    public record StatusChoice(String value, String label) {
    }

    @GetMapping("/lab/assessments")
    public String list(@RequestParam(name = "q", required = false) String text,
                       @RequestParam(name = "status", required = false) String status,
                       @RequestParam(name = "page", required = false) String page,
                       Authentication user, Model model) {
        AssessmentSearch search = new AssessmentSearch(text, status == null || status.isBlank()
                ? null : EnumValues.find(AssessmentStatus.class, status, Enum::name).orElseThrow(() ->
                new InvalidInputException("状態 status は " + statusNames() + " のいずれかにしてください（'" + status
                        + "' は選べません）/ status must be one of " + statusNames() + ", was '" + status + "'")));
        int pageNo = pageNumber(page);
        long offset = (pageNo - 1L) * PAGE_SIZE; // a page far past the last is empty, not an overflow
        AssessmentSearch.Page found = access.visible(LabUser.of(user), search, offset, PAGE_SIZE);
        List<Assessment> visible = found.items();
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", found.total());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", pages);
        model.addAttribute("from", visible.isEmpty() ? 0 : offset + 1);
        model.addAttribute("to", offset + visible.size());
        model.addAttribute("q", search.text() == null ? "" : search.text());
        model.addAttribute("status", search.status() == null ? "" : search.status().name());
        model.addAttribute("statuses", Arrays.stream(AssessmentStatus.values())
                .map(choice -> new StatusChoice(choice.name(), Wording.status(choice))).toList());
        model.addAttribute("filtered", search.text() != null || search.status() != null);
        model.addAttribute("previous", pageNo > 1 ? listUrl(search, pageNo - 1) : null);
        model.addAttribute("next", pageNo < pages ? listUrl(search, pageNo + 1) : null);
        model.addAttribute("first", pageNo > pages ? listUrl(search, 1) : null);
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

    private static String statusNames() {
        return Arrays.stream(AssessmentStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("ページ page は 1 以上の整数にしてください（'" + page + "' は使えません）/ page must "
                + "be a whole number from 1, was '" + page + "'");
    }

    private static String listUrl(AssessmentSearch search, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/lab/assessments");
        if (search.text() != null) {
            url.queryParam("q", search.text());
        }
        if (search.status() != null) {
            url.queryParam("status", search.status().name());
        }
        return url.queryParam("page", page).encode().build().toUriString();
    }

    @GetMapping("/lab/assessments/{id}")
    public String assessment(@PathVariable long id, Authentication authentication, Model model) {
        LabUser user = LabUser.of(authentication);
        Assessment assessment = access.visible(id, user);
        model.addAttribute("a", overviews.of(assessment, user));
        // A renewal and what it renews, as far as the reader may see them (both are of one company).
        model.addAttribute("renews", assessments.renewed(id).map(assessments::get).map(LinkedAssessment::of).orElse(null));
        List<Assessment> next = assessments.renewals(id).stream().map(assessments::get).toList();
        model.addAttribute("renewals", next.stream().map(LinkedAssessment::of).toList());

        boolean succeeded = next.stream().anyMatch(successor -> successor.status() == AssessmentStatus.IN_PROGRESS
                || successor.status() == AssessmentStatus.COMPLETED);
        // A renewal, like a change notice, goes to the product as it stands: not beside a running or completed successor.
        model.addAttribute("mayRenew", assessment.status() == AssessmentStatus.COMPLETED
                && user.isInAny(List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS)) && !succeeded
                && !changeNotices.waiting(id));
        model.addAttribute("mayFileChange", assessment.status() == AssessmentStatus.COMPLETED
                && user.isInAny(List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS)) && !succeeded
                && !changeNotices.waiting(id) && changeNoticeIntake.labelInForce(assessment));
        model.addAttribute("changeNotices", changeNotices.of(id).stream().map(notice -> new NoticeRow(notice,
                words(notice.components()), notice.retest() == null ? null : words(notice.retest()),
                notice.deltaAssessmentId() == null ? null
                        : LinkedAssessment.of(assessments.get(notice.deltaAssessmentId())))).toList());
        model.addAttribute("components", changeNotices.productScope(assessment).stream().sorted()
                .map(ComponentField::of).toList());
        return "assessment";
    }

    /** An assessment linked from another's page: a renewal, or what it renews. */
    public record LinkedAssessment(long id, String reference, String status) {

        static LinkedAssessment of(Assessment assessment) {
            return new LinkedAssessment(assessment.id(), assessment.reference(), Wording.status(assessment.status()));
        }
    }

    /** A component of the change notice form: its checkbox and the field of its new version. */
    public record ComponentField(String name, String words, String field, String versionLabel) {

        static ComponentField of(ProductComponent component) {
            return switch (component) {
                case DEVICE -> new ComponentField(component.name(), Wording.component(component), "firmwareVersion",
                        "新しいファームウェア版 / New firmware version");
                case APP -> new ComponentField(component.name(), Wording.component(component), "appVersion",
                        "新しいアプリ版 / New app version");
                case CLOUD -> new ComponentField(component.name(), Wording.component(component), "cloudVersion",
                        "新しいクラウド版 / New cloud version");
            };
        }
    }

    /** A change notice on the page: the notice, its components and the delta assessment in words. */
    public record NoticeRow(ChangeNotice notice, String components, String retest, LinkedAssessment delta) {
    }

    private static String words(java.util.Set<ProductComponent> components) {
        return components.isEmpty() ? "なし / none"
                : components.stream().sorted().map(Wording::component).collect(Collectors.joining(", "));
    }

    /** A change notice from the assessment's page: back to its list. */
    @PostMapping("/lab/assessments/{id}/change-notices")
    public String fileChangeNotice(@PathVariable long id,
                                   @RequestParam(name = "components", required = false) List<String> components,
                                   @RequestParam(name = "firmwareVersion", required = false) String firmwareVersion,
                                   @RequestParam(name = "appVersion", required = false) String appVersion,
                                   @RequestParam(name = "cloudVersion", required = false) String cloudVersion,
                                   @RequestParam(name = "description", required = false) String description,
                                   Authentication authentication) {
        LabUser user = LabUser.of(authentication);
        changeNoticeIntake.file(access.visible(id, user), user, new ChangeNoticeIntake.Request(components,
                firmwareVersion, appVersion, cloudVersion, description));
        return "redirect:/lab/assessments/" + id + "#changes";
    }

    /** A renewal from the assessment's page: to the new assessment. */
    @PostMapping("/lab/assessments/{id}/renewal")
    public String renew(@PathVariable long id, Authentication authentication) {
        LabUser user = LabUser.of(authentication);
        return "redirect:/lab/assessments/" + intake.renew(access.visible(id, user), user).id();
    }
}
