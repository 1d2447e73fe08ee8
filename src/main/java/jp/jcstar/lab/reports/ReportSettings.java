package jp.jcstar.lab.reports;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How issued PDFs are signed and verified ({@code jcstar.reports.*}).
 *
 * @param publicUrl the address people open the app at: each issued PDF carries its verification page's address
 * @param validity  how long a final report (the label) stands from its issue date
 * @param firstReminder  how long before the end of its validity the manufacturer and the lab are reminded first
 * @param secondReminder and a second time
 */
@ConfigurationProperties("jcstar.reports")
public record ReportSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("P2Y") Period validity,
                             @DefaultValue("P90D") Period firstReminder, @DefaultValue("P30D") Period secondReminder) {

    public ReportSettings {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("jcstar.reports.validity must be a positive period such as P2Y, was "
                    + validity);
        }
        if (firstReminder.isNegative() || secondReminder.isNegative()) {
            throw new IllegalArgumentException("jcstar.reports.first-reminder and second-reminder must not be negative "
                    + "periods (such as P90D and P30D), were " + firstReminder + " and " + secondReminder);
        }
    }

    /** The address of the verification page of an issued PDF. */
    public String verificationUrl(String code) {
        return publicUrl + "/verify/" + code;
    }
}
