package jp.jcstar.lab.problem;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.DataSizes;
import org.springframework.util.unit.DataSize;

/** An upload larger than the configured limit; becomes 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(Bilingual message) {
        super(message.toString());
    }

    /**
     * The refusal of an upload larger than the limit, named by its file when it is known (the container may refuse
     * the request before any file is read).
     */
    public static Bilingual refusal(String fileName, DataSize limit) {
        String text = DataSizes.text(limit);
        String ja = fileName == null ? "アップロード" : fileName + ": ファイル";
        String en = fileName == null ? "The upload" : fileName;
        return Bilingual.of(ja + "が上限の " + text + " を超えています。" + text + " 以下に分割するか圧縮（ZIP）してから、"
                + "アップロードし直してください。", en + " is larger than the limit of " + text + ". Split it or compress it "
                + "(ZIP) below " + text + ", then upload again.");
    }
}
