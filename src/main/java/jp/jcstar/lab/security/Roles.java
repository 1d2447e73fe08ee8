package jp.jcstar.lab.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups the process's candidate groups and the app's checks refer to. */
public final class Roles {

    public static final String MANUFACTURERS = "manufacturers";
    public static final String ENGINEERS = "engineers";
    public static final String REVIEWERS = "reviewers";
    public static final String LAB_MANAGERS = "lab-managers";
    /** Camunda's administrators group: Cockpit, Admin, deployments. */
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;

    public static final List<String> WORKFLOW_GROUPS = List.of(MANUFACTURERS, ENGINEERS, REVIEWERS, LAB_MANAGERS);
    /** The lab's own people: members of every company's tenant, they follow every assessment. */
    public static final List<String> LAB_STAFF = List.of(ENGINEERS, REVIEWERS, LAB_MANAGERS);

    private Roles() {
    }
}
