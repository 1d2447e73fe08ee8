package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/**
 * An engineer's verdict on one item in one round.
 *
 * @param revision 1 for the first verdict on the item in the round, counting up for each later one
 */
public record CheckResult(int roundNo, String itemId, int revision, Verdict verdict, String observation, String recordedBy,
                          OffsetDateTime recordedAt) {
}
