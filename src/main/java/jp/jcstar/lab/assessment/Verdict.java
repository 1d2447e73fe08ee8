package jp.jcstar.lab.assessment;

import java.util.Optional;

import jp.jcstar.lab.problem.EnumValues;

/** An engineer's judgement of one check item in one round. */
public enum Verdict {
    PASS, FAIL, NA;

    /** The verdict a submitted value names; empty for anything else (nothing, blank, another word). */
    public static Optional<Verdict> of(Object value) {
        return EnumValues.find(Verdict.class, value, Verdict::name);
    }
}
