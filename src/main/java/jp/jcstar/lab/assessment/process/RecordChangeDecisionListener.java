package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGE_DECISION_REASON;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGE_NOTICE_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DECISION_APP;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DECISION_CLOUD;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DECISION_DEVICE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DELTA_NEEDED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of userTask_judgeChange: the engineer's decision per changed component, the items the change
 * touches (ticked in the form), and the route.
 */
@Component
public class RecordChangeDecisionListener implements TaskListener {

    private final ChangeNotices notices;
    private final CurrentUser currentUser;

    public RecordChangeDecisionListener(ChangeNotices notices, CurrentUser currentUser) {
        this.notices = notices;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Submission submission = Submission.of(task);
        Map<ProductComponent, String> decisions = new EnumMap<>(ProductComponent.class);
        submission.find(DECISION_DEVICE).ifPresent(decision -> decisions.put(ProductComponent.DEVICE, decision));
        submission.find(DECISION_APP).ifPresent(decision -> decisions.put(ProductComponent.APP, decision));
        submission.find(DECISION_CLOUD).ifPresent(decision -> decisions.put(ProductComponent.CLOUD, decision));
        // Every tick sent is read, so that one for an item of no changed component is refused, not dropped.
        Set<String> touched = notices.tickableItems().stream()
                .filter(item -> submission.find(ItemVariables.touches(item.id())).orElse(false))
                .map(CheckItem::id).collect(Collectors.toSet());
        boolean retest = !notices.decide(CHANGE_NOTICE_ID.get(task), decisions, touched,
                submission.find(CHANGE_DECISION_REASON).orElse(null), currentUser.of(task)).isEmpty();
        DELTA_NEEDED.set(task, retest);
    }
}
