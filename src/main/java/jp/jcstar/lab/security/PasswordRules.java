package jp.jcstar.lab.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.nulabinc.zxcvbn.StandardDictionaries;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * The password policy of JC-STAR CLD-01 as NIST SP 800-63B puts it: 12 to 128 characters, not one of the commonly
 * used passwords, no composition rules. The engine applies it to every password it stores (Admin, /engine-rest, the
 * app's registration); {@link #problems(String)} says in words what is wrong before the engine refuses.
 */
public class PasswordRules implements PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = loadCommonPasswords();

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(rule("PASSWORD_POLICY_LENGTH", Map.of("minLength", String.valueOf(MIN_LENGTH)),
                        password -> password.codePointCount(0, password.length()) >= MIN_LENGTH),
                rule("PASSWORD_POLICY_MAX_LENGTH", Map.of("maxLength", String.valueOf(MAX_LENGTH)),
                        password -> password.codePointCount(0, password.length()) <= MAX_LENGTH),
                rule("PASSWORD_POLICY_COMMON", Map.of(), password -> !isCommon(password)));
    }

    /** What can be wrong with a password: a code for pages that say it in both languages, and the API's words. */
    public enum Problem {
        TOO_SHORT("too-short", "a password needs at least " + MIN_LENGTH + " characters"),
        TOO_LONG("too-long", "a password has at most " + MAX_LENGTH + " characters"),
        COMMON("common", "this password is on the list of commonly used passwords");

        private final String code;
        private final String words;

        Problem(String code, String words) {
            this.code = code;
            this.words = words;
        }

        public String code() {
            return code;
        }

        public String words() {
            return words;
        }
    }

    /** What is wrong with a password; empty when it is acceptable. */
    public static Optional<Problem> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        return isCommon(password) ? Optional.of(Problem.COMMON) : Optional.empty();
    }

    /** What is wrong with a password, in words; empty when it is acceptable. */
    public static List<String> problems(String password) {
        return problem(password).map(Problem::words).stream().toList();
    }

    private static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadCommonPasswords() {
        try {
            return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords cannot be read", e);
        }
    }

    private static PasswordPolicyRule rule(String placeholder, Map<String, String> parameters,
                                           Predicate<String> check) {
        return new PasswordPolicyRule() {
            @Override
            public String getPlaceholder() {
                return placeholder;
            }

            @Override
            public Map<String, String> getParameters() {
                return parameters;
            }

            @Override
            public boolean execute(String password) {
                return password != null && check.test(password);
            }
        };
    }
}
