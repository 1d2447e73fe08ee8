package jp.jcstar.lab.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores an issued report with its verification code (and, for a final report, the end of its validity);
     * generating the same report again (a retried job) replaces it.
     */
    public void save(long assessmentId, StoredReport report, String verificationCode, OffsetDateTime validUntil,
                     String signerSha256) {
        jdbc.sql("delete from report where assessment_id = ? and kind = ? and round_no = ?")
                .params(assessmentId, report.kind().name(), report.roundNo()).update();
        jdbc.sql("""
                        insert into report (assessment_id, kind, round_no, content, sha256, created_at,
                            verification_code, valid_until, signer_sha256)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, report.kind().name(), report.roundNo(), report.content(), report.sha256(),
                        report.createdAt(), verificationCode, validUntil, signerSha256)
                .update();
    }

    /** The issued report with this verification code, without its content. */
    public Optional<IssuedReport> issued(String verificationCode) {
        return jdbc.sql(ISSUED + " where verification_code = ?").param(verificationCode)
                .query(ReportRepository::issued).optional();
    }

    /** The assessment's signed final report, once issued. */
    public Optional<IssuedReport> issuedFinal(long assessmentId) {
        return entries(assessmentId).stream().filter(entry -> entry.kind() == ReportKind.FINAL && entry.code() != null)
                .findFirst();
    }

    /** The final report of an assessment is superseded by the one issued under this code (its renewal's). */
    public void supersede(long assessmentId, String byCode) {
        jdbc.sql("update report set superseded_by = ? where assessment_id = ? and kind = ? and verification_code is not null")
                .params(byCode, assessmentId, ReportKind.FINAL.name()).update();
    }

    /** Withdraws a report that is not withdrawn yet; false when it was. */
    public boolean withdraw(String verificationCode, String by, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                        update report set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
                        where verification_code = ? and withdrawn_at is null""")
                .params(at, by, reason, verificationCode).update() == 1;
    }

    private static final String ISSUED = """
            select assessment_id, kind, round_no, sha256, created_at, verification_code, valid_until, withdrawn_at,
                withdrawn_by, withdrawal_reason, superseded_by, signer_sha256 from report""";

    private static IssuedReport issued(ResultSet rs, int row) throws SQLException {
        return new IssuedReport(rs.getString("verification_code"), rs.getLong("assessment_id"),
                ReportKind.valueOf(rs.getString("kind")), rs.getInt("round_no"), rs.getString("sha256"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("valid_until", OffsetDateTime.class),
                rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawn_by"),
                rs.getString("withdrawal_reason"), rs.getString("superseded_by"), rs.getString("signer_sha256"));
    }

    public Optional<StoredReport> find(long assessmentId, ReportKind kind, int roundNo) {
        return jdbc.sql("select * from report where assessment_id = ? and kind = ? and round_no = ?")
                .params(assessmentId, kind.name(), roundNo)
                .query(ReportRepository::map).optional();
    }

    /** The report of this kind from the latest round. */
    public Optional<StoredReport> findLatest(long assessmentId, ReportKind kind) {
        return jdbc.sql("select * from report where assessment_id = ? and kind = ? order by round_no desc")
                .params(assessmentId, kind.name())
                .query(ReportRepository::map).list().stream().findFirst();
    }

    /** What reports an assessment has, without their content: kind, round, hash and time, in round order. */
    public List<IssuedReport> entries(long assessmentId) {
        return jdbc.sql(ISSUED + " where assessment_id = ? order by round_no, kind").param(assessmentId)
                .query(ReportRepository::issued).list();
    }

    private static StoredReport map(ResultSet rs, int row) throws SQLException {
        return new StoredReport(ReportKind.valueOf(rs.getString("kind")), rs.getInt("round_no"), rs.getBytes("content"),
                rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
