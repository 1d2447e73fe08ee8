package jp.jcstar.lab.assessment.process;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.engine.ProcessVariable;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The engine's history as the lab uses it (ADR 11): the engine's {@code audit} level (process instances, activities,
 * tasks with who worked on them and when), the job log and incidents (which node of a cluster ran a report job, why
 * one failed), with the history of the variables that route the process (the gateways'
 * conditions and the timers' dates), so that Cockpit and the history API show why an assessment went the way it
 * went. What people entered (the application, verdicts, observations, responses, decisions' reasons) is the app's
 * data of record, in its own tables with who and when; what a form shows beside its fields is rebuilt from those
 * tables whenever a task opens. Writing all of it into the engine's history as well cost about a third of a task
 * completion's statements and kept a second copy that nothing reads.
 */
public final class AssessmentHistoryLevel extends HistoryLevelAudit {

    public static final String NAME = "jcstar-audit";
    /** Not one of the engine's levels (0 to 3); the database records it, so it must never change. */
    public static final int ID = 21;

    /** The variables the model's gateways and timers read. */
    static final Set<String> ROUTING = Stream.of(AssessmentVariables.SCOPE_DEVICE, AssessmentVariables.SCOPE_APP,
                    AssessmentVariables.SCOPE_CLOUD, AssessmentVariables.DOCUMENTATION_COMPLETE,
                    AssessmentVariables.DOCUMENTS_DUE_DATE, AssessmentVariables.ALL_ITEMS_PASSED,
                    AssessmentVariables.FAILED_RETESTS, AssessmentVariables.RETEST_LIMIT,
                    AssessmentVariables.RECTIFICATION_DUE_DATE, AssessmentVariables.FURTHER_ROUND_GRANTED,
                    AssessmentVariables.REPORT_APPROVED, AssessmentVariables.FIRST_REMINDER_AT,
                    AssessmentVariables.SECOND_REMINDER_AT, AssessmentVariables.VALID_UNTIL,
                    AssessmentVariables.DELTA_NEEDED)
            .map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Beyond audit: the job log (which node ran a report job, and how it failed) and the incidents. Few and telling. */
    static final Set<HistoryEventType> OPERATIONS = Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE, HistoryEventTypes.INCIDENT_CREATE,
            HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE, HistoryEventTypes.INCIDENT_RESOLVE,
            HistoryEventTypes.INCIDENT_UPDATE);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (OPERATIONS.contains(eventType)) {
            return true;
        }
        if (entity instanceof VariableInstance variable && !routes(variable)) {
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }

    static boolean routes(VariableInstance variable) {
        return variable.getTaskId() == null && ROUTING.contains(variable.getName());
    }
}
