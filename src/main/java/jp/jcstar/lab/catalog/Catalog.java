package jp.jcstar.lab.catalog;

import java.util.List;
import java.util.Optional;

/** One version of the check-item catalog, items in catalog order. */
public record Catalog(String version, List<CheckItem> items) {

    public List<CheckItem> itemsOf(Step step) {
        return items.stream().filter(item -> item.step() == step).toList();
    }

    public Optional<CheckItem> find(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public CheckItem get(String itemId) {
        return find(itemId).orElseThrow(() -> new IllegalArgumentException(
                "Item " + itemId + " is not in catalog version " + version));
    }
}
