package jp.jcstar.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the app writes it everywhere, in lower-case hex: of uploaded files and reports (which a reader checks
 * against the report), and of high-entropy secrets (API tokens, recovery codes), which is all that is stored of them.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of the content, as bytes. */
    public static byte[] bytes(byte[] content) {
        return newDigest().digest(content);
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    public static String hex(String secret) {
        return hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
