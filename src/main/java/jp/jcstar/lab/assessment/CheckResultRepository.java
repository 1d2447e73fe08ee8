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

    /** Records a verdict; a second verdict in the same round (a revision after review) replaces the first. */
    public void save(long assessmentId, CheckResult result) {
        int updated = jdbc.sql("""
                        update check_result set verdict = ?, observation = ?, recorded_by = ?, recorded_at = ?
                        where assessment_id = ? and round_no = ? and item_id = ?""")
                .params(result.verdict().name(), result.observation(), result.recordedBy(), result.recordedAt(),
                        assessmentId, result.roundNo(), result.itemId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into check_result (assessment_id, round_no, item_id, verdict, observation,
                                recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(assessmentId, result.roundNo(), result.itemId(), result.verdict().name(),
                            result.observation(), result.recordedBy(), result.recordedAt())
                    .update();
        }
    }

    /** Every verdict of the assessment, oldest round first. */
    public List<CheckResult> list(long assessmentId) {
        return jdbc.sql("select * from check_result where assessment_id = ? order by round_no, item_id")
                .param(assessmentId)
                .query((rs, row) -> new CheckResult(rs.getInt("round_no"), rs.getString("item_id"),
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
