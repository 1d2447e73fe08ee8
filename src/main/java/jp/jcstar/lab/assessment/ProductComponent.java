package jp.jcstar.lab.assessment;

import jp.jcstar.lab.catalog.Step;

/** A part of the IoT product that can be in an assessment's scope, with the test step that covers it. */
public enum ProductComponent {
    DEVICE(Step.DEVICE), APP(Step.APP), CLOUD(Step.CLOUD);

    private final Step step;

    ProductComponent(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }
}
