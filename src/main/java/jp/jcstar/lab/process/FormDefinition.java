package jp.jcstar.lab.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.ControlCharacters;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of a Camunda Form (a {@code .form} file in {@code forms/}), read from its JSON: what a person
 * completing the task may submit, and the rules the form states for each field. The engine's command guard checks
 * every submission against this, whatever client sent it (Tasklist, /engine-rest, /api).
 */
public final class FormDefinition {

    /** A text without a maxLength of its own is refused beyond this: the app's columns hold 4,000 characters. */
    public static final int DEFAULT_MAX_LENGTH = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Map<String, Field> fields;

    /**
     * @param readOnly shown to the person but not theirs to submit (the lab's request shown to the manufacturer)
     * @param conditional shown only under a condition (a FEEL expression), so "required" holds only when shown:
     *                    the task's listener decides then
     * @param allowedValues the values of a select or radio group; empty for free input
     */
    public record Field(String key, String type, boolean required, boolean readOnly, boolean conditional,
                        List<String> allowedValues, int maxLength) {
    }

    private FormDefinition(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    public static FormDefinition read(InputStream form) {
        try {
            JsonNode root = JSON.readTree(form);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return new FormDefinition(root.path("id").asText(), fields);
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form is not valid JSON", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                JsonNode validate = component.path("validate");
                List<String> values = component.path("values").findValuesAsText("value");
                boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
                fields.put(component.get("key").asText(), new Field(component.get("key").asText(),
                        component.path("type").asText(), validate.path("required").asBoolean(false), readOnly,
                        component.has("conditional"), List.copyOf(values),
                        validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH)));
            }
            collect(component.path("components"), fields);
        }
    }

    public String id() {
        return id;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    /**
     * What is wrong with a submission: names that are not input fields of this form, values of another type, text
     * with control characters or beyond its length, a value outside a select's options, a required field left empty.
     * Empty when the submission may be recorded.
     */
    public List<String> problems(Map<String, ?> submitted) {
        List<String> problems = new ArrayList<>();
        submitted.forEach((key, value) -> {
            Field field = fields.get(key);
            if (field == null || field.readOnly()) {
                problems.add(key + ": not a field you fill in on form " + id);
            } else if (value != null) {
                problems.addAll(valueProblems(field, value));
            }
        });
        fields.values().stream()
                .filter(field -> field.required() && !field.readOnly() && !field.conditional())
                .filter(field -> isEmpty(submitted.get(field.key())))
                .forEach(field -> problems.add(field.key() + ": is required"));
        return problems;
    }

    private static List<String> valueProblems(Field field, Object value) {
        if ("checkbox".equals(field.type())) {
            return value instanceof Boolean ? List.of() : List.of(field.key() + ": must be true or false");
        }
        if ("number".equals(field.type())) {
            return value instanceof Number ? List.of() : List.of(field.key() + ": must be a number");
        }
        if (!(value instanceof String text)) {
            return List.of(field.key() + ": must be text");
        }
        if (text.length() > field.maxLength()) {
            return List.of(field.key() + ": at most " + field.maxLength() + " characters (" + text.length() + " sent)");
        }
        if (ControlCharacters.present(text)) {
            return List.of(field.key() + ": contains control characters (such as NUL); send plain text");
        }
        if (!field.allowedValues().isEmpty() && !text.isEmpty() && !field.allowedValues().contains(text)) {
            return List.of(field.key() + ": must be one of " + String.join(", ", field.allowedValues()) + ", was '" + text + "'");
        }
        return List.of();
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
