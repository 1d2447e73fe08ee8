package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/** An engineer's verdict on one item in one round. */
public record CheckResult(int roundNo, String itemId, Verdict verdict, String observation, String recordedBy,
                          OffsetDateTime recordedAt) {
}
