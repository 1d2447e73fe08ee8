package jp.jcstar.lab.assessment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The product under evaluation as the application names it and the reports print it: who makes it, what it is called,
 * its model numbers, the STAR level applied for and the components in scope.
 */
public record Product(String manufacturer, String name, String modelNumbers, StarLevel starLevel,
                      Set<ProductComponent> scope) {

    public Product {
        // In the components' own order (DEVICE, APP, CLOUD) wherever it is listed, and unchangeable.
        scope = scope == null || scope.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(scope));
    }

    public boolean covers(ProductComponent component) {
        return scope.contains(component);
    }

    /** The same product under another maker's name (the manufacturer company's registered one). */
    public Product madeBy(String registeredName) {
        return new Product(registeredName, name, modelNumbers, starLevel, scope);
    }
}
