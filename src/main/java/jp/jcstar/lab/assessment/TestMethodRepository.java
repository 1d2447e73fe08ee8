package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What engineers used to test, per round and step (test_method). */
@Repository
public class TestMethodRepository {

    /** One engineer's account of how a step of a round was tested. */
    public record TestMethod(int roundNo, String step, String description, String recordedBy, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;

    public TestMethodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long assessmentId, int roundNo, String step, String description, String recordedBy,
                       OffsetDateTime at) {
        jdbc.sql("""
                        insert into test_method (assessment_id, round_no, step, description, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, roundNo, step, description, recordedBy, at).update();
    }

    /** In the order they were recorded. */
    public List<TestMethod> list(long assessmentId) {
        return jdbc.sql("select * from test_method where assessment_id = ? order by id").param(assessmentId)
                .query((rs, row) -> new TestMethod(rs.getInt("round_no"), rs.getString("step"),
                        rs.getString("description"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }
}
