package jp.jcstar.lab.reports.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.Sha256;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key every issued PDF is signed with, and its certificate chain. From the PKCS#12 key store of
 * {@code jcstar.reports.signing.key-store} when one is configured (the lab's key from its CA); without one, a
 * self-signed key that the first start of the first node generates and keeps in the database (table
 * {@code lab_signing_key}), so that every node of a cluster signs with the same key. Read once, at the first signature.
 */
@Component
public class LabSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LabSigningKey.class);
    private static final String GENERATED_ALIAS = "lab";

    /** A key and the chain that certifies it, the signing certificate first. */
    public record Loaded(PrivateKey key, List<X509Certificate> chain, boolean selfSigned) {

        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** SHA-256 of the signing certificate, hex, lower case: what a holder compares with the lab's published one. */
        public String fingerprint() {
            try {
                return Sha256.hex(certificate().getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The lab's signing certificate cannot be encoded", e);
            }
        }
    }

    private final SigningSettings settings;
    private final LabProperties lab;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Loaded loaded;

    public LabSigningKey(SigningSettings settings, LabProperties lab, JdbcClient jdbc,
                         PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.lab = lab;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // Its own transaction: a key another node stored first must not roll back the caller's work.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * At start: a wrong key store stops the start with its reason; a first start generates the key and says so. Last
     * of the start's work (generating an RSA key takes a second or two): the accounts and groups come first.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void loadAtStart() {
        get();
    }

    public Loaded get() {
        Loaded known = loaded;
        if (known == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                known = loaded;
            }
        }
        return known;
    }

    private Loaded load() {
        SigningSettings signing = settings;
        if (signing.keyStore() != null && !signing.keyStore().isBlank()) {
            Path file = Path.of(signing.keyStore());
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("jcstar.reports.signing.key-store " + file + " does not exist or cannot "
                        + "be read: give the PKCS#12 file with the lab's signing key (JCSTAR_SIGNING_KEY_STORE), or leave "
                        + "it unset to sign with a generated self-signed key");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return fromKeyStore(in, password(signing.keyStorePassword()), signing.keyAlias(), false);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("jcstar.reports.signing.key-store " + file + " cannot be read as a PKCS#12 "
                        + "key store with the configured password: " + e.getMessage(), e);
            }
        }
        Optional<Stored> stored = stored();
        if (stored.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> generate());
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                log.info("Another node generated the lab's signing key first; using that one");
            }
            stored = stored();
        }
        Stored row = stored.orElseThrow(() -> new IllegalStateException("The lab's signing key was not stored"));
        try {
            return fromKeyStore(new ByteArrayInputStream(row.keyStore()), row.password().toCharArray(), GENERATED_ALIAS,
                    true);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The lab's generated signing key in the database cannot be read", e);
        }
    }

    private record Stored(byte[] keyStore, String password) {
    }

    private Optional<Stored> stored() {
        return jdbc.sql("select key_store, key_store_password from lab_signing_key where id = 1")
                .query((rs, row) -> new Stored(rs.getBytes("key_store"), rs.getString("key_store_password"))).optional();
    }

    /** A self-signed RSA key for report signing, valid ten years, stored for every node. */
    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            var subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, lab.labName() + " report signing (self-signed)")
                    .addRDN(BCStyle.O, lab.labName()).build();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(10).toInstant()), subject,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(24));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(GENERATED_ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            jdbc.sql("insert into lab_signing_key (id, key_store, key_store_password, created_at) values (1, ?, ?, ?)")
                    .params(out.toByteArray(), password, OffsetDateTime.now()).update();
            log.warn("No jcstar.reports.signing.key-store is configured: generated a self-signed key to sign the lab's "
                    + "reports (certificate SHA-256 {}). Reports verify on this app's verification page; to have them "
                    + "verify in PDF readers too, configure the lab's key from a CA (README, 'After the assessment').",
                    Sha256.hex(certificate.getEncoded()));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Generating the lab's signing key failed", e);
        }
    }

    private static char[] password(String configured) {
        return configured == null ? new char[0] : configured.toCharArray();
    }

    private static Loaded fromKeyStore(InputStream in, char[] password, String alias, boolean selfSigned)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        String chosen = alias;
        if (chosen == null || chosen.isBlank()) {
            List<String> keys = Collections.list(store.aliases()).stream().filter(name -> {
                try {
                    return store.isKeyEntry(name);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }).toList();
            if (keys.size() != 1) {
                throw new GeneralSecurityException("the key store holds " + keys.size()
                        + " keys; name one with jcstar.reports.signing.key-alias");
            }
            chosen = keys.get(0);
        }
        if (!(store.getKey(chosen, password) instanceof PrivateKey key)) {
            throw new GeneralSecurityException("the key store has no private key under the alias " + chosen);
        }
        List<X509Certificate> chain = java.util.Arrays.stream(store.getCertificateChain(chosen))
                .map(X509Certificate.class::cast).toList();
        return new Loaded(key, chain, selfSigned);
    }
}
