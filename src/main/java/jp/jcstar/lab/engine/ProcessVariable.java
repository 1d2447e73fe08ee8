package jp.jcstar.lab.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type, read and written through this constant by delegates,
 * controllers and tests alike (the camunda-bpm-data idea, in the few lines this app needs).
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;

    private ProcessVariable(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public String name() {
        return name;
    }

    public Optional<T> find(VariableScope scope) {
        return Optional.ofNullable(convert(scope.getVariable(name)));
    }

    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable " + name + " is not set"));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /**
     * Sets the variable unless it holds this value already: a routing value the app writes again from its tables
     * before a gateway costs no update and no history row when nobody changed it.
     */
    public void setIfChanged(VariableScope scope, T value) {
        if (!Objects.equals(scope.getVariable(name), value)) {
            scope.setVariable(name, value);
        }
    }

    /** Sets the variable on this scope only (a task's own), not on the process instance. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Adds this variable to a variable map, as the engine API and tests pass them. */
    public void putInto(Map<String, Object> variables, T value) {
        variables.put(name, value);
    }

    T convert(Object value) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        // Forms and JSON clients send numbers in whatever width they like.
        if (value instanceof Number number && type == Long.class) {
            return type.cast(number.longValue());
        }
        if (value instanceof Number number && type == Integer.class) {
            return type.cast(number.intValue());
        }
        throw new InvalidInputException(name + ": must be " + (type == String.class ? "text" : "a " + type.getSimpleName())
                + ", was " + value.getClass().getSimpleName() + " '" + value + "'");
    }

    @Override
    public String toString() {
        return name;
    }
}
