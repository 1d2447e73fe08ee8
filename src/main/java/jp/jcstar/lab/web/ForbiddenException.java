package jp.jcstar.lab.web;

/** The user is known but may not do this; becomes 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
