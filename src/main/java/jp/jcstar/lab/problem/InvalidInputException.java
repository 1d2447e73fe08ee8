package jp.jcstar.lab.problem;

import jp.jcstar.lab.Bilingual;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user sent that the app refuses; becomes 400 with this message, and nothing is changed. An engine exception
 * Camunda's own REST APIs (/engine-rest, Tasklist's) also answer with 400, when the engine refused it.
 */
public class InvalidInputException extends BadUserRequestException {

    public InvalidInputException(String message) {
        super(message);
    }

    /** A refusal for people: what is wrong and what to do, in Japanese and English. */
    public InvalidInputException(Bilingual message) {
        super(message.toString());
    }
}
