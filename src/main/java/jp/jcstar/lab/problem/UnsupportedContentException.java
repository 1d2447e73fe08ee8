package jp.jcstar.lab.problem;

/** Uploaded content of a type that is not allowed, or not the type it claims to be; becomes 415. */
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
