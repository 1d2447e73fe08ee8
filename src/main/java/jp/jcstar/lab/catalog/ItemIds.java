package jp.jcstar.lab.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of check item IDs as one column or variable holds it: space-separated, in ID order ("CLD-04 DEV-02"). A
 * change notice's items to retest, a delta assessment's item scope and what its test forms show are written so.
 */
public final class ItemIds {

    private ItemIds() {
    }

    /** "CLD-04 DEV-02"; empty for no items. */
    public static String join(Collection<String> itemIds) {
        return String.join(" ", new TreeSet<>(itemIds));
    }

    /** The IDs in ID order; empty for null or blank. */
    public static SortedSet<String> parse(String joined) {
        return joined == null || joined.isBlank() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(List.of(joined.trim().split("\\s+"))));
    }
}
