package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGE_NOTICE_ID;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * serviceTask_startDeltaAssessment: the assessment process on the components to retest, with the notice's new
 * versions (the others as certified), linked to the certified assessment.
 */
@Component
public class StartDeltaAssessmentDelegate implements JavaDelegate {

    private final ChangeNotices notices;
    private final AssessmentRecords assessments;
    private final AssessmentProcess process;

    public StartDeltaAssessmentDelegate(ChangeNotices notices, AssessmentRecords assessments,
                                        @Lazy AssessmentProcess process) {
        this.notices = notices;
        this.assessments = assessments;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeNotice notice = notices.get(CHANGE_NOTICE_ID.get(execution));
        notices.requireNoSuccessor(notice.id());
        Assessment certified = assessments.get(notice.assessmentId());
        // This notice is decided now: the product's versions as they stand include its own.
        Versions versions = notices.currentVersions(certified);
        Application delta = Application.of(null, certified.product().name(), certified.product().modelNumbers(),
                versions, certified.product().starLevel().label(), notice.retest().stream().map(Enum::name).toList());
        notices.deltaStarted(notice.id(), process.start(delta, certified.companyId()).id());
    }
}
