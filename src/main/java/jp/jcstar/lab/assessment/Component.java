package jp.jcstar.lab.assessment;

import java.util.Arrays;
import java.util.stream.Collectors;

import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.web.InvalidInputException;

/** A part of the IoT product that can be in an assessment's scope, with the test step that covers it. */
public enum Component {
    DEVICE(Step.DEVICE), APP(Step.APP), CLOUD(Step.CLOUD);

    private final Step step;

    Component(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }

    public static Component parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("scope: unknown component '" + value + "'; allowed are "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
