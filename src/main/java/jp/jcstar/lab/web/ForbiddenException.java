package jp.jcstar.lab.web;

import org.camunda.bpm.engine.AuthorizationException;

/** The user is known but may not do this; becomes 403, also from Camunda's own REST APIs. */
public class ForbiddenException extends AuthorizationException {

    public ForbiddenException(String message) {
        super(message);
    }
}
