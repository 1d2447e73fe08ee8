package jp.jcstar.lab.assessment.process;

import java.util.Collection;
import java.util.List;

import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.engine.ProcessVariable;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The per-item variables of the test forms. A catalog ID such as CLD-04 becomes the suffix CLD_04, because form keys
 * and expressions cannot carry a hyphen: {@code verdict_CLD_04}, {@code observation_CLD_04},
 * {@code retest_CLD_04} (the item is shown in the retest form), {@code response_CLD_04} (manufacturer's answer).
 */
public final class ItemVariables {

    private ItemVariables() {
    }

    public static ProcessVariable<String> verdict(String itemId) {
        return ProcessVariable.of("verdict_" + suffix(itemId), String.class);
    }

    public static ProcessVariable<String> observation(String itemId) {
        return ProcessVariable.of("observation_" + suffix(itemId), String.class);
    }

    public static ProcessVariable<Boolean> retest(String itemId) {
        return ProcessVariable.of("retest_" + suffix(itemId), Boolean.class);
    }

    /** A change judge's tick: the change touches this item, so the delta assessment retests it. */
    public static ProcessVariable<Boolean> touches(String itemId) {
        return ProcessVariable.of("touches_" + suffix(itemId), Boolean.class);
    }

    public static ProcessVariable<String> response(String itemId) {
        return ProcessVariable.of("response_" + suffix(itemId), String.class);
    }

    /**
     * Shows exactly the given items in the retest form (and asks a response for each in the rectification form). The
     * forms hide an item unless its flag is {@code true}, so only the flagged items and those flagged before are
     * written, not a flag for every item of the catalog.
     */
    public static void flagForRetest(VariableScope scope, List<CheckItem> catalogItems, Collection<String> flagged) {
        for (CheckItem item : catalogItems) {
            ProcessVariable<Boolean> flag = retest(item.id());
            if (flagged.contains(item.id())) {
                flag.set(scope, true);
            } else if (flag.find(scope).orElse(false)) {
                flag.set(scope, false);
            }
        }
    }

    /** The items currently flagged for retest. */
    public static List<CheckItem> flagged(VariableScope scope, List<CheckItem> catalogItems) {
        return catalogItems.stream().filter(item -> retest(item.id()).find(scope).orElse(false)).toList();
    }

    private static String suffix(String itemId) {
        return itemId.replace('-', '_');
    }
}
