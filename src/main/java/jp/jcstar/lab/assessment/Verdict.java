package jp.jcstar.lab.assessment;

import jp.jcstar.lab.web.EnumValues;
import jp.jcstar.lab.web.InvalidInputException;

/** An engineer's judgement of one check item in one round. */
public enum Verdict {
    PASS, FAIL, NA;

    /** @param field the form field the value came from, named in the refusal */
    public static Verdict parse(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidInputException(field + ": a verdict is required (PASS, FAIL or NA)");
        }
        return EnumValues.parse(Verdict.class, field, value);
    }
}
