package jp.jcstar.lab.assessment;

import java.util.Arrays;

import jp.jcstar.lab.web.InvalidInputException;

/** An engineer's judgement of one check item in one round. */
public enum Verdict {
    PASS, FAIL, NA;

    /** @param field the form field the value came from, named in the refusal */
    public static Verdict parse(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidInputException(field + ": a verdict is required (PASS, FAIL or NA)");
        }
        return Arrays.stream(values()).filter(v -> v.name().equals(value.toString())).findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field + ": must be PASS, FAIL or NA, was '" + value + "'"));
    }
}
