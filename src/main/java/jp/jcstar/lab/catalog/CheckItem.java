package jp.jcstar.lab.catalog;

/**
 * One inspection point of the catalog.
 *
 * @param requirement what the product must do to pass; printed on the issue list as what must be fixed
 */
public record CheckItem(String id, Step step, String titleJa, String titleEn, String requirement) {

    /** Bilingual title as forms and reports show it. */
    public String title() {
        return titleJa + " / " + titleEn;
    }
}
