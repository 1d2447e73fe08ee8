package jp.jcstar.lab.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.InvalidInputException;

/**
 * A manufacturer's application, validated: the one place that decides what a valid application is, whether it comes
 * from the REST API or from the Tasklist start form.
 */
public record Application(Product product, Versions versions) {

    public static final int MAX_TEXT = 200;
    private static final Bilingual INVALID = Bilingual.of("申請は受け付けられませんでした。次の点を直して、もう一度申請してください。",
            "Invalid application:");
    /** What the start form calls each field; the key in brackets is what the API's JSON calls it. */
    private static final Map<String, Bilingual> FIELDS = Map.of(
            "manufacturer", Bilingual.of("製造事業者", "Manufacturer"),
            "productName", Bilingual.of("製品名", "Product name"),
            "modelNumbers", Bilingual.of("型番", "Model numbers"),
            "firmwareVersion", Bilingual.of("ファームウェアバージョン", "Firmware version"),
            "appVersion", Bilingual.of("アプリバージョン", "App version"),
            "cloudVersion", Bilingual.of("クラウドバージョン", "Cloud version"),
            "starLevel", Bilingual.of("対象レベル", "Target STAR level"),
            "scope", Bilingual.of("評価範囲", "Scope"));

    public Application {
        List<Bilingual> problems = new ArrayList<>();
        // Taken from the company's registration when the assessment is registered, never from what a client typed.
        product = new Product(optional("manufacturer", product.manufacturer(), problems),
                required("productName", product.name(), problems),
                required("modelNumbers", product.modelNumbers(), problems), product.starLevel(), product.scope());
        versions = new Versions(optional("firmwareVersion", versions.firmware(), problems),
                optional("appVersion", versions.app(), problems), optional("cloudVersion", versions.cloud(), problems));
        if (product.starLevel() == null) {
            problems.add(problem("starLevel", String.join(", ", StarLevel.labels()) + " から選んでください。",
                    "is required (one of " + String.join(", ", StarLevel.labels()) + ")."));
        }
        if (product.scope().isEmpty()) {
            problems.add(problem("scope", "DEVICE・APP・CLOUD のうち1つ以上を選んでください。",
                    "at least one of DEVICE, APP, CLOUD is required."));
        }
        requireVersionInScope(product, ProductComponent.DEVICE, "firmwareVersion", versions.firmware(), problems);
        requireVersionInScope(product, ProductComponent.APP, "appVersion", versions.app(), problems);
        requireVersionInScope(product, ProductComponent.CLOUD, "cloudVersion", versions.cloud(), problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    /**
     * Parses the loosely typed values of a form or JSON body; unknown scope or level values are refused together with
     * every other problem of the application.
     */
    public static Application of(String manufacturer, String productName, String modelNumbers, Versions versions,
                                 String starLevel, Collection<String> scope) {
        List<Bilingual> problems = new ArrayList<>();
        StarLevel level = null;
        if (starLevel != null && !starLevel.isBlank()) {
            level = EnumValues.find(StarLevel.class, starLevel, StarLevel::label).orElse(null);
            if (level == null) {
                String levels = String.join(", ", StarLevel.labels());
                problems.add(problem("starLevel", levels + " のいずれかにしてください（「" + starLevel
                        + "」は選べません）。", "must be one of " + levels + ", was '" + starLevel + "'."));
            }
        }
        Set<ProductComponent> components = EnumSet.noneOf(ProductComponent.class);
        for (String value : scope == null ? List.<String>of() : scope) {
            EnumValues.find(ProductComponent.class, value, ProductComponent::name).ifPresentOrElse(components::add,
                    () -> problems.add(problem("scope", "DEVICE, APP, CLOUD のいずれかにしてください（「" + value
                            + "」は選べません）。", "must be one of DEVICE, APP, CLOUD, was '" + value + "'.")));
        }
        try {
            Application application = new Application(new Product(manufacturer, productName, modelNumbers, level,
                    components), versions);
            if (problems.isEmpty()) {
                return application;
            }
        } catch (Refused refused) {
            problems.addAll(refused.problems);
        }
        throw new Refused(problems);
    }

    /** An application refused, with every problem found in it. */
    private static final class Refused extends InvalidInputException {
        private final transient List<Bilingual> problems;

        Refused(List<Bilingual> problems) {
            super(Bilingual.join(problems).after(INVALID));
            this.problems = List.copyOf(problems);
        }
    }

    /** A problem with a field, named as the form shows it and as the API's JSON calls it. */
    private static Bilingual problem(String field, String ja, String en) {
        Bilingual name = FIELDS.get(field);
        return Bilingual.of(name.ja() + "（" + field + "）: " + ja, name.en() + " (" + field + "): " + en);
    }

    /** The same application under the manufacturer company's registered name. */
    public Application registeredAs(String companyName) {
        return new Application(product.madeBy(companyName), versions);
    }

    public boolean covers(ProductComponent component) {
        return product.covers(component);
    }

    private static String required(String field, String value, List<Bilingual> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "入力してください。", "is required."));
            return value;
        }
        return optional(field, value, problems);
    }

    private static String optional(String field, String value, List<Bilingual> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(problem(field, MAX_TEXT + "文字以内にしてください。", "at most " + MAX_TEXT + " characters."));
        }
        if (ControlCharacters.present(value)) {
            problems.add(problem(field, "制御文字（NULなど）が含まれています。普通の文字だけで入力してください。",
                    "contains control characters (such as NUL); send plain text."));
        }
        return value.strip();
    }

    private static void requireVersionInScope(Product product, ProductComponent component, String field, String value,
                                              List<Bilingual> problems) {
        if (product.covers(component) && value == null) {
            problems.add(problem(field, component + " を評価範囲に含めるときは入力してください。",
                    "is required when " + component + " is in scope."));
        }
    }
}
