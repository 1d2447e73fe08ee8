package jp.jcstar.lab.engine;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting on a task: the user the engine's caller authenticated (Tasklist, /engine-rest, /api), else the
 * task's assignee (an engine call without a user, such as a test that claims the task first).
 */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String of(DelegateTask task) {
        return authenticated().orElse(task.getAssignee());
    }

    /**
     * Who starts a process: the authenticated user, else (the app starting it itself) the initiator variable that
     * the start event sets. A client cannot pass that variable: it is no field of the start form.
     */
    public String starter(DelegateExecution execution, ProcessVariable<String> initiator) {
        return authenticated().orElseGet(() -> initiator.find(execution).orElse(null));
    }

    private Optional<String> authenticated() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
    }
}
