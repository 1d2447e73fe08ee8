package jp.jcstar.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WebAppTest
class DatabaseConfigTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void theRunningH2KeepsTheStatementsOfAConnectionParsed() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:h2:"), "the suite runs on another database");
        }
        assertThat(jdbc.sql("select setting_value from information_schema.settings where setting_name = ?")
                .param("QUERY_CACHE_SIZE").query(String.class).single()).isEqualTo("256");
    }

    @Test
    void anH2UrlGetsTheCacheUnlessItSetsItsOwnAndOtherDatabasesAreLeftAsTheyAre() {
        assertThat(DatabaseConfig.withH2StatementCache("jdbc:h2:file:./data/jcstar;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/jcstar;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
        assertThat(DatabaseConfig.withH2StatementCache("jdbc:h2:mem:x;query_cache_size=16"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=16");
        assertThat(DatabaseConfig.withH2StatementCache("jdbc:postgresql://127.0.0.1:5432/jcstar"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/jcstar");
    }
}
