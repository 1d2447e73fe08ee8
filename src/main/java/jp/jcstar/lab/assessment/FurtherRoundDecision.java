package jp.jcstar.lab.assessment;

import java.util.Arrays;

import jp.jcstar.lab.web.InvalidInputException;

/** A lab manager's decision once the retest limit is reached; the BPMN's gateway compares to these names. */
public enum FurtherRoundDecision {
    EXTEND, TERMINATE;

    public static FurtherRoundDecision parse(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "furtherRoundDecision: must be EXTEND or TERMINATE, was '" + value + "'"));
    }
}
