package jp.jcstar.lab.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.IdempotencyKeys;
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

    public ApplicationIntake(AssessmentProcess process, AssessmentRepository assessments, IdempotencyKeys keys,
                             LabClock clock) {
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

    private static String fingerprint(ApplicationRequest request) {
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application cannot be written as JSON", e);
        }
    }
}
