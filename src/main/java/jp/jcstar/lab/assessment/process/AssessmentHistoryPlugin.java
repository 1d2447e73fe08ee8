package jp.jcstar.lab.assessment.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@link AssessmentHistoryLevel} with the engine, and records the configured history level in a database
 * that an earlier version of the app ran at another level ({@code full} before ADR 11). The engine refuses to start
 * on such a mismatch, to keep an accidental change from going unnoticed; here the change is the release's own, so it
 * is made and logged: history written before stays as it was, new history follows the configured level.
 */
@Component
public class AssessmentHistoryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentHistoryPlugin.class);

    private final DataSource dataSource;

    public AssessmentHistoryPlugin(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AssessmentHistoryLevel level = new AssessmentHistoryLevel();
        List<HistoryLevel> custom = new ArrayList<>(configuration.getCustomHistoryLevels() == null ? List.of()
                : configuration.getCustomHistoryLevels());
        custom.add(level);
        configuration.setCustomHistoryLevels(custom);
    }

    /** After the engine resolved the configured level, before it checks the database's. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        recordInDatabase(configuration.getDatabaseTablePrefix(), configuration.getHistoryLevel());
    }

    private void recordInDatabase(String tablePrefix, HistoryLevel configured) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> recorded = recordedLevel(connection, table);
            if (recorded.isEmpty() || recorded.get().equals(String.valueOf(configured.getId()))) {
                return; // a new database (the engine records the level itself), or nothing changed
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel'")) {
                update.setString(1, String.valueOf(configured.getId()));
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.warn("The engine's history level changes from id {} to {} (id {}), as configured: history written "
                    + "before stays as it was.", recorded.get(), configured.getName(), configured.getId());
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not record the history level " + configured.getName()
                    + " in the database: " + e.getMessage(), e);
        }
    }

    /** The level the database records; empty when the engine's tables do not exist yet. */
    private static Optional<String> recordedLevel(Connection connection, String table) throws SQLException {
        boolean exists;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            exists = false;
            while (tables.next() && !exists) {
                exists = tables.getString("TABLE_NAME").equalsIgnoreCase(table);
            }
        }
        if (!exists) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select VALUE_ from " + table + " where NAME_ = 'historyLevel'");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        }
    }
}
