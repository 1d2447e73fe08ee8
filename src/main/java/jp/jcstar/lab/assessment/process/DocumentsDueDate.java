package jp.jcstar.lab.assessment.process;

import java.util.Date;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When the manufacturer's documents are due (userTask_supplyDocuments and its escalation timer): the lab's documents
 * period from now. Set after the application and again whenever the review asks for more.
 */
@Component
public class DocumentsDueDate {

    private final LabClock clock;
    private final LabProperties lab;

    public DocumentsDueDate(LabClock clock, LabProperties lab) {
        this.clock = clock;
        this.lab = lab;
    }

    public void setFromNow(VariableScope scope) {
        AssessmentVariables.DOCUMENTS_DUE_DATE.set(scope, Date.from(clock.now().plus(lab.documentsDuePeriod()).toInstant()));
    }
}
