package jp.jcstar.lab.api;

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

    private LabUsers() {
    }

    static LabApi on(int port) {
        LabApi api = new LabApi(port);
        if (initializedPorts.add(port)) {
            api.registerCompany(COMPANY, "株式会社サンプル電機");
            api.registerManufacturerUser(COMPANY, MANUFACTURER);
            api.registerStaff(ENGINEER, "engineer");
            api.registerStaff(REVIEWER, "reviewer");
        }
        return api;
    }
}
