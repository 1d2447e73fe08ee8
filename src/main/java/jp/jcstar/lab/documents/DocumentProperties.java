package jp.jcstar.lab.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded documents and evidence ({@code jcstar.documents.*}, each overridable from the environment).
 *
 * @param maxFileSize        the largest file accepted
 * @param zipMaxExpandedSize the most a ZIP (with the ZIPs inside it) may expand to
 * @param zipMaxRatio        the most a ZIP may expand relative to its own size
 * @param zipMaxEntries      the most entries a ZIP (with the ZIPs inside it) may hold
 * @param zipMaxDepth        how deep ZIPs may nest in ZIPs
 */
@ConfigurationProperties("jcstar.documents")
public record DocumentProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("1GB") DataSize zipMaxExpandedSize,
        @DefaultValue("100") int zipMaxRatio,
        @DefaultValue("10000") int zipMaxEntries,
        @DefaultValue("3") int zipMaxDepth) {

    public DocumentProperties {
        if (maxFileSize.toBytes() < 1 || zipMaxExpandedSize.toBytes() < 1 || zipMaxRatio < 1 || zipMaxEntries < 1
                || zipMaxDepth < 0) {
            throw new IllegalArgumentException("jcstar.documents limits must be positive: max-file-size=" + maxFileSize
                    + ", zip-max-expanded-size=" + zipMaxExpandedSize + ", zip-max-ratio=" + zipMaxRatio
                    + ", zip-max-entries=" + zipMaxEntries + ", zip-max-depth=" + zipMaxDepth);
        }
    }
}
