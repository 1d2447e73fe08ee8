package jp.jcstar.lab.assessment;

import jp.jcstar.lab.problem.EnumValues;

/** A lab manager's decision once the retest limit is reached; the BPMN's gateway compares to these names. */
public enum FurtherRoundDecision {
    EXTEND, TERMINATE;

    public static FurtherRoundDecision parse(String value) {
        return EnumValues.parse(FurtherRoundDecision.class, "furtherRoundDecision", value);
    }
}
