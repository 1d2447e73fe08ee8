package jp.jcstar.lab.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The types of content the lab accepts, each recognised from its first bytes. Plain text has no signature: it is
 * content that decodes as UTF-8 and holds no control characters but tab, line breaks, form feed and escape.
 */
public enum AllowedType {

    PDF("application/pdf", List.of(), List.of("pdf")),
    PNG("image/png", List.of(), List.of("png")),
    JPEG("image/jpeg", List.of("image/jpg", "image/pjpeg"), List.of("jpg", "jpeg")),
    ZIP("application/zip", List.of("application/x-zip-compressed", "application/x-zip"), List.of("zip")),
    PCAP("application/vnd.tcpdump.pcap", List.of("application/x-pcap", "application/pcap", "application/x-pcapng"),
            List.of("pcap", "cap")),
    PCAPNG("application/x-pcapng", List.of("application/vnd.tcpdump.pcap", "application/x-pcap", "application/pcap"),
            List.of("pcapng", "pcap", "cap")),
    TEXT("text/plain", List.of("application/json", "application/xml", "application/x-yaml", "application/yaml"),
            List.of("txt", "log", "csv", "md", "json", "xml", "yaml", "yml", "conf", "cfg", "ini", "pem", "crt"));

    /** How many leading bytes {@link #ofSignature} needs. */
    static final int SIGNATURE_LENGTH = 8;

    private final String mediaType;
    /** Other names clients use for the same content (browsers differ; captures are often declared either way). */
    private final List<String> aliases;
    private final List<String> extensions;

    AllowedType(String mediaType, List<String> aliases, List<String> extensions) {
        this.mediaType = mediaType;
        this.aliases = aliases;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The binary type whose signature the content starts with; empty for anything else (which may be text). */
    static Optional<AllowedType> ofSignature(byte[] head, int length) {
        if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        // A local file header, or the end record of an empty archive.
        if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)) return Optional.of(ZIP);
        // libpcap in either byte order, with microsecond or nanosecond timestamps.
        if (startsWith(head, length, 0xD4, 0xC3, 0xB2, 0xA1) || startsWith(head, length, 0xA1, 0xB2, 0xC3, 0xD4)
                || startsWith(head, length, 0x4D, 0x3C, 0xB2, 0xA1) || startsWith(head, length, 0xA1, 0xB2, 0x3C, 0x4D)) {
            return Optional.of(PCAP);
        }
        // The section header block that every pcapng file starts with.
        if (startsWith(head, length, 0x0A, 0x0D, 0x0D, 0x0A)) return Optional.of(PCAPNG);
        return Optional.empty();
    }

    /** Whether a declared media type (parameters such as charset ignored) names this content. */
    boolean isDeclaredAs(String declared) {
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(mediaType) || aliases.contains(type) || (this == TEXT && type.startsWith("text/"));
    }

    /**
     * Whether a file name's extension fits this content: it is one of this type's usual extensions, or no allowed
     * type's ("report.pdf" holding a PNG does not fit; "capture.dump" holding pcap does).
     */
    boolean fitsExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return extensions.contains(lower) || Arrays.stream(values()).noneMatch(type -> type.extensions.contains(lower));
    }

    /**
     * The name a file of this type is kept under: as given when it ends in one of the type's extensions, else with
     * the first of them added, so that a text file named "run.bat" is saved and opened as "run.bat.txt".
     */
    String withExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        boolean fits = dot > 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        return fits ? fileName : fileName + "." + extensions.get(0);
    }

    static String names() {
        return "PDF, PNG, JPEG, UTF-8 plain text, ZIP, pcap and pcapng";
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
