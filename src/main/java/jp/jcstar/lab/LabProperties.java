package jp.jcstar.lab;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lab's own settings ({@code jcstar.*} in application.yaml, each overridable from the environment).
 *
 * @param labName               printed on every report
 * @param documentsDuePeriod    how long a manufacturer has to supply missing documents
 * @param rectificationDuePeriod how long a manufacturer has to submit a rectification
 * @param retestLimit           failed retests after which a lab manager decides on a further round
 */
@ConfigurationProperties("jcstar")
public record LabProperties(
        @DefaultValue("JC-STAR Test Laboratory") String labName,
        @DefaultValue("P14D") Duration documentsDuePeriod,
        @DefaultValue("P30D") Duration rectificationDuePeriod,
        @DefaultValue("3") int retestLimit) {

    public LabProperties {
        if (retestLimit < 1) {
            throw new IllegalArgumentException("jcstar.retest-limit must be at least 1, was " + retestLimit);
        }
        if (documentsDuePeriod.isNegative() || documentsDuePeriod.isZero()
                || rectificationDuePeriod.isNegative() || rectificationDuePeriod.isZero()) {
            throw new IllegalArgumentException("jcstar due periods must be positive durations such as P14D");
        }
    }
}
