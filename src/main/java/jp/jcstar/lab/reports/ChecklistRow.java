package jp.jcstar.lab.reports;

/** One requirement on the IPA package's checklist (reports/ipa-checklist.jrxml); getters for JasperReports. */
public final class ChecklistRow {

    private final String level;
    private final String requirementId;
    private final String wording;
    private final String etsi;
    private final String items;
    private final String result;

    public ChecklistRow(String level, String requirementId, String wording, String etsi, String items, String result) {
        this.level = level;
        this.requirementId = requirementId;
        this.wording = wording;
        this.etsi = etsi;
        this.items = items;
        this.result = result;
    }

    public String getLevel() {
        return level;
    }

    public String getRequirementId() {
        return requirementId;
    }

    public String getWording() {
        return wording;
    }

    public String getEtsi() {
        return etsi;
    }

    public String getItems() {
        return items;
    }

    public String getResult() {
        return result;
    }
}
