package jp.jcstar.lab;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
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
}
