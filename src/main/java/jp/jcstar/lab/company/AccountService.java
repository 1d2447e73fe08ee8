package jp.jcstar.lab.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.security.AsApp;
import jp.jcstar.lab.security.PasswordRules;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers manufacturer companies (each a Camunda tenant that the lab's staff groups belong to), their users, and
 * the lab's staff. The caller's right to register was checked by the controller; the identity changes themselves
 * are the app's, made without the caller's engine authorizations.
 */
@Service
@Transactional
public class AccountService {

    /** Company ids become tenant ids: lower-case words joined by hyphens. */
    static final Pattern COMPANY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    /** The roles lab staff are registered with, and the group each stands for. */
    public enum StaffRole {
        ENGINEER(Roles.ENGINEERS), REVIEWER(Roles.REVIEWERS), LAB_MANAGER(Roles.LAB_MANAGERS),
        PROCESS_ADMIN(Roles.ADMINS);

        private final String group;

        StaffRole(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }

        public static StaffRole parse(String value) {
            return EnumValues.parse(StaffRole.class, "role", value, StaffRole::label);
        }
    }

    /** A person to register; the password is checked against the policy and stored hashed by the engine. */
    public record Person(String id, String firstName, String lastName, String email, String password) {
    }

    private final IdentityService identityService;
    private final CompanyRepository companies;
    private final LabClock clock;
    private final SecurityAudit audit;
    private final SecondFactorService secondFactor;
    private final PasswordChangeRequirement passwordChange;

    public AccountService(IdentityService identityService, CompanyRepository companies, LabClock clock,
                          SecurityAudit audit, SecondFactorService secondFactor,
                          PasswordChangeRequirement passwordChange) {
        this.identityService = identityService;
        this.companies = companies;
        this.clock = clock;
        this.audit = audit;
        this.secondFactor = secondFactor;
        this.passwordChange = passwordChange;
    }

    public ManufacturerCompany registerCompany(String id, String name, String registeredBy) {
        List<String> problems = new ArrayList<>();
        if (id == null || !COMPANY_ID.matcher(id).matches() || id.length() > 64) {
            problems.add("id: lower-case letters and digits joined by hyphens, at most 64 characters (e.g. sample-denki)");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add("name: required, at most 200 characters");
        }
        refuse(problems);
        if (companies.find(id).isPresent()) {
            throw new ConflictException("Manufacturer " + id + " is already registered");
        }
        ManufacturerCompany company = new ManufacturerCompany(id, name.strip(), registeredBy, clock.now());
        companies.insert(company);
        asApp(() -> {
            Tenant tenant = identityService.newTenant(id);
            tenant.setName(company.name());
            identityService.saveTenant(tenant);
            Roles.LAB_STAFF.forEach(group -> identityService.createTenantGroupMembership(id, group));
            return null;
        });
        log.info("Manufacturer {} ({}) registered by {}", id, company.name(), registeredBy);
        return company;
    }

    public List<ManufacturerCompany> companies() {
        return companies.list();
    }

    public void registerManufacturerUser(String companyId, Person person, String registeredBy) {
        companies.find(companyId).orElseThrow(() -> new NotFoundException("Manufacturer " + companyId + " is not registered"));
        createUser(person, Roles.MANUFACTURERS);
        asApp(() -> {
            identityService.createTenantUserMembership(companyId, person.id());
            return null;
        });
        audit.record(SecurityAudit.Event.ACCOUNT_REGISTERED, registeredBy, null,
                Map.of("account", person.id(), "manufacturer", companyId));
    }

    public void registerStaff(Person person, StaffRole role, String registeredBy) {
        createUser(person, role.group());
        audit.record(SecurityAudit.Event.ACCOUNT_REGISTERED, registeredBy, null,
                Map.of("account", person.id(), "role", role.label()));
    }

    /** Lifts the lock after too many failed logins or wrong second-factor codes. */
    public void unlock(String userId, String unlockedBy) {
        asApp(() -> {
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                throw new NotFoundException("User " + userId + " does not exist");
            }
            identityService.unlockUser(userId);
            return null;
        });
        secondFactor.unlock(userId);
        audit.record(SecurityAudit.Event.ACCOUNT_UNLOCKED, unlockedBy, null, Map.of("account", userId));
    }

    private void createUser(Person person, String group) {
        List<String> problems = new ArrayList<>();
        if (person.id() == null || !USER_ID.matcher(person.id()).matches() || person.id().length() > 64) {
            problems.add("id: letters and digits, joined by '.', '_' or '-', at most 64 characters");
        }
        if (person.email() != null && !person.email().isBlank() && !person.email().matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("email: not an e-mail address");
        }
        PasswordRules.problems(person.password()).forEach(problem -> problems.add("password: " + problem));
        refuse(problems);
        asApp(() -> {
            if (identityService.createUserQuery().userId(person.id()).count() > 0) {
                throw new ConflictException("User " + person.id() + " already exists");
            }
            User user = identityService.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(person.password());
            identityService.saveUser(user);
            identityService.createMembership(person.id(), group);
            return null;
        });
        // The registrar chose this password: the owner replaces it at the first login.
        passwordChange.require(person.id());
    }

    private <T> T asApp(Supplier<T> change) {
        return AsApp.run(identityService, change);
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("; ", problems));
        }
    }
}
