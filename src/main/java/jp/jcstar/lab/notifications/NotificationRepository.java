package jp.jcstar.lab.notifications;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long assessmentId, String kind, String recipientGroup, String message, OffsetDateTime at) {
        jdbc.sql("""
                        insert into notification (assessment_id, kind, recipient_group, message, created_at)
                        values (?, ?, ?, ?, ?)""")
                .params(assessmentId, kind, recipientGroup, message, at).update();
    }

    public List<Notification> list(long assessmentId) {
        return jdbc.sql("select * from notification where assessment_id = ? order by id").param(assessmentId)
                .query((rs, row) -> new Notification(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("recipient_group"), rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
