package jp.jcstar.lab.reports;

import java.time.OffsetDateTime;

/** A generated PDF as stored, with its SHA-256 so a reader can check a copy against the lab's record. */
public record StoredReport(ReportKind kind, int roundNo, byte[] content, String sha256, OffsetDateTime createdAt) {
}
