package jp.jcstar.lab.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.security.AsUser;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.IdempotencyKeys;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes applications, once per Idempotency-Key: the key and the assessment it created are written in the
 * application's own transaction, so a retry after a lost answer finds either both or neither.
 */
@Service
public class ApplicationIntake {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final AssessmentProcess process;
    private final AssessmentRepository assessments;
    private final IdempotencyKeys keys;
    private final LabClock clock;

    private final IdentityService identityService;
    private final ChangeNotices changeNotices;

    public ApplicationIntake(AssessmentProcess process, AssessmentRepository assessments, IdempotencyKeys keys,
                             LabClock clock, IdentityService identityService, ChangeNotices changeNotices) {
        this.identityService = identityService;
        this.changeNotices = changeNotices;
        this.process = process;
        this.assessments = assessments;
        this.keys = keys;
        this.clock = clock;
    }

    /** The assessment, and whether it is the answer to an earlier request with the same key. */
    public record Outcome(Assessment assessment, boolean replayed) {
    }

    @Transactional
    public Outcome apply(ApplicationRequest request, LabUser user, String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey);
        if (key == null) {
            return new Outcome(process.start(request.toApplication(), request.manufacturerId()), false);
        }
        String fingerprint = fingerprint(request);
        Optional<Long> earlier = keys.earlier(user.id(), key, IdempotencyKeys.Kind.APPLICATION, fingerprint);
        if (earlier.isPresent()) {
            return new Outcome(assessments.get(earlier.get()), true);
        }
        Assessment assessment = process.start(request.toApplication(), request.manufacturerId());
        keys.remember(user.id(), key, IdempotencyKeys.Kind.APPLICATION, fingerprint, assessment.id(), clock.now());
        return new Outcome(assessment, false);
    }

    /**
     * A renewal: a new assessment of the same product, prefilled from a completed one (product, model numbers, the
     * versions last tested, level, scope, company) and linked to it. Its manufacturer's users or a lab manager; one
     * renewal in progress at a time.
     */
    @Transactional
    public Assessment renew(Assessment renewed, LabUser user) {
        if (!user.isInAny(List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS))) {
            throw new ForbiddenException(Bilingual.of("更新の申請は製造事業者のユーザーか試験所の管理者が行います。",
                    "A renewal is applied for by the manufacturer's users or a lab manager."));
        }
        // One renewal at a time: of two requests at once, the second waits here and then finds the first's.
        assessments.lock(renewed.id());
        if (renewed.status() != AssessmentStatus.COMPLETED) {
            throw new ConflictException(Bilingual.of(renewed.reference() + " は完了していないため更新できません（" + renewed.status()
                    + "）。新しく申請してください。", renewed.reference() + " is " + renewed.status() + ", not completed: there "
                    + "is no label to renew. Apply anew instead.").toString());
        }
        if (changeNotices.waiting(renewed.id())) {
            throw new ConflictException(Bilingual.of(renewed.reference() + " には判断待ちの変更の届出があります。判断の後に更新を申請してください。",
                    "A change notice of " + renewed.reference() + " is waiting for the lab's decision; apply for the "
                            + "renewal after it.").toString());
        }
        for (Assessment renewal : assessments.renewals(renewed.id()).stream().map(assessments::get).toList()) {
            if (renewal.status() == AssessmentStatus.IN_PROGRESS) {
                throw new ConflictException(Bilingual.of(renewed.reference() + " の更新の評価 " + renewal.reference()
                        + " が進行中です。", "The renewal of " + renewed.reference() + " is in progress: "
                        + renewal.reference() + ".").toString());
            }
            if (renewal.status() == AssessmentStatus.COMPLETED) {
                throw new ConflictException(Bilingual.of(renewed.reference() + " は " + renewal.reference()
                        + " で更新済みです。最新の評価から更新してください。", renewed.reference() + " was renewed by "
                        + renewal.reference() + ": renew the latest one.").toString());
            }
        }
        // The product as it stands: every component it has (a delta tested only some) and the versions of every
        // decided change notice (one that needed no retest changed the product all the same).
        Product product = renewed.product();
        Application application = Application.of(null, product.name(), product.modelNumbers(),
                changeNotices.currentVersions(renewed), product.starLevel().label(),
                changeNotices.productScope(renewed).stream().map(Enum::name).toList());
        // As the user, on every path (the page's too), for the renewed assessment's company: the engine checks that
        // a manufacturer's user belongs to it.
        Assessment renewal = AsUser.run(identityService, user, () -> process.start(application, renewed.companyId()));
        assessments.recordRenewal(renewal.id(), renewed.id());
        return renewal;
    }

    private static String fingerprint(ApplicationRequest request) {
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application cannot be written as JSON", e);
        }
    }
}
