package jp.jcstar.lab.security.token;

import java.util.List;

import jp.jcstar.lab.security.SecurityAuditListener;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A logged-in user's own API tokens. Reached with the browser session after the login (and the second factor where
 * one is needed), with the CSRF token: a token cannot be made with an API token or a password alone.
 */
@RestController
@RequestMapping("/api/account/tokens")
public class ApiTokenController {

    private final ApiTokenService tokens;

    public ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public record TokenRequest(String name, Integer validDays) {
    }

    /** The token's secret is in this answer only. */
    @PostMapping
    public ResponseEntity<ApiTokenService.CreatedToken> create(@RequestBody TokenRequest request, Authentication user) {
        return ResponseEntity.status(201).body(tokens.create(user.getName(), request.name(), request.validDays(),
                SecurityAuditListener.from(user)));
    }

    @GetMapping
    public List<ApiTokenService.ApiToken> list(Authentication user) {
        return tokens.list(user.getName());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable long id, Authentication user) {
        tokens.revoke(user.getName(), id, SecurityAuditListener.from(user));
        return ResponseEntity.noContent().build();
    }
}
