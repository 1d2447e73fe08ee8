package jp.jcstar.lab.web;

/** Input a user sent that the app refuses; becomes 400 with this message, and nothing is changed. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
