package jp.jcstar.lab;

import java.util.Locale;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's tables are migrated before the engine starts, so that no delegate or job can meet a schema that is not
 * there yet, and Flyway meets an empty schema on a fresh database.
 */
@Configuration
public class DatabaseConfig {

    @Configuration
    static class EngineStartsAfterMigration extends AbstractDependsOnBeanFactoryPostProcessor {
        EngineStartsAfterMigration() {
            super(ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
        }
    }

    /**
     * On H2 (the embedded default) each connection keeps its last {@value #H2_STATEMENTS} parsed statements, not 8:
     * the engine and the app run some 150 different statements through every pooled connection, so with H2's default
     * nearly each one was parsed again, about a seventh of a task completion's CPU. A URL that sets
     * {@code QUERY_CACHE_SIZE} itself keeps its own; other databases are left as they are (PostgreSQL's driver keeps
     * prepared statements itself).
     */
    static final int H2_STATEMENTS = 256;

    @Bean
    static BeanPostProcessor h2StatementCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSourceProperties properties) {
                    properties.setUrl(withH2StatementCache(properties.getUrl()));
                }
                return bean;
            }
        };
    }

    static String withH2StatementCache(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + H2_STATEMENTS;
    }
}
