package jp.jcstar.lab.requirements;

import java.util.List;

/**
 * One requirement of a STAR level's list, as IPA words it, with the catalog items that evidence it and the ETSI EN
 * 303 645 provisions it corresponds to.
 *
 * @param titleJa null until IPA's wording is loaded
 * @param itemIds empty when no catalog item covers it: the requirement is then reported as not covered
 */
public record Requirement(String id, String titleJa, String titleEn, List<String> etsi, List<String> itemIds) {

    public Requirement {
        etsi = List.copyOf(etsi);
        itemIds = List.copyOf(itemIds);
    }
}
