package jp.jcstar.lab.reports;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How issued PDFs are signed and verified ({@code jcstar.reports.*}).
 *
 * @param publicUrl the address people open the app at: each issued PDF carries its verification page's address
 * @param validity  how long a final report (the label) stands from its issue date
 * @param signing   the lab's signing key; without a key store, a self-signed key made at the first start
 */
@ConfigurationProperties("jcstar.reports")
public record ReportSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("P2Y") Period validity,
                             @DefaultValue Signing signing) {

    /**
     * @param keyStore         a PKCS#12 file with the lab's key and certificate chain (as for TLS); empty: generated
     * @param keyStorePassword its password
     * @param keyAlias         the key's alias; empty: the store's only key
     */
    public record Signing(String keyStore, String keyStorePassword, String keyAlias) {
    }

    public ReportSettings {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("jcstar.reports.validity must be a positive period such as P2Y, was "
                    + validity);
        }
    }

    /** The address of the verification page of an issued PDF. */
    public String verificationUrl(String code) {
        return publicUrl + "/verify/" + code;
    }
}
