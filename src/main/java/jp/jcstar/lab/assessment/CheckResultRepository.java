package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CheckResultRepository {

    private final JdbcClient jdbc;

    public CheckResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a verdict as the next revision of the item in its round; earlier revisions stay. */
    public void save(long assessmentId, CheckResult result) {
        jdbc.sql("""
                        insert into check_result (assessment_id, round_no, item_id, revision, verdict, observation,
                            recorded_by, recorded_at)
                        select ?, ?, ?, coalesce(max(revision), 0) + 1, ?, ?, ?, ? from check_result
                        where assessment_id = ? and round_no = ? and item_id = ?""")
                .params(assessmentId, result.roundNo(), result.itemId(), result.verdict().name(), result.observation(),
                        result.recordedBy(), result.recordedAt(), assessmentId, result.roundNo(), result.itemId())
                .update();
    }

    /** Every verdict of the assessment, in the order they were given (round, then revision). */
    public List<CheckResult> list(long assessmentId) {
        return jdbc.sql("select * from check_result where assessment_id = ? order by round_no, revision, item_id")
                .param(assessmentId)
                .query((rs, row) -> new CheckResult(rs.getInt("round_no"), rs.getString("item_id"), rs.getInt("revision"),
                        Verdict.valueOf(rs.getString("verdict")), rs.getString("observation"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    /** Everyone who recorded a verdict in this assessment: the people the four-eyes rule keeps from reviewing it. */
    public List<String> testers(long assessmentId) {
        return jdbc.sql("select distinct recorded_by from check_result where assessment_id = ? order by recorded_by")
                .param(assessmentId).query(String.class).list();
    }
}
