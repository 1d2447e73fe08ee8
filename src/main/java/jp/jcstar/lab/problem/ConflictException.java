package jp.jcstar.lab.problem;

/** The request is valid but the assessment is not in a state that allows it; becomes 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
