package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

import jp.jcstar.lab.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CheckResultRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    /** The verdicts read in the current transaction, by assessment; forgotten when verdicts are added. */
    private final TransactionScoped<Long, List<CheckResult>> read;

    public CheckResultRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.read = new TransactionScoped<>(dataSource);
    }

    /**
     * Appends verdicts, each as the next revision of its item in its round; earlier revisions stay. One batch: a
     * completion's verdicts go to the database in one round trip.
     */
    public void saveAll(long assessmentId, List<CheckResult> verdicts) {
        read.reads().remove(assessmentId);
        jdbcTemplate.batchUpdate("""
                        insert into check_result (assessment_id, round_no, item_id, revision, verdict, observation,
                            recorded_by, recorded_at)
                        select ?, ?, ?, coalesce(max(revision), 0) + 1, ?, ?, ?, ? from check_result
                        where assessment_id = ? and round_no = ? and item_id = ?""", verdicts, verdicts.size(),
                (statement, result) -> {
                    Object[] values = {assessmentId, result.roundNo(), result.itemId(), result.verdict().name(),
                            result.observation(), result.recordedBy(), result.recordedAt(), assessmentId,
                            result.roundNo(), result.itemId()};
                    for (int i = 0; i < values.length; i++) {
                        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
                    }
                });
    }

    /** Every verdict of the assessment, in the order they were given (round, then revision). */
    public List<CheckResult> list(long assessmentId) {
        return read.reads().computeIfAbsent(assessmentId, id -> List.copyOf(jdbc.sql(
                        "select * from check_result where assessment_id = ? order by round_no, revision, item_id")
                .param(id)
                .query((rs, row) -> new CheckResult(rs.getInt("round_no"), rs.getString("item_id"), rs.getInt("revision"),
                        Verdict.valueOf(rs.getString("verdict")), rs.getString("observation"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list()));
    }

    /** Everyone who recorded a verdict in this assessment: the people the four-eyes rule keeps from reviewing it. */
    public List<String> testers(long assessmentId) {
        return jdbc.sql("select distinct recorded_by from check_result where assessment_id = ? order by recorded_by")
                .param(assessmentId).query(String.class).list();
    }
}
