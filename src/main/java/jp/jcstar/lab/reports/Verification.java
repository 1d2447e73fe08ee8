package jp.jcstar.lab.reports;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * What an issued PDF carries to be verified: its code, the address of its public verification page with a QR code of
 * it, and the seal (the lab's signature) applied to the rendered file.
 *
 * @param code a random code (60 bits, Crockford base 32, "7KQ2-M9XD-3HPT"): the page of one report cannot be
 *             guessed from another's, as a sequential reference could
 */
public record Verification(String code, String url, BufferedImage qr, UnaryOperator<byte[]> seal) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new random code. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed by a person (any case, O for 0, I and L for 1), or empty when it cannot be one. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** A QR code of the text, 4 pixels a module with the standard quiet zone, black on white. */
    public static BufferedImage qrCode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            int scale = 4;
            BufferedImage image = new BufferedImage(modules.getWidth() * scale, modules.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, modules.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for " + text, e);
        }
    }
}
