package jp.jcstar.lab.web;


import jp.jcstar.lab.problem.PayloadTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import jakarta.servlet.RequestDispatcher;
import jp.jcstar.lab.Bilingual;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over the multipart limit (one streamed without a declared length; UploadSizeFilter refuses the others
 * before they are read) is refused while the request is read, before a controller is chosen, so this advice applies
 * to every request rather than to the app's controllers only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadTooLargeHandler {


    private final DataSize maxUploadSize;

    public UploadTooLargeHandler(@Value("${jcstar.documents.max-file-size:50MB}") DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, PayloadTooLargeException.refusal(null, maxUploadSize).toString()));
    }

    /** A multipart body the container cannot parse (cut off, a NUL in a file name): the client's error, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException exception, HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            // The error page of a multipart request that was already answered (a 403, say): keep that answer.
            return ResponseEntity.status(status).body(ProblemDetail.forStatus(status));
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Bilingual why = root instanceof InvalidFileNameException
                ? Bilingual.of("ファイル名に制御文字（NULなど）が含まれています。名前を変えてからアップロードしてください。",
                        "a file name contains control characters (such as NUL); rename the file.")
                : Bilingual.of("送信が途中で切れたか、形式が正しくありません。もう一度ファイルを送ってください。",
                        "the multipart/form-data body is malformed or incomplete; send the file again.");
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                why.after(Bilingual.of("アップロードを読み取れませんでした。", "The upload could not be read:")).toString()));
    }
}
