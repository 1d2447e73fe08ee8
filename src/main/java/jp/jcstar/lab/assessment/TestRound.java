package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/**
 * One test round: round 1 tests everything in scope, each later round retests what failed, on the versions the
 * manufacturer submitted with the rectification.
 *
 * @param outcome null until the round is evaluated
 */
public record TestRound(int roundNo, Versions versions, String changedDocuments, OffsetDateTime startedAt,
                        OffsetDateTime evaluatedAt, RoundOutcome outcome) {

    /** What people read for the round's outcome, also before it is evaluated. */
    public String outcomeWords() {
        return outcome == null ? "評価前 / Not yet evaluated" : outcome.words();
    }
}
