package jp.jcstar.lab.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.jcstar.lab.WebAppTest;

/**
 * The people of the web tests, created once per Spring context (the context, and its database, is shared by every
 * {@link WebAppTest} class).
 */
final class LabUsers {

    static final String MANUFACTURER = "maker";
    static final String ENGINEER = "eng1";
    static final String REVIEWER = "rev1";
    static final String COMPANY = "sample-denki";

    private static final Set<Integer> initializedPorts = ConcurrentHashMap.newKeySet();
    /** One client per server: it holds the users' API tokens. */
    private static final Map<Integer, LabApi> clients = new ConcurrentHashMap<>();

    private LabUsers() {
    }

    /** The user of another company (CompanyIsolationTest.RIVAL), registered once per context. */
    static void rival(LabApi api) {
        if (absent(api, CompanyIsolationTest.RIVAL)) {
            api.registerCompany(CompanyIsolationTest.RIVAL_COMPANY, "ライバル工業株式会社");
            api.registerManufacturerUser(CompanyIsolationTest.RIVAL_COMPANY, CompanyIsolationTest.RIVAL);
        }
    }

    /** A member of the lab's staff in a role (lab-manager, process-admin, …), registered and logged in once. */
    static void staff(LabApi api, String userId, String role) {
        if (absent(api, userId)) {
            api.registerStaff(userId, role);
            api.loginForToken(userId, LabApi.PASSWORD);
        }
    }

    private static boolean absent(LabApi api, String userId) {
        return api.get("/engine-rest/user/" + userId + "/profile", "admin", WebAppTest.ADMIN_PASSWORD).status() == 404;
    }

    static LabApi on(int port) {
        LabApi api = clients.computeIfAbsent(port, LabApi::new);
        if (initializedPorts.add(port)) {
            api.loginForToken("admin", WebAppTest.ADMIN_PASSWORD);
            api.registerCompany(COMPANY, "株式会社サンプル電機");
            api.registerManufacturerUser(COMPANY, MANUFACTURER);
            api.registerStaff(ENGINEER, "engineer");
            api.registerStaff(REVIEWER, "reviewer");
            api.loginForToken(ENGINEER, LabApi.PASSWORD);
            api.loginForToken(REVIEWER, LabApi.PASSWORD);
        }
        return api;
    }
}
