package jp.jcstar.lab.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.jcstar.lab.security.SecurityAudit;
import org.springframework.stereotype.Component;

/** Every decision of a person in the process goes to the audit trail (reasons and observations stay in the tables). */
@Component
public class DecisionLog {

    private final SecurityAudit audit;

    public DecisionLog(SecurityAudit audit) {
        this.audit = audit;
    }

    public void record(String user, Assessment assessment, String decision, Map<String, ?> details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("assessment", assessment.reference());
        fields.put("decision", decision);
        fields.putAll(details);
        audit.record(SecurityAudit.Event.WORKFLOW_DECISION, user, null, fields);
    }
}
