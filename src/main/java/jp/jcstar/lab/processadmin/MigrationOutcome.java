package jp.jcstar.lab.processadmin;

import java.util.List;

/**
 * What happened, or would happen, to one running assessment.
 *
 * @param activities the BPMN elements the assessment waits at
 * @param canMigrate whether the engine accepts the move (validated for real, then rolled back in a dry run)
 * @param migrated   whether it now runs on the target version
 * @param reason     why it cannot move (null when it can)
 */
public record MigrationOutcome(String reference, String processInstanceId, int fromVersion, int toVersion,
                               List<String> activities, boolean canMigrate, boolean migrated, String reason) {
}
