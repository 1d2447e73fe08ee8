package jp.jcstar.lab;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often the database ran statements containing a piece of SQL, from H2's own statistics
 * ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}, switched on here): what a change claims to save, counted where it is
 * sent. Empty on other databases (CI's PostgreSQL runs the same tests for their answers alone).
 */
public final class H2Statements {

    private final JdbcClient jdbc;
    private final boolean h2;

    public H2Statements(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (h2) {
            jdbc.sql("set query_statistics_max_entries 100000").update();
            jdbc.sql("set query_statistics true").update();
        }
    }

    /** Executions so far of the statements that contain {@code sql} (case and runs of white space ignored). */
    public OptionalLong executions(String sql) {
        if (!h2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(jdbc.sql("""
                        select coalesce(sum(execution_count), 0) from information_schema.query_statistics
                        where regexp_replace(lower(sql_statement), '\\s+', ' ') like ?""")
                .param("%" + sql.toLowerCase().replaceAll("\\s+", " ") + "%").query(Long.class).single());
    }
}
