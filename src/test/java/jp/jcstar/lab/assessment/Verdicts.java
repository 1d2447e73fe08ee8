package jp.jcstar.lab.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.CheckItem;

/** Builds the form values of a test task: every item PASS unless a test says otherwise. */
public final class Verdicts {

    private final Map<String, Object> variables = new HashMap<>();

    private Verdicts() {
    }

    public static Verdicts allPass(List<CheckItem> items) {
        Verdicts verdicts = new Verdicts();
        items.forEach(item -> ItemVariables.verdict(item.id()).putInto(verdicts.variables, Verdict.PASS.name()));
        return verdicts;
    }

    public static Verdicts none() {
        return new Verdicts();
    }

    public Verdicts pass(String itemId) {
        ItemVariables.verdict(itemId).putInto(variables, Verdict.PASS.name());
        return this;
    }

    public Verdicts fail(String itemId, String observation) {
        return judge(itemId, Verdict.FAIL.name(), observation);
    }

    public Verdicts judge(String itemId, String verdict, String observation) {
        ItemVariables.verdict(itemId).putInto(variables, verdict);
        ItemVariables.observation(itemId).putInto(variables, observation);
        return this;
    }

    public Verdicts with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public Map<String, Object> variables() {
        return new HashMap<>(variables);
    }
}
