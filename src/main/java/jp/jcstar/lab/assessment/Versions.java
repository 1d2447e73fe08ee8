package jp.jcstar.lab.assessment;

/**
 * The versions of a product under test, one per component: the device's firmware, the app, the cloud service. A
 * component out of scope has none (null).
 */
public record Versions(String firmware, String app, String cloud) {

    /**
     * These versions where given, the previous ones where not (null or blank): what a rectification opens the next
     * round on.
     */
    public Versions orPrevious(Versions previous) {
        return new Versions(given(firmware, previous.firmware), given(app, previous.app), given(cloud, previous.cloud));
    }

    /** The version of one component: firmware for the device. */
    public String of(ProductComponent component) {
        return switch (component) {
            case DEVICE -> firmware;
            case APP -> app;
            case CLOUD -> cloud;
        };
    }

    private static String given(String submitted, String previous) {
        return submitted == null || submitted.isBlank() ? previous : submitted.strip();
    }
}
