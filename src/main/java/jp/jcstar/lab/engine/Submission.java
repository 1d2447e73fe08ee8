package jp.jcstar.lab.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the person completing a task submitted, for that task's own form: the only values a task's listener may
 * record. The engine's command guard opens it for the duration of the completing command, after checking it against
 * the form; process variables, which anyone could have set earlier, are never read as a record.
 */
public final class Submission {

    private static final ThreadLocal<Map<String, Map<String, Object>>> OPEN = ThreadLocal.withInitial(HashMap::new);

    private final Map<String, Object> values;

    private Submission(Map<String, Object> values) {
        this.values = values;
    }

    /** Opens the submission of a task while its completion runs; close it in a finally block. */
    public static void open(String taskId, Map<String, ?> values) {
        OPEN.get().put(taskId, values == null ? Map.of() : new HashMap<>(values));
    }

    public static void close(String taskId) {
        OPEN.get().remove(taskId);
        if (OPEN.get().isEmpty()) {
            OPEN.remove();
        }
    }

    /** The values submitted to complete this task; empty if it is completed without any. */
    public static Submission of(DelegateTask task) {
        return new Submission(OPEN.get().getOrDefault(task.getId(), Map.of()));
    }

    public <T> Optional<T> find(ProcessVariable<T> field) {
        return Optional.ofNullable(field.convert(values.get(field.name())));
    }

    /** The raw value as submitted, for a listener that reports its type back to the person. */
    public Object raw(ProcessVariable<?> field) {
        return values.get(field.name());
    }
}
