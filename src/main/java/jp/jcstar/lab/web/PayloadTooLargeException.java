package jp.jcstar.lab.web;

/** An upload larger than the configured limit; becomes 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
