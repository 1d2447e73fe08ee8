package jp.jcstar.lab.reports;

import java.time.OffsetDateTime;

/**
 * A stored report as its verification page knows it: never its content.
 *
 * @param code       its verification code; null for a report stored before reports were signed
 * @param validUntil the end of a final report's validity; null for an issue list, which certifies nothing
 * @param supersededBy the code of the final report of the renewal that replaced this one
 * @param signerSha256 the SHA-256 of the certificate that signed it
 */
public record IssuedReport(String code, long assessmentId, ReportKind kind, int roundNo, String sha256,
                           OffsetDateTime issuedAt, OffsetDateTime validUntil, OffsetDateTime withdrawnAt,
                           String withdrawnBy, String withdrawalReason, String supersededBy, String signerSha256) {

    /** Where an issued report stands. */
    public enum Status {
        VALID("有効 / Valid"),
        SUPERSEDED("新しい報告書に置き換え済み / Superseded"),
        EXPIRED("有効期限切れ / Expired"),
        WITHDRAWN("撤回 / Withdrawn");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Status statusAt(OffsetDateTime now) {
        if (withdrawnAt != null) {
            return Status.WITHDRAWN;
        }
        if (supersededBy != null) {
            return Status.SUPERSEDED;
        }
        return validUntil != null && !now.isBefore(validUntil) ? Status.EXPIRED : Status.VALID;
    }
}
