package jp.jcstar.lab.assessment;

import java.util.Arrays;

import jp.jcstar.lab.web.InvalidInputException;

/** A reviewer's decision on the report; the BPMN's gateway compares reviewDecision to these names. */
public enum ReviewDecision {
    APPROVE, REJECT;

    public static ReviewDecision parse(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("reviewDecision: must be APPROVE or REJECT, was '" + value + "'"));
    }
}
