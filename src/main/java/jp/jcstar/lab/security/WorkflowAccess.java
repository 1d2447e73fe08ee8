package jp.jcstar.lab.security;

/**
 * What a workflow sets up in the engine for its groups: permissions, Tasklist filters. Security knows no workflow;
 * each workflow registers its own as beans of this type, and {@link AdminAccountInitializer} applies them in their
 * order at every start, after the groups exist. Applying must be idempotent.
 */
public interface WorkflowAccess {

    void apply();
}
