package jp.jcstar.lab.problem;

import jp.jcstar.lab.Bilingual;
import org.camunda.bpm.engine.AuthorizationException;

/** The user is known but may not do this; becomes 403, also from Camunda's own REST APIs. */
public class ForbiddenException extends AuthorizationException {

    public ForbiddenException(String message) {
        super(message);
    }

    /** A refusal for people: what is wrong and what to do, in Japanese and English. */
    public ForbiddenException(Bilingual message) {
        super(message.toString());
    }
}
