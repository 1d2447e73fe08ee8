package jp.jcstar.lab.assessment;

import java.util.Arrays;

import jp.jcstar.lab.web.InvalidInputException;

/** The JC-STAR level the manufacturer applies for, written as the scheme writes it ("STAR-1"). */
public enum StarLevel {
    STAR_1, STAR_2, STAR_3, STAR_4;

    public String label() {
        return name().replace('_', '-');
    }

    public static StarLevel parse(String value) {
        return Arrays.stream(values()).filter(level -> level.label().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "starLevel: must be one of STAR-1, STAR-2, STAR-3, STAR-4, was '" + value + "'"));
    }
}
