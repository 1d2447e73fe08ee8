package jp.jcstar.lab.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.web.InvalidInputException;

/**
 * A manufacturer's application, validated: the one place that decides what a valid application is, whether it comes
 * from the REST API or from the Tasklist start form.
 */
public record Application(String manufacturer, String productName, String modelNumbers, String firmwareVersion,
                          String appVersion, String cloudVersion, StarLevel starLevel, Set<Component> scope) {

    static final int MAX_TEXT = 200;
    private static final String INVALID = "Invalid application: ";

    public Application {
        List<String> problems = new ArrayList<>();
        // Taken from the company's registration when the assessment is registered, never from what a client typed.
        manufacturer = optional("manufacturer", manufacturer, problems);
        productName = required("productName", productName, problems);
        modelNumbers = required("modelNumbers", modelNumbers, problems);
        firmwareVersion = optional("firmwareVersion", firmwareVersion, problems);
        appVersion = optional("appVersion", appVersion, problems);
        cloudVersion = optional("cloudVersion", cloudVersion, problems);
        if (starLevel == null) {
            problems.add("starLevel: is required (one of STAR-1, STAR-2, STAR-3, STAR-4)");
        }
        scope = scope == null || scope.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(scope);
        if (scope.isEmpty()) {
            problems.add("scope: at least one of DEVICE, APP, CLOUD is required");
        }
        requireVersionInScope(scope, Component.DEVICE, "firmwareVersion", firmwareVersion, problems);
        requireVersionInScope(scope, Component.APP, "appVersion", appVersion, problems);
        requireVersionInScope(scope, Component.CLOUD, "cloudVersion", cloudVersion, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID + String.join("; ", problems));
        }
        scope = Set.copyOf(scope);
    }

    /**
     * Parses the loosely typed values of a form or JSON body; unknown scope or level values are refused together with
     * every other problem of the application.
     */
    public static Application of(String manufacturer, String productName, String modelNumbers, String firmwareVersion,
                                 String appVersion, String cloudVersion, String starLevel,
                                 Collection<String> scope) {
        List<String> problems = new ArrayList<>();
        StarLevel level = null;
        if (starLevel != null && !starLevel.isBlank()) {
            try {
                level = StarLevel.parse(starLevel);
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        Set<Component> components = EnumSet.noneOf(Component.class);
        for (String value : scope == null ? List.<String>of() : scope) {
            try {
                components.add(Component.parse(value));
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            Application application = new Application(manufacturer, productName, modelNumbers, firmwareVersion,
                    appVersion, cloudVersion, level, components);
            if (problems.isEmpty()) {
                return application;
            }
        } catch (InvalidInputException e) {
            problems.add(e.getMessage().substring(INVALID.length()));
        }
        throw new InvalidInputException(INVALID + String.join("; ", problems));
    }

    /** The same application under the manufacturer company's registered name. */
    public Application registeredAs(String companyName) {
        return new Application(companyName, productName, modelNumbers, firmwareVersion, appVersion, cloudVersion,
                starLevel, scope);
    }

    public boolean covers(Component component) {
        return scope.contains(component);
    }

    private static String required(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": is required");
            return value;
        }
        return optional(field, value, problems);
    }

    private static String optional(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(field + ": at most " + MAX_TEXT + " characters");
        }
        if (ControlCharacters.present(value)) {
            problems.add(field + ": contains control characters (such as NUL); send plain text");
        }
        return value.strip();
    }

    private static void requireVersionInScope(Set<Component> scope, Component component, String field, String value,
                                              List<String> problems) {
        if (scope.contains(component) && value == null) {
            problems.add(field + ": is required when " + component + " is in scope");
        }
    }
}
