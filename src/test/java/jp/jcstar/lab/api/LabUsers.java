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
