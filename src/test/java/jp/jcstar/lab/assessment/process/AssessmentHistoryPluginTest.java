package jp.jcstar.lab.assessment.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that an earlier version of the app ran at history level {@code full} starts at {@code jcstar-audit}: the
 * plugin records the configured level, where the engine alone refuses to start on the mismatch.
 */
class AssessmentHistoryPluginTest {

    @Test
    void aDatabaseThatRanAtFullStartsAtTheConfiguredLevelWhichTheEngineAloneRefuses() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:history-level;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        engine(dataSource, ProcessEngineConfiguration.HISTORY_FULL, false).close();
        assertThat(recordedLevel(jdbc)).isEqualTo("3");

        assertThatThrownBy(() -> engine(dataSource, AssessmentHistoryLevel.NAME, false).close())
                .isInstanceOf(ProcessEngineException.class);

        ProcessEngine engine = engine(dataSource, AssessmentHistoryLevel.NAME, true);
        try {
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel())
                    .isInstanceOf(AssessmentHistoryLevel.class);
            assertThat(recordedLevel(jdbc)).isEqualTo(String.valueOf(AssessmentHistoryLevel.ID));
        } finally {
            engine.close();
        }
    }

    /** An engine on the database; with the plugin or with the level only registered, as a bare engine would have it. */
    private static ProcessEngine engine(JdbcDataSource dataSource, String history, boolean plugin) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(history);
        configuration.setProcessEngineName("history-level-" + System.nanoTime());
        if (plugin) {
            configuration.setProcessEnginePlugins(List.of(new AssessmentHistoryPlugin(dataSource)));
        } else {
            configuration.setCustomHistoryLevels(List.of(new AssessmentHistoryLevel()));
        }
        return configuration.buildProcessEngine();
    }

    private static String recordedLevel(JdbcClient jdbc) {
        return jdbc.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'").query(String.class).single();
    }
}
