package jp.jcstar.lab.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.notifications.NotificationRepository;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.problem.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class AssessmentController {

    /** Who may apply: manufacturers, and lab staff who enter an application on a manufacturer's behalf. */
    static final List<String> APPLICANT_GROUPS = List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS, Roles.ADMINS);

    private final AssessmentProcess process;
    private final AssessmentRecords records;
    private final AssessmentAccess access;
    private final TestRoundRepository rounds;
    private final FindingRepository findings;
    private final NotificationRepository notifications;
    private final ApplicationIntake intake;
    private final ChangeNoticeIntake changeNotices;

    public AssessmentController(AssessmentProcess process, AssessmentRecords records, AssessmentAccess access,
                                TestRoundRepository rounds, FindingRepository findings,
                                NotificationRepository notifications, ApplicationIntake intake,
                                ChangeNoticeIntake changeNotices) {
        this.changeNotices = changeNotices;
        this.intake = intake;
        this.process = process;
        this.records = records;
        this.access = access;
        this.rounds = rounds;
        this.findings = findings;
        this.notifications = notifications;
    }

    /** A manufacturer applies; the assessment process starts with the manufacturer supplying its documents. */
    @PostMapping("/assessments")
    public ResponseEntity<Map<String, Object>> apply(@RequestBody ApplicationRequest request,
                                                     @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                     Authentication user) {
        if (!LabUser.of(user).isInAny(APPLICANT_GROUPS)) {
            throw new ForbiddenException("Only members of " + String.join(", ", APPLICANT_GROUPS) + " may apply");
        }
        ApplicationIntake.Outcome outcome = intake.apply(request, LabUser.of(user), key);
        Assessment assessment = outcome.assessment();
        return ResponseEntity.created(URI.create("/api/assessments/" + assessment.id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(Map.of("id", assessment.id(), "reference", assessment.reference()));
    }

    /**
     * A change notice of a certified product. Body: {@code {"components": ["CLOUD"], "cloudVersion": "2026.3",
     * "description": "…"}} (firmwareVersion, appVersion for the device and the app). An engineer judges it.
     */
    @PostMapping("/assessments/{id}/change-notices")
    public ResponseEntity<Map<String, Object>> fileChangeNotice(@PathVariable long id,
                                                                @RequestBody ChangeNoticeIntake.Request request,
                                                                Authentication user) {
        ChangeNotice notice = changeNotices.file(access.visible(id, LabUser.of(user)), LabUser.of(user), request);
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/change-notices/" + notice.id()))
                .body(Map.of("id", notice.id(), "assessmentId", id));
    }

    /** A renewal of a completed assessment: a new one prefilled from it and linked to it. */
    @PostMapping("/assessments/{id}/renewal")
    public ResponseEntity<Map<String, Object>> renew(@PathVariable long id, Authentication user) {
        Assessment renewal = intake.renew(access.visible(id, LabUser.of(user)), LabUser.of(user));
        return ResponseEntity.created(URI.create("/api/assessments/" + renewal.id()))
                .body(Map.of("id", renewal.id(), "reference", renewal.reference(), "renews", id));
    }

    /** Body (optional): {@code {"reason": "…"}}. The manufacturer, before testing starts. */
    @PostMapping("/assessments/{id}/withdraw")
    public ResponseEntity<Void> withdraw(@PathVariable long id, @RequestBody(required = false) EndRequest request,
                                         Authentication user) {
        LabUser person = LabUser.of(user);
        process.withdraw(access.visible(id, person), person, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    /** Body: {@code {"reason": "…"}}, required. A lab manager, at any step. */
    @PostMapping("/assessments/{id}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable long id, @RequestBody(required = false) EndRequest request,
                                       Authentication user) {
        LabUser person = LabUser.of(user);
        process.cancel(access.visible(id, person), person, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    public record EndRequest(String reason) {
    }

    @GetMapping("/assessments/{id}")
    public AssessmentView assessment(@PathVariable long id, Authentication user) {
        Assessment assessment = access.visible(id, LabUser.of(user));
        Map<String, CheckResult> latest = records.latestResults(id);
        List<AssessmentView.ActiveStep> steps = process.openTasksWithCandidates(assessment).stream()
                .map(open -> new AssessmentView.ActiveStep(open.task().getId(), open.task().getTaskDefinitionKey(),
                        open.task().getName(), open.candidateGroups(), open.task().getAssignee(),
                        open.task().getDueDate()))
                .toList();
        List<AssessmentView.ItemView> items = records.itemsInScope(assessment).stream().map(item -> {
            CheckResult result = latest.get(item.id());
            return new AssessmentView.ItemView(item.id(), item.step().name(), item.title(),
                    result == null ? null : result.verdict().name(), result == null ? null : result.roundNo(),
                    result == null ? null : result.observation(), result == null ? null : result.recordedBy());
        }).toList();
        List<AssessmentView.FindingView> open = findings.list(id).stream().filter(f -> f.status().isOpen())
                .map(f -> new AssessmentView.FindingView(f.id(), f.roundNo(), f.itemId(), f.observation(),
                        f.requiredFix(), f.dueDate(), f.status().name(), f.manufacturerResponse()))
                .toList();
        return new AssessmentView(assessment.id(), assessment.reference(), assessment.status().name(),
                assessment.currentRound(), assessment.catalogVersion(),
                AssessmentView.ProductView.of(assessment.product()), assessment.versions(), assessment.appliedBy(),
                assessment.appliedAt(), assessment.reviewedBy(), assessment.endedAt(), assessment.endReason(), steps,
                items, open, rounds.list(id).stream().map(AssessmentView.RoundView::of).toList(), records.events(id),
                notifications.list(id));
    }

    /** Claims an open task of an assessment for the calling user. */
    @PostMapping("/tasks/{taskId}/claim")
    public ResponseEntity<Void> claim(@PathVariable String taskId, Authentication user) {
        process.claim(taskId, LabUser.of(user));
        return ResponseEntity.noContent().build();
    }

    /**
     * Completes a task with its form values as plain JSON ({@code {"verdict_CLD_04": "PASS", ...}}), as Tasklist
     * submits them. Refused values leave the task open and change nothing.
     */
    @PostMapping("/tasks/{taskId}/complete")
    public ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> variables,
                                         Authentication user) {
        process.complete(taskId, LabUser.of(user), variables);
        return ResponseEntity.noContent().build();
    }
}
