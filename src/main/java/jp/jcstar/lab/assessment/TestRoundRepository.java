package jp.jcstar.lab.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

import jp.jcstar.lab.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TestRoundRepository {

    private final JdbcClient jdbc;
    /** The rounds read in the current transaction, by assessment; forgotten when a round changes. */
    private final TransactionScoped<Long, List<TestRound>> read;

    public TestRoundRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.read = new TransactionScoped<>(dataSource);
    }

    public void open(long assessmentId, int roundNo, Versions versions, String changedDocuments, OffsetDateTime at) {
        read.reads().remove(assessmentId);
        jdbc.sql("""
                        insert into assessment_round (assessment_id, round_no, firmware_version, app_version,
                            cloud_version, changed_documents, started_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, roundNo, versions.firmware(), versions.app(), versions.cloud(), changedDocuments, at)
                .update();
    }

    public void evaluate(long assessmentId, int roundNo, RoundOutcome outcome, OffsetDateTime at) {
        read.reads().remove(assessmentId);
        jdbc.sql("update assessment_round set outcome = ?, evaluated_at = ? where assessment_id = ? and round_no = ?")
                .params(outcome.name(), at, assessmentId, roundNo).update();
    }

    public List<TestRound> list(long assessmentId) {
        return read.reads().computeIfAbsent(assessmentId, id -> List.copyOf(
                jdbc.sql("select * from assessment_round where assessment_id = ? order by round_no").param(id)
                        .query((rs, row) -> new TestRound(rs.getInt("round_no"), versions(rs),
                                rs.getString("changed_documents"), rs.getObject("started_at", OffsetDateTime.class),
                                rs.getObject("evaluated_at", OffsetDateTime.class),
                                RoundOutcome.parse(rs.getString("outcome"))))
                        .list()));
    }

    /** The versions of a row of the assessment or of one of its rounds: both name their columns alike. */
    static Versions versions(ResultSet rs) throws SQLException {
        return new Versions(rs.getString("firmware_version"), rs.getString("app_version"), rs.getString("cloud_version"));
    }
}
