package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.List;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.application.RegisterApplication;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.engine.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * serviceTask_registerApplication: stores the validated application; the business key becomes its reference and the
 * manufacturer's documents are due after the lab's documents period.
 */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final RegisterApplication registration;
    private final CurrentUser currentUser;
    private final DocumentsDueDate documentsDue;

    public RegisterApplicationDelegate(AssessmentRecords assessments, RegisterApplication registration, CurrentUser currentUser,
                                       DocumentsDueDate documentsDue) {
        this.assessments = assessments;
        this.registration = registration;
        this.currentUser = currentUser;
        this.documentsDue = documentsDue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Application application = application(execution);
        Assessment assessment = registration.register(application, execution.getTenantId(),
                currentUser.starter(execution, APPLICANT), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(assessment.reference());
        ASSESSMENT_ID.set(execution, assessment.id());
        RETEST_LIMIT.set(execution, assessment.retestLimit());
        // The manufacturer supplies the seven documents first (userTask_supplyDocuments).
        documentsDue.setFromNow(execution);
        // An unticked checkbox leaves no variable; the scope gateway's conditions need all three.
        SCOPE_DEVICE.set(execution, application.covers(ProductComponent.DEVICE));
        SCOPE_APP.set(execution, application.covers(ProductComponent.APP));
        SCOPE_CLOUD.set(execution, application.covers(ProductComponent.CLOUD));
        // The application is the assessment's row now (the data of record; the lists show reference and product).
        // Removed in the command that set them, they are never written: no insert now, no delete at the end. The
        // versions stay: the rectification form starts from the versions under test.
        List.of(PRODUCT_NAME, MODEL_NUMBERS, STAR_LEVEL).forEach(variable -> variable.remove(execution));
    }
}
