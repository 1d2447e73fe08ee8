package jp.jcstar.lab.problem;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses a submitted value into one of an enum's constants, or refuses it naming the field and the choices. */
public final class EnumValues {

    private EnumValues() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, Object value) {
        return parse(type, field, value, Enum::name);
    }

    /** @param label how the constant is written by users (e.g. STAR-1 for STAR_1) */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, Object value, Function<E, String> label) {
        return find(type, value, label).orElseThrow(() -> new InvalidInputException(field + ": must be one of "
                + Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", ")) + ", was '"
                + value + "'"));
    }

    /** The constant a submitted value names, written as {@code label} writes it; empty for anything else. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, Object value, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> label.apply(constant).equals(String.valueOf(value))).findFirst();
    }
}
