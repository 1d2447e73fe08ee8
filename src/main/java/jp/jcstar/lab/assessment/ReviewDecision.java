package jp.jcstar.lab.assessment;

import jp.jcstar.lab.problem.EnumValues;

/** A reviewer's decision on the report; the BPMN's gateway compares reviewDecision to these names. */
public enum ReviewDecision {
    APPROVE, REJECT;

    public static ReviewDecision parse(String value) {
        return EnumValues.parse(ReviewDecision.class, "reviewDecision", value);
    }
}
