package jp.jcstar.lab.catalog;

import jp.jcstar.lab.Bilingual;

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

    /** The item as a refusal names it, in each language: "CLD-04 証明書管理とTLS設定" / "CLD-04 Certificate management ...". */
    public Bilingual name() {
        return Bilingual.of(id + " " + titleJa, id + " " + titleEn);
    }
}
