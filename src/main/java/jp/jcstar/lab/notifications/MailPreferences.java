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

    public Choice of(String userId) {
        MailLanguage language = jdbc.sql("select language from mail_preference where user_id = ?").param(userId)
                .query(String.class).optional().map(MailLanguage::parse).orElse(MailLanguage.JA_EN);
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        jdbc.sql("select kind from mail_opt_out where user_id = ?").param(userId).query(String.class).list()
                .forEach(kind -> off.add(MailKind.valueOf(kind)));
        return new Choice(language, off);
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
