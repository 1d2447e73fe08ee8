package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.Component;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** serviceTask_registerApplication: stores the validated application; the business key becomes its reference. */
@org.springframework.stereotype.Component
public class RegisterApplicationDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public RegisterApplicationDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Application application = application(execution);
        Assessment assessment = assessments.register(application, execution.getTenantId(),
                APPLICANT.find(execution).orElse(null), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(assessment.reference());
        ASSESSMENT_ID.set(execution, assessment.id());
        RETEST_LIMIT.set(execution, assessment.retestLimit());
        // An unticked checkbox leaves no variable; the scope gateway's conditions need all three.
        SCOPE_DEVICE.set(execution, application.covers(Component.DEVICE));
        SCOPE_APP.set(execution, application.covers(Component.APP));
        SCOPE_CLOUD.set(execution, application.covers(Component.CLOUD));
    }
}
