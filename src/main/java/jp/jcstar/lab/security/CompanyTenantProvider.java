package jp.jcstar.lab.security;

import java.util.List;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Puts every new assessment in its manufacturer company's tenant, so the engine itself keeps it from other companies.
 * A manufacturer's user applies for its own company (its one tenant); lab staff applying on a company's behalf name
 * it in the variable manufacturerId. A manufacturer naming another company is refused.
 */
public class CompanyTenantProvider implements TenantIdProvider {

    /** The start variable in which lab staff name the company; a workflow declares its variable with this name. */
    public static final String COMPANY_VARIABLE = "manufacturerId";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        Object named = context.getVariables().get(COMPANY_VARIABLE);
        Authentication authentication = Context.getCommandContext().getAuthentication();
        List<String> tenants = authentication == null || authentication.getTenantIds() == null
                ? List.of() : authentication.getTenantIds();
        boolean labStaff = authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().stream()
                .anyMatch(group -> Roles.LAB_STAFF.contains(group) || Roles.ADMINS.equals(group));
        if (named != null && !named.toString().isBlank()) {
            // The app itself (no authentication: its jobs) names the company of what it starts.
            if (authentication != null && !labStaff && !tenants.contains(named.toString())) {
                throw new ForbiddenException(Bilingual.of("申請できるのは自社の評価だけです。登録事業者IDは空のままにして"
                        + "ください。", "Registered company id: you may apply only for your own company; leave it empty."));
            }
            return named.toString();
        }
        if (tenants.size() == 1 && !labStaff) {
            return tenants.get(0);
        }
        if (authentication == null) {
            return null; // the app itself (tests, migrations) decides
        }
        throw new InvalidInputException(labStaff
                ? Bilingual.of("試験所の職員が代理で申請するときは、製造事業者の登録事業者IDを入力してください。",
                        "Registered company id: lab staff applying on a manufacturer's behalf must name its company.")
                : Bilingual.of("あなたは製造事業者に登録されていません。試験所に登録を依頼してください。",
                        "You are not registered with a manufacturer company; ask the lab to register you."));
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return null;
    }
}
