package jp.jcstar.lab.assessment.change;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change notices of certified products: the manufacturer files what changed; an engineer decides per changed
 * component whether it needs a retest (with a reason: a component that needs none keeps the label as it is); the
 * components that do are retested by a delta assessment, linked to the certified one, whose report supersedes it.
 */
@Service
@Transactional
public class ChangeNotices {

    /** An engineer's decision on a changed component. */
    public enum Decision { NO_RETEST, RETEST }

    /** What changed: the judge form shows it in a process variable (at most 4000 characters, with its Markdown). */
    static final int MAX_TEXT = 1500;
    static final int MAX_VERSION = 100;

    private final ChangeNoticeRepository notices;
    private final AssessmentRepository assessments;
    private final LabClock clock;
    private final CatalogRepository catalogs;

    public ChangeNotices(ChangeNoticeRepository notices, AssessmentRepository assessments, LabClock clock,
                         CatalogRepository catalogs) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** Files a notice for a completed assessment: the changed components, their new versions and what changed. */
    public ChangeNotice file(Assessment certified, LabUser user, Set<ProductComponent> components, Versions versions,
                             String description) {
        if (!user.isInAny(List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS))) {
            throw new ForbiddenException(Bilingual.of("変更の届出は製造事業者のユーザーか試験所の管理者が行います。",
                    "A change notice is filed by the manufacturer's users or a lab manager."));
        }
        assessments.lock(certified.id());
        if (certified.status() != AssessmentStatus.COMPLETED) {
            throw new ConflictException(Bilingual.of(certified.reference() + " は完了していません（認証されていません）。",
                    certified.reference() + " is not completed: there is no certified product to change.").toString());
        }
        for (Assessment successor : assessments.renewals(certified.id()).stream().map(assessments::get).toList()) {
            if (successor.status() == AssessmentStatus.IN_PROGRESS || successor.status() == AssessmentStatus.COMPLETED) {
                throw new ConflictException(Bilingual.of(certified.reference() + " には後継の評価 " + successor.reference()
                        + " があります（" + Wording.status(successor.status()) + "）。変更はそちらに届け出てください。",
                        certified.reference() + " has a successor, " + successor.reference() + " ("
                                + Wording.status(successor.status()) + "): file the change there.").toString());
            }
        }
        if (notices.of(certified.id()).stream().anyMatch(notice -> !notice.decided())) {
            throw new ConflictException(Bilingual.of(certified.reference() + " には判断待ちの変更の届出があります。判断の後に届け出てください。",
                    "A change notice of " + certified.reference() + " is waiting for the lab's decision; file the next "
                            + "one after it.").toString());
        }
        List<Bilingual> problems = new ArrayList<>();
        if (components.isEmpty()) {
            problems.add(Bilingual.of("変更した構成要素（デバイス・アプリ・クラウド）を選んでください。",
                    "Choose the components that changed (device, app, cloud)."));
        }
        Set<ProductComponent> scope = productScope(certified);
        components.stream().filter(component -> !scope.contains(component)).forEach(component -> problems.add(
                Bilingual.of(Wording.component(component) + " はこの評価の範囲外です。", Wording.component(component)
                        + " is outside this assessment's scope.")));
        for (ProductComponent component : components) {
            String version = versions.of(component);
            if (version == null || version.isBlank()) {
                problems.add(Bilingual.of(Wording.component(component) + " の新しい版を入力してください。",
                        "Give the new version of " + Wording.component(component) + "."));
            } else if (version.strip().length() > MAX_VERSION || ControlCharacters.present(version)) {
                problems.add(Bilingual.of(Wording.component(component) + " の版は " + MAX_VERSION + " 文字以内の普通の文字にしてください。",
                        "The version of " + Wording.component(component) + " must be plain text of at most "
                                + MAX_VERSION + " characters."));
            }
        }
        String what = FreeText.strippedOrNull(description);
        if (what == null || what.length() > MAX_TEXT || ControlCharacters.present(what)) {
            problems.add(Bilingual.of("何を変更したかを " + MAX_TEXT + " 文字以内で書いてください。",
                    "Say what changed, in at most " + MAX_TEXT + " characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        Versions changed = new Versions(components.contains(ProductComponent.DEVICE) ? versions.firmware().strip() : null,
                components.contains(ProductComponent.APP) ? versions.app().strip() : null,
                components.contains(ProductComponent.CLOUD) ? versions.cloud().strip() : null);
        long id = notices.insert(certified.id(), user.id(), clock.now(), components, changed, what);
        return get(id);
    }

    /**
     * The components of the certified product: a delta assessment tested only some of them, the product is still
     * all of its first assessment's.
     */
    @Transactional(readOnly = true)
    public Set<ProductComponent> productScope(Assessment certified) {
        Assessment first = certified;
        Optional<ChangeNotice> asDelta;
        while ((asDelta = notices.ofDelta(first.id())).isPresent()) {
            first = assessments.get(asDelta.get().assessmentId());
        }
        return first.product().scope();
    }

    public void attach(long noticeId, String processInstanceId) {
        notices.attach(noticeId, processInstanceId);
    }

    /**
     * An engineer's decision: one per changed component, the items the change touches of each component to retest,
     * and the reason. Returns the components to retest (none: the label stands unchanged).
     */
    public Set<ProductComponent> decide(long noticeId, Map<ProductComponent, String> decisions, Set<String> touched,
                                        String reason, String engineer) {
        ChangeNotice notice = get(noticeId);
        List<Bilingual> problems = new ArrayList<>();
        Set<ProductComponent> retest = EnumSet.noneOf(ProductComponent.class);
        for (ProductComponent component : notice.components()) {
            String decision = decisions.get(component);
            if (Decision.RETEST.name().equals(decision)) {
                retest.add(component);
            } else if (!Decision.NO_RETEST.name().equals(decision)) {
                problems.add(Bilingual.of(Wording.component(component) + ": 再試験が要るか（RETEST / NO_RETEST）を選んでください。",
                        Wording.component(component) + ": choose whether it needs a retest (RETEST or NO_RETEST)."));
            }
        }
        // The delta starts on the current catalog: the ticks are its items. A component to retest with nothing ticked
        // (a task opened before the form had ticks, say) is retested whole.
        List<CheckItem> items = tickableItems();
        Set<String> scope = new TreeSet<>();
        for (ProductComponent component : retest) {
            List<String> ofComponent = items.stream().filter(item -> item.step() == component.step())
                    .map(CheckItem::id).toList();
            List<String> ticked = ofComponent.stream().filter(touched::contains).toList();
            scope.addAll(ticked.isEmpty() ? ofComponent : ticked);
        }
        for (String itemId : touched) {
            Optional<CheckItem> item = items.stream().filter(candidate -> candidate.id().equals(itemId)).findFirst();
            if (item.isEmpty() || notice.components().stream().noneMatch(c -> c.step() == item.get().step())) {
                problems.add(Bilingual.of(itemId + ": 変更した構成要素の項目ではありません。外してください。",
                        itemId + ": not an item of a changed component; leave it out."));
            } else if (retest.stream().noneMatch(component -> component.step() == item.get().step())) {
                problems.add(Bilingual.of(itemId + ": その構成要素は再試験しないため、項目は選べません。",
                        itemId + ": its component is not retested; leave the item out or choose a retest."));
            }
        }
        String why = FreeText.strippedOrNull(reason);
        if (why == null || why.length() > MAX_TEXT || ControlCharacters.present(why)) {
            problems.add(Bilingual.of("判断の理由を書いてください（" + MAX_TEXT + " 文字以内）。",
                    "Give the reason for the decision (at most " + MAX_TEXT + " characters)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        if (!notices.decide(noticeId, engineer, clock.now(), retest, scope, why)) {
            throw new ConflictException("Change notice " + noticeId + " was already decided");
        }
        return retest;
    }

    /** The items a judge may tick: the device, app and cloud items of the current catalog, which a delta tests on. */
    @Transactional(readOnly = true)
    public List<CheckItem> tickableItems() {
        return catalogs.current().items().stream().filter(item -> item.step() != Step.DOCUMENTATION).toList();
    }

    /**
     * Before a delta assessment starts: the certified assessment has no other successor (a renewal started meanwhile,
     * say); its row stays locked until the delta is linked.
     */
    public void requireNoSuccessor(long noticeId) {
        ChangeNotice notice = get(noticeId);
        Assessment certified = assessments.lock(notice.assessmentId());
        assessments.renewals(certified.id()).stream().map(assessments::get)
                .filter(successor -> successor.status() == AssessmentStatus.IN_PROGRESS
                        || successor.status() == AssessmentStatus.COMPLETED)
                .findFirst().ifPresent(successor -> {
                    throw new ConflictException(Bilingual.of(certified.reference() + " には既に後継の評価 "
                            + successor.reference() + " があります。差分評価は始められません。", certified.reference()
                            + " already has a successor, " + successor.reference() + ": no delta assessment can start.")
                            .toString());
                });
    }

    /**
     * The versions of the certified product as they stand: the assessment's, with the new versions of every decided
     * notice (a change that needed no retest is the product's all the same).
     */
    @Transactional(readOnly = true)
    public Versions currentVersions(Assessment certified) {
        Versions current = certified.versions();
        List<ChangeNotice> decided = notices.of(certified.id()).stream().filter(ChangeNotice::decided)
                .sorted(java.util.Comparator.comparingLong(ChangeNotice::id)).toList();
        for (ChangeNotice notice : decided) {
            current = notice.versions().orPrevious(current);
        }
        return current;
    }

    /** Whether a notice of this assessment waits for the lab's decision. */
    @Transactional(readOnly = true)
    public boolean waiting(long assessmentId) {
        return notices.of(assessmentId).stream().anyMatch(notice -> !notice.decided());
    }

    /** The delta assessment that retests a notice's components: linked as the certified one's successor. */
    public void deltaStarted(long noticeId, long deltaAssessmentId) {
        ChangeNotice notice = get(noticeId);
        notices.deltaStarted(noticeId, deltaAssessmentId);
        assessments.recordRenewal(deltaAssessmentId, notice.assessmentId());
        // Before its first test task: it tests only the items the change touches.
        assessments.limitItems(deltaAssessmentId, notice.retestItems());
    }

    @Transactional(readOnly = true)
    public ChangeNotice get(long noticeId) {
        return notices.find(noticeId).orElseThrow(() -> new NotFoundException("Change notice " + noticeId
                + " does not exist"));
    }

    @Transactional(readOnly = true)
    public List<ChangeNotice> of(long assessmentId) {
        return notices.of(assessmentId);
    }
}
