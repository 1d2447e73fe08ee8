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
import jp.jcstar.lab.web.ConflictException;
import jp.jcstar.lab.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final LabClock clock;

    public ApplicationIntake(AssessmentProcess process, AssessmentRepository assessments, JdbcClient jdbc, LabClock clock) {
        this.process = process;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The assessment, and whether it is the answer to an earlier request with the same key. */
    public record Outcome(Assessment assessment, boolean replayed) {
    }

    @Transactional
    public Outcome apply(ApplicationRequest request, LabUser user, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Outcome(process.start(request.toApplication(), request.manufacturerId()), false);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200 || !idempotencyKey.matches("[\\x21-\\x7e]+")) {
            throw new InvalidInputException("Idempotency-Key: 1 to 200 visible ASCII characters, such as a UUID");
        }
        String fingerprint = fingerprint(request);
        Optional<Outcome> earlier = jdbc.sql("select request_sha256, assessment_id from idempotency_key where user_id = ? and idem_key = ?")
                .params(user.id(), idempotencyKey)
                .query((rs, row) -> {
                    if (!rs.getString("request_sha256").equals(fingerprint)) {
                        throw new ConflictException("Idempotency-Key " + idempotencyKey + " was used for a different "
                                + "application; use a new key for a new application");
                    }
                    return new Outcome(assessments.get(rs.getLong("assessment_id")), true);
                }).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Assessment assessment = process.start(request.toApplication(), request.manufacturerId());
        // Two requests with one key at the same moment: the second waits on the key here and then fails (409).
        jdbc.sql("insert into idempotency_key (user_id, idem_key, request_sha256, assessment_id, created_at) values (?, ?, ?, ?, ?)")
                .params(user.id(), idempotencyKey, fingerprint, assessment.id(), clock.now()).update();
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
