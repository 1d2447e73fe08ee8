package jp.jcstar.lab.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks with the caller's groups as they are. The engine's own manager first asks the
 * database which groups have any authorization at all, once in every command that checks one, and leaves the
 * others out of the check: a statement in every task completion, task list and page of Tasklist, to shorten a list
 * that here holds a person's one to three groups. A group without authorizations matches no row of the check, so
 * leaving it in answers the same; nothing is kept between commands, so a grant to a group counts from the next
 * command on every node, as before.
 */
public class CallersGroupsAsTheyAre extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return EMPTY_LIST;
        }
        // A mutable list, as the engine's: MyBatis reads it through reflection.
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull).toList()));
    }

    /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
    public static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new CallersGroupsAsTheyAre();
        }
    }
}
