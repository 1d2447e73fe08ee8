package jp.jcstar.lab.assessment;

import jp.jcstar.lab.problem.EnumValues;

/** The JC-STAR level the manufacturer applies for, written as the scheme writes it ("STAR-1"). */
public enum StarLevel {
    STAR_1, STAR_2, STAR_3, STAR_4;

    public String label() {
        return name().replace('_', '-');
    }

    public static StarLevel parse(String value) {
        return EnumValues.parse(StarLevel.class, "starLevel", value, StarLevel::label);
    }
}
