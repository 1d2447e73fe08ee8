package jp.jcstar.lab.company;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.problem.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lab managers and administrators register manufacturers, their users and the lab's staff. */
@RestController
@RequestMapping("/api")
public class AccountController {

    static final List<String> REGISTRARS = List.of(Roles.LAB_MANAGERS, Roles.ADMINS);

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    public record CompanyRequest(String id, String name) {
    }

    public record PersonRequest(String id, String firstName, String lastName, String email, String password,
                                String role) {
        AccountService.Person person() {
            return new AccountService.Person(id, firstName, lastName, email, password);
        }
    }

    @PostMapping("/manufacturers")
    public ResponseEntity<ManufacturerCompany> registerCompany(@RequestBody CompanyRequest request, Authentication user) {
        LabUser registrar = registrar(user);
        ManufacturerCompany company = accounts.registerCompany(request.id(), request.name(), registrar.id());
        return ResponseEntity.created(URI.create("/api/manufacturers/" + company.id())).body(company);
    }

    @GetMapping("/manufacturers")
    public List<ManufacturerCompany> companies(Authentication user) {
        LabUser caller = LabUser.of(user);
        if (!caller.isInAny(Roles.LAB_STAFF) && !caller.groups().contains(Roles.ADMINS)) {
            throw new ForbiddenException("The list of manufacturers is for lab staff");
        }
        return accounts.companies();
    }

    @PostMapping("/manufacturers/{companyId}/users")
    public ResponseEntity<Map<String, String>> registerManufacturerUser(@PathVariable String companyId,
                                                                        @RequestBody PersonRequest request,
                                                                        Authentication user) {
        accounts.registerManufacturerUser(companyId, request.person(), registrar(user).id());
        return ResponseEntity.status(201).body(Map.of("id", request.id(), "manufacturer", companyId));
    }

    /** Body: id, firstName, lastName, email, password and role (engineer, reviewer, lab-manager, process-admin). */
    @PostMapping("/staff")
    public ResponseEntity<Map<String, String>> registerStaff(@RequestBody PersonRequest request, Authentication user) {
        LabUser registrar = registrar(user);
        AccountService.StaffRole role = AccountService.StaffRole.parse(request.role());
        if (role == AccountService.StaffRole.PROCESS_ADMIN && !registrar.groups().contains(Roles.ADMINS)) {
            throw new ForbiddenException("Only administrators register process administrators");
        }
        accounts.registerStaff(request.person(), role, registrar.id());
        return ResponseEntity.status(201).body(Map.of("id", request.id(), "role", role.label()));
    }

    /** After too many failed logins the engine locks an account until a lab manager or administrator unlocks it. */
    @PostMapping("/users/{userId}/unlock")
    public ResponseEntity<Void> unlock(@PathVariable String userId, Authentication user) {
        accounts.unlock(userId, registrar(user).id());
        return ResponseEntity.noContent().build();
    }

    private static LabUser registrar(Authentication user) {
        LabUser registrar = LabUser.of(user);
        if (!registrar.isInAny(REGISTRARS)) {
            throw new ForbiddenException("Only lab managers and administrators register manufacturers and staff");
        }
        return registrar;
    }
}
