package jp.jcstar.lab.problem;

/**
 * A stored file no longer has the SHA-256 (or size) recorded when it was uploaded: it is reported, never served.
 * Becomes 500 with the detail, since the fault is in the lab's storage, not in the request.
 */
public class IntegrityException extends RuntimeException {

    public IntegrityException(String message) {
        super(message);
    }
}
