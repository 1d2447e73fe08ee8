package jp.jcstar.lab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.Bilingual;
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
    public record Field(String key, String label, String type, boolean required, boolean readOnly, boolean conditional,
                        List<String> allowedValues, int maxLength) {

        /** What the person sees the field called: its label, in each language; the key when it has none. */
        public Bilingual name() {
            return label == null || label.isBlank() ? Bilingual.of(key, key) : Bilingual.ofLabel(label);
        }

        boolean choice() {
            return !allowedValues.isEmpty() || "checkbox".equals(type);
        }
    }

    private FormDefinition(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    public static FormDefinition read(InputStream form) {
        try {
            JsonNode root = JSON.readTree(form);
            Map<String, Field> fields = new LinkedHashMap<>();
            keyedComponents(root).forEach(component -> fields.put(component.get("key").asText(), field(component)));
            return new FormDefinition(root.path("id").asText(), fields);
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form is not valid JSON", e);
        }
    }

    /** The components of a form that have a key (its input fields), also those inside groups, in the form's order. */
    public static List<JsonNode> keyedComponents(JsonNode form) {
        List<JsonNode> keyed = new ArrayList<>();
        collect(form.path("components"), keyed);
        return keyed;
    }

    private static void collect(JsonNode components, List<JsonNode> keyed) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keyed.add(component);
            }
            collect(component.path("components"), keyed);
        }
    }

    private static Field field(JsonNode component) {
        JsonNode validate = component.path("validate");
        List<String> values = component.path("values").findValuesAsText("value");
        boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        // A date field calls its label dateLabel.
        String label = component.path("label").asText(component.path("dateLabel").asText(null));
        return new Field(component.get("key").asText(), label,
                component.path("type").asText(), validate.path("required").asBoolean(false), readOnly,
                component.has("conditional"), List.copyOf(values), validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH));
    }

    public String id() {
        return id;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    /**
     * What is wrong with a submission, each problem in both languages naming the field by its label, as the person
     * sees it: names that are not input fields of this form, values of another type, text with control characters
     * or beyond its length, a value outside a select's options, a required field left empty. Empty when the
     * submission may be recorded.
     */
    public List<Bilingual> problems(Map<String, ?> submitted) {
        List<Bilingual> problems = new ArrayList<>();
        submitted.forEach((key, value) -> {
            Field field = fields.get(key);
            if (field == null || field.readOnly()) {
                problems.add(Bilingual.of("「" + key + "」はこのフォームで入力する項目ではありません。送らないでください。",
                        key + ": not a field you fill in on form " + id + "; leave it out."));
            } else if (value != null) {
                valueProblem(field, value).ifPresent(problems::add);
            }
        });
        fields.values().stream()
                .filter(field -> field.required() && !field.readOnly() && !field.conditional())
                .filter(field -> isEmpty(submitted.get(field.key())))
                .forEach(field -> problems.add(required(field)));
        return problems;
    }

    /** A required field left empty: choose or fill it in. */
    private static Bilingual required(Field field) {
        Bilingual name = field.name();
        return field.choice()
                ? Bilingual.of(name.ja() + ": 選んでください。", name.en() + ": is required. Choose one.")
                : Bilingual.of(name.ja() + ": 入力してください。", name.en() + ": is required. Fill it in.");
    }

    private static Optional<Bilingual> valueProblem(Field field, Object value) {
        Bilingual name = field.name();
        if ("checkbox".equals(field.type())) {
            return value instanceof Boolean ? Optional.empty() : Optional.of(Bilingual.of(
                    name.ja() + ": はい・いいえ（true / false）で答えてください。", name.en() + ": must be true or false."));
        }
        if ("number".equals(field.type())) {
            return value instanceof Number ? Optional.empty() : Optional.of(Bilingual.of(
                    name.ja() + ": 数値を入力してください。", name.en() + ": must be a number."));
        }
        if (!(value instanceof String text)) {
            return Optional.of(Bilingual.of(name.ja() + ": 文字で入力してください。", name.en() + ": must be text."));
        }
        if (text.length() > field.maxLength()) {
            return Optional.of(Bilingual.of(
                    name.ja() + ": " + field.maxLength() + "文字以内にしてください（" + text.length() + "文字あります）。",
                    name.en() + ": at most " + field.maxLength() + " characters (" + text.length() + " sent). Shorten it."));
        }
        if (ControlCharacters.present(text)) {
            return Optional.of(Bilingual.of(name.ja() + ": 制御文字（NULなど）が含まれています。普通の文字だけで入力してください。",
                    name.en() + ": contains control characters (such as NUL); send plain text."));
        }
        if (!field.allowedValues().isEmpty() && !text.isEmpty() && !field.allowedValues().contains(text)) {
            String options = String.join(", ", field.allowedValues());
            return Optional.of(Bilingual.of(name.ja() + ": " + options + " のいずれかを選んでください（「" + text + "」は選べません）。",
                    name.en() + ": must be one of " + options + ", was '" + text + "'. Choose one of them."));
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
