package jp.jcstar.lab.reports;

import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.assessment.Versions;

/**
 * What the final report and the issue list both print at the top: the lab, the assessment's reference, the product
 * and the versions under test. Their templates read it through nested getters ({@code header.productName} as a
 * field's description); a version out of scope prints "-".
 */
public final class ReportHeader {

    private final String labName;
    private final String reference;
    private final Product product;
    private final Versions versions;

    public ReportHeader(String labName, String reference, Product product, Versions versions) {
        this.labName = labName;
        this.reference = reference;
        this.product = product;
        this.versions = versions;
    }

    public String getLabName() {
        return labName;
    }

    public String getReference() {
        return reference;
    }

    public String getManufacturer() {
        return product.manufacturer();
    }

    public String getProductName() {
        return product.name();
    }

    public String getModelNumbers() {
        return product.modelNumbers();
    }

    public String getStarLevel() {
        return product.starLevel().label();
    }

    /** The components in scope, e.g. "DEVICE, APP, CLOUD". */
    public String getScope() {
        return product.scope().stream().map(Wording::component).collect(Collectors.joining(", "));
    }

    public String getFirmwareVersion() {
        return ReportText.orDash(versions.firmware());
    }

    public String getAppVersion() {
        return ReportText.orDash(versions.app());
    }

    public String getCloudVersion() {
        return ReportText.orDash(versions.cloud());
    }
}
