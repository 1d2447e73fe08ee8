package jp.jcstar.lab.findings;

import java.time.OffsetDateTime;

import jp.jcstar.lab.assessment.RoundOutcome;

/**
 * A check item that failed in a round. A retest that fails again raises a new finding in the next round, so every
 * round keeps what it said.
 *
 * @param requiredFix   what the manufacturer must fix: the catalog item's requirement as {@code CheckItem.requirement()}
 *                      gives it, in both languages where the catalog version has both
 * @param retestOutcome null until retested; kept when the finding is closed
 */
public record Finding(long id, int roundNo, String itemId, String observation, String requiredFix,
                      OffsetDateTime dueDate, FindingStatus status, String manufacturerResponse, RoundOutcome retestOutcome,
                      OffsetDateTime openedAt, OffsetDateTime sentAt, OffsetDateTime answeredAt,
                      OffsetDateTime retestedAt, OffsetDateTime closedAt) {

    /** This finding after its issue list was sent to the manufacturer. */
    Finding sent(OffsetDateTime at) {
        return new Finding(id, roundNo, itemId, observation, requiredFix, dueDate, FindingStatus.SENT_TO_MANUFACTURER,
                manufacturerResponse, retestOutcome, openedAt, at, answeredAt, retestedAt, closedAt);
    }

    /** This finding after the manufacturer answered it. */
    Finding answered(String response, OffsetDateTime at) {
        return new Finding(id, roundNo, itemId, observation, requiredFix, dueDate, FindingStatus.ANSWERED, response,
                retestOutcome, openedAt, sentAt, at, retestedAt, closedAt);
    }

    /** This finding after its retest. */
    Finding retested(RoundOutcome outcome, OffsetDateTime at) {
        return new Finding(id, roundNo, itemId, observation, requiredFix, dueDate, FindingStatus.after(outcome),
                manufacturerResponse, outcome, openedAt, sentAt, answeredAt, at, closedAt);
    }
}
