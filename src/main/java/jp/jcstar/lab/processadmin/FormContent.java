package jp.jcstar.lab.processadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.engine.FormDefinition;
import jp.jcstar.lab.engine.ProcessVariable;

/**
 * What a form shows of the app's data, checked against that data. Tasklist renders a form's JSON as it is, so the
 * forms hold copies of the catalog's wording and of the STAR levels; a copy that no longer matches refuses the
 * deployment, naming the field and what it must say.
 *
 * <p>The rule for a catalog item, e.g. APP-04, in every form that has a field for it (keys from
 * {@link ItemVariables}), with the texts of the current catalog version:
 * <ul>
 * <li>{@code verdict_APP_04}: label "APP-04 title_ja / title_en", description "requirement_ja / requirement_en"</li>
 * <li>{@code observation_APP_04}: label "APP-04 所見 / Observation"</li>
 * <li>{@code response_APP_04}: label "APP-04 title_ja / title_en への回答 / Response"</li>
 * <li>{@code touches_APP_04}: label "APP-04 title_ja / title_en" (a change judge's tick)</li>
 * </ul>
 * A field whose label starts with an item ID is one of that item's fields, and the item is in the catalog. The field
 * {@code starLevel} offers exactly the {@link StarLevel}s, each as the scheme writes it, as value and as label.
 */
final class FormContent {

    /** An item ID at the start of a label, as the catalog writes it ("APP-04 "). */
    private static final Pattern ITEM_ID = Pattern.compile("^([A-Z]{2,}-\\d+) ");

    /** A field a form may have for each catalog item, and what it shows of the item. */
    private record ItemField(Function<String, ProcessVariable<?>> variable, Function<CheckItem, String> label,
                             Function<CheckItem, String> description) {
    }

    private static final List<ItemField> ITEM_FIELDS = List.of(
            new ItemField(ItemVariables::verdict, FormContent::title, FormContent::requirement),
            new ItemField(ItemVariables::observation, item -> item.id() + " 所見 / Observation", null),
            new ItemField(ItemVariables::response, item -> title(item) + " への回答 / Response", null),
            new ItemField(ItemVariables::touches, FormContent::title, null));

    private FormContent() {
    }

    /** "APP-04 シリアル番号… / Device cannot be taken over …": the item's ID and title in both languages. */
    static String title(CheckItem item) {
        return item.id() + " " + item.title();
    }

    /** "機器の紐付けには… / Binding requires …": the requirement in both languages, the English alone without Japanese. */
    static String requirement(CheckItem item) {
        return item.requirementJa() == null ? item.requirementEn() : item.requirementJa() + " / " + item.requirementEn();
    }

    /** Every field of a form that shows a catalog item shows the catalog's current wording of it. */
    static List<ModelProblem> checkItems(String resource, JsonNode form, Catalog catalog) {
        List<ModelProblem> problems = new ArrayList<>();
        for (JsonNode field : FormDefinition.keyedComponents(form)) {
            String key = field.path("key").asText();
            String label = field.path("label").asText("");
            Optional<ItemFieldOf> shown = itemFieldOf(key, catalog);
            if (shown.isPresent()) {
                CheckItem item = shown.get().item();
                ItemField kind = shown.get().kind();
                expect(resource, key, "ラベル", "label", label, kind.label().apply(item), item, catalog, problems);
                if (kind.description() != null) {
                    expect(resource, key, "説明", "description", field.path("description").asText(""),
                            kind.description().apply(item), item, catalog, problems);
                }
                continue;
            }
            Matcher named = ITEM_ID.matcher(label);
            if (named.find()) {
                problems.add(new ModelProblem(resource, key, notAnItemField(label, named.group(1), catalog)));
            }
        }
        return problems;
    }

    /** A label that names an item on a field that is not the item's: a mistyped key, or an item the catalog dropped. */
    private static Bilingual notAnItemField(String label, String itemId, Catalog catalog) {
        return catalog.find(itemId)
                .map(item -> Bilingual.of("ラベル「" + label + "」は " + itemId + " を示していますが、キーが " + itemId
                                + " の項目（" + keysOf(item) + "）のいずれでもありません。キーを直してください。",
                        "the label \"" + label + "\" names " + itemId + " but the key is none of its fields ("
                                + keysOf(item) + "); correct the key."))
                .orElseGet(() -> Bilingual.of("ラベル「" + label + "」の項目 " + itemId + " はカタログ（版 "
                                + catalog.version() + "）にありません。この項目を削除してください。",
                        "the label \"" + label + "\" names item " + itemId + ", which catalog version "
                                + catalog.version() + " does not have; remove the field."));
    }

    /** The STAR-level field, where a form has one, offers every level the app accepts and nothing else. */
    static List<ModelProblem> checkStarLevels(String resource, JsonNode form) {
        String key = AssessmentVariables.STAR_LEVEL.name();
        String expected = String.join(", ", StarLevel.labels());
        return field(form, key).stream().filter(field -> !options(field).equals(StarLevel.labels()))
                .map(field -> new ModelProblem(resource, key, Bilingual.of(
                        "対象レベルの選択肢は、アプリが受け付けるレベル「" + expected + "」（値と表示が同じ）にしてください（現在は「"
                                + String.join(", ", options(field)) + "」）。",
                        "the STAR level options must be the levels the app accepts, each as value and label: " + expected
                                + " (they are " + String.join(", ", options(field)) + ").")))
                .toList();
    }

    /** Whether a form asks for the STAR level, as the start form of an assessment must. */
    static boolean asksForStarLevel(JsonNode form) {
        return field(form, AssessmentVariables.STAR_LEVEL.name()).isPresent();
    }

    /** A form's field by its key, also inside groups. */
    static Optional<JsonNode> field(JsonNode form, String key) {
        return FormDefinition.keyedComponents(form).stream().filter(field -> key.equals(field.path("key").asText()))
                .findFirst();
    }

    private record ItemFieldOf(CheckItem item, ItemField kind) {
    }

    private static Optional<ItemFieldOf> itemFieldOf(String key, Catalog catalog) {
        for (CheckItem item : catalog.items()) {
            for (ItemField kind : ITEM_FIELDS) {
                if (kind.variable().apply(item.id()).name().equals(key)) {
                    return Optional.of(new ItemFieldOf(item, kind));
                }
            }
        }
        return Optional.empty();
    }

    private static String keysOf(CheckItem item) {
        return ITEM_FIELDS.stream().map(kind -> kind.variable().apply(item.id()).name()).collect(Collectors.joining(", "));
    }

    /** The options of a select or radio group, each its value, followed by its label in brackets where that differs. */
    private static List<String> options(JsonNode field) {
        List<String> options = new ArrayList<>();
        for (JsonNode option : field.path("values")) {
            String value = option.path("value").asText();
            String label = option.path("label").asText();
            options.add(value.equals(label) ? value : value + " (" + label + ")");
        }
        return options;
    }

    private static void expect(String resource, String key, String whatJa, String whatEn, String actual, String expected,
                               CheckItem item, Catalog catalog, List<ModelProblem> problems) {
        if (!actual.equals(expected)) {
            problems.add(new ModelProblem(resource, key, Bilingual.of(
                    whatJa + "がカタログ（版 " + catalog.version() + "）の " + item.id() + " と異なります。「" + expected
                            + "」にしてください（現在は「" + actual + "」）。",
                    "the " + whatEn + " does not match " + item.id() + " in catalog version " + catalog.version()
                            + ": it must read \"" + expected + "\" (it reads \"" + actual + "\").")));
        }
    }
}
