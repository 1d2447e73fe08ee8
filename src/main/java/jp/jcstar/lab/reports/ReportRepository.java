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

    /** Stores a report; generating the same report again (a retried job) replaces it. */
    public void save(long assessmentId, StoredReport report) {
        jdbc.sql("delete from report where assessment_id = ? and kind = ? and round_no = ?")
                .params(assessmentId, report.kind().name(), report.roundNo()).update();
        jdbc.sql("""
                        insert into report (assessment_id, kind, round_no, content, sha256, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, report.kind().name(), report.roundNo(), report.content(), report.sha256(),
                        report.createdAt())
                .update();
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
    public List<ReportEntry> entries(long assessmentId) {
        return jdbc.sql("select kind, round_no, sha256, created_at from report where assessment_id = ? order by round_no, kind")
                .param(assessmentId)
                .query((rs, row) -> new ReportEntry(ReportKind.valueOf(rs.getString("kind")), rs.getInt("round_no"),
                        rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public record ReportEntry(ReportKind kind, int roundNo, String sha256, OffsetDateTime createdAt) {
    }

    private static StoredReport map(ResultSet rs, int row) throws SQLException {
        return new StoredReport(ReportKind.valueOf(rs.getString("kind")), rs.getInt("round_no"), rs.getBytes("content"),
                rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
