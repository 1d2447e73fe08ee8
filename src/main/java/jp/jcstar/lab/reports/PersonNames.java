package jp.jcstar.lab.reports;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.security.AsApp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * People as a report names them: family name, given name and their account ("山田 太郎 (eng1)"), read as the app
 * (whoever renders the report need not read the lab's user list). An account that no longer exists keeps its id.
 */
@Component
public class PersonNames {

    private final IdentityService identityService;

    /** Lazy: the renderer's services are built before the engine exists. */
    public PersonNames(@Lazy IdentityService identityService) {
        this.identityService = identityService;
    }

    public String of(String userId) {
        if (userId == null) {
            return "-";
        }
        User user = AsApp.run(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = Stream.of(user.getLastName(), user.getFirstName()).filter(Objects::nonNull).map(String::strip)
                .filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }
}
