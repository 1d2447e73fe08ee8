package jp.jcstar.lab.reports.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lab's signing key ({@code jcstar.reports.signing.*}); without a key store, a self-signed key made at the first
 * start.
 *
 * @param keyStore         a PKCS#12 file with the lab's key and certificate chain (as for TLS); empty: generated
 * @param keyStorePassword its password
 * @param keyAlias         the key's alias; empty: the store's only key
 */
@ConfigurationProperties("jcstar.reports.signing")
public record SigningSettings(String keyStore, String keyStorePassword, String keyAlias) {
}
