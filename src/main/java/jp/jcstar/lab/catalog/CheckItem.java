package jp.jcstar.lab.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jp.jcstar.lab.Bilingual;

/**
 * One inspection point of the catalog.
 *
 * @param requirementJa what the product must do to pass, in Japanese; null in catalog version 1, which had none
 * @param requirementEn the same in English
 */
public record CheckItem(String id, Step step, String titleJa, String titleEn, String requirementJa,
                        String requirementEn) {

    /** Bilingual title as forms and reports show it. */
    public String title() {
        return titleJa + " / " + titleEn;
    }

    /**
     * Bilingual requirement as findings, reports and the catalog API show it: the Japanese, then the English on the
     * next line; the English alone where the catalog version has no Japanese. A finding stores it as its required fix.
     */
    @JsonProperty
    public String requirement() {
        return requirementJa == null ? requirementEn : requirementJa + "\n" + requirementEn;
    }

    /** The item as a refusal names it, in each language: "CLD-04 証明書管理とTLS設定" / "CLD-04 Certificate management ...". */
    public Bilingual name() {
        return Bilingual.of(id + " " + titleJa, id + " " + titleEn);
    }
}
