package jp.jcstar.lab.reports;

/** One figure of the monthly report: its section, what it is (both languages) and its value as printed. */
public final class FigureRow {

    private final String section;
    private final String label;
    private final String value;

    public FigureRow(String section, String label, String value) {
        this.section = section;
        this.label = label;
        this.value = value;
    }

    public String getSection() {
        return section;
    }

    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }
}
