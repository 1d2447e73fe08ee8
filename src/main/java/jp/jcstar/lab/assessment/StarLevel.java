package jp.jcstar.lab.assessment;

import java.util.Arrays;
import java.util.List;

import jp.jcstar.lab.problem.EnumValues;

/** The JC-STAR level the manufacturer applies for, written as the scheme writes it ("STAR-1"). */
public enum StarLevel {
    STAR_1, STAR_2, STAR_3, STAR_4;

    public String label() {
        return name().replace('_', '-');
    }

    /** Every level as written, lowest first: what the start form offers and the API accepts. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(StarLevel::label).toList();
    }

    public static StarLevel parse(String value) {
        return EnumValues.parse(StarLevel.class, "starLevel", value, StarLevel::label);
    }
}
