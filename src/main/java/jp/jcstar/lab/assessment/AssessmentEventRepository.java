package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentEventRepository {

    private final JdbcClient jdbc;

    public AssessmentEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long assessmentId, AssessmentEvent.Kind kind, String decision, String actor, String text,
                    OffsetDateTime at) {
        jdbc.sql("""
                        insert into assessment_event (assessment_id, kind, decision, actor, text, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, kind.name(), decision, actor, text, at).update();
    }

    /** Oldest first. */
    public List<AssessmentEvent> list(long assessmentId) {
        return jdbc.sql("select * from assessment_event where assessment_id = ? order by id").param(assessmentId)
                .query((rs, row) -> new AssessmentEvent(rs.getLong("id"),
                        AssessmentEvent.Kind.valueOf(rs.getString("kind")), rs.getString("decision"),
                        rs.getString("actor"), rs.getString("text"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
