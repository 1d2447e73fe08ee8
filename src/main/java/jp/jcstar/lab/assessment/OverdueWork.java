package jp.jcstar.lab.assessment;

import java.util.Arrays;

/** What a manufacturer is late with; the escalation service tasks name it in their input parameter overdueWork. */
public enum OverdueWork {
    DOCUMENTS("requested documents"), RECTIFICATION("rectification");

    private final String description;

    OverdueWork(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static OverdueWork parse(String value) {
        return Arrays.stream(values()).filter(work -> work.name().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("overdueWork must be DOCUMENTS or RECTIFICATION, was " + value));
    }
}
