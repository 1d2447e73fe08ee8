package jp.jcstar.lab.assessment;

import jp.jcstar.lab.problem.EnumValues;

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
        return EnumValues.parse(OverdueWork.class, "overdueWork", value);
    }
}
