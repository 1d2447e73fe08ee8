package jp.jcstar.lab.assessment;

import java.util.Arrays;
import java.util.Optional;

/** An engineer's judgement of one check item in one round. */
public enum Verdict {
    PASS, FAIL, NA;

    /** The verdict a submitted value names; empty for anything else (nothing, blank, another word). */
    public static Optional<Verdict> of(Object value) {
        return Arrays.stream(values()).filter(verdict -> verdict.name().equals(String.valueOf(value))).findFirst();
    }
}
