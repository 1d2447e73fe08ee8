package jp.jcstar.lab.security.login;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts whose password someone else chose. Their owner changes it at the next login, before the second factor can
 * be enrolled, so that the person who registered an account can never act as its owner.
 */
@Component
public class PasswordChangeRequirement {

    private final JdbcClient jdbc;

    public PasswordChangeRequirement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void require(String userId) {
        clear(userId);
        jdbc.sql("insert into password_change_required (user_id, since) values (?, ?)")
                .params(userId, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    public boolean required(String userId) {
        return jdbc.sql("select count(*) from password_change_required where user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    public void clear(String userId) {
        jdbc.sql("delete from password_change_required where user_id = ?").param(userId).update();
    }
}
