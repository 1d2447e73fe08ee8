package jp.jcstar.lab.problem;

/** The thing a request names does not exist (or is no longer open); becomes 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
