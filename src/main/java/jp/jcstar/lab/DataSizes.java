package jp.jcstar.lab;

import org.springframework.util.unit.DataSize;

/** A size as people write it in messages: "50 MB", "64 KB", "1 GB", else bytes. */
public final class DataSizes {

    private DataSizes() {
    }

    public static String text(DataSize size) {
        long bytes = size.toBytes();
        String[] units = {"GB", "MB", "KB"};
        long[] factors = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= factors[i] && bytes % factors[i] == 0) {
                return bytes / factors[i] + " " + units[i];
            }
        }
        return bytes + " bytes";
    }
}
