package jp.jcstar.lab.notifications;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each person's language and the kinds of mail they turned off. */
@Repository
public class MailPreferences {

    /** What a person chose; without a choice: both languages, every kind. */
    public record Choice(MailLanguage language, Set<MailKind> turnedOff) {

        boolean wants(MailKind kind) {
            return kind.required() || !turnedOff.contains(kind);
        }
    }

    private final JdbcClient jdbc;

    public MailPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's choice, in one query (a mail is written per recipient, inside the transaction of its cause). */
    public Choice of(String userId) {
        MailLanguage[] language = {MailLanguage.JA_EN};
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        jdbc.sql("""
                        select 'language' as field, language as choice from mail_preference where user_id = ?
                        union all select 'off', kind from mail_opt_out where user_id = ?""")
                .params(userId, userId)
                .query(rs -> {
                    if (rs.getString("field").equals("language")) {
                        language[0] = MailLanguage.parse(rs.getString("choice"));
                    } else {
                        off.add(MailKind.valueOf(rs.getString("choice")));
                    }
                });
        return new Choice(language[0], off);
    }

    /** Replaces the person's choice, all at once; a required kind is never recorded as turned off. */
    @Transactional
    public void save(String userId, Choice choice) {
        if (jdbc.sql("update mail_preference set language = ? where user_id = ?")
                .params(choice.language().code(), userId).update() == 0) {
            jdbc.sql("insert into mail_preference (user_id, language) values (?, ?)")
                    .params(userId, choice.language().code()).update();
        }
        jdbc.sql("delete from mail_opt_out where user_id = ?").param(userId).update();
        choice.turnedOff().stream().filter(kind -> !kind.required()).forEach(kind ->
                jdbc.sql("insert into mail_opt_out (user_id, kind) values (?, ?)").params(userId, kind.name()).update());
    }
}
