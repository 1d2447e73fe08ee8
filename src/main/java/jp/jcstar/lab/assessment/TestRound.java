package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/**
 * One test round: round 1 tests everything in scope, each later round retests what failed, on the versions the
 * manufacturer submitted with the rectification.
 *
 * @param outcome PASSED or FAILED once evaluated, else null
 */
public record TestRound(int roundNo, String firmwareVersion, String appVersion, String cloudVersion,
                        String changedDocuments, OffsetDateTime startedAt, OffsetDateTime evaluatedAt,
                        String outcome) {
}
