package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGED_APP;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGED_CLOUD;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGED_DEVICE;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGE_NOTICE_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.CHANGE_SUMMARY;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.MANUFACTURER_ID;

import java.util.HashMap;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import jp.jcstar.lab.engine.Markdown;
import jp.jcstar.lab.security.AsApp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Starts the change notice process for a filed notice: the engineers' task to judge it. */
@Component
public class ChangeNoticeProcess {

    public static final String PROCESS_KEY = "process_jcstarChangeNotice";

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ChangeNotices notices;

    public ChangeNoticeProcess(@Lazy RuntimeService runtimeService, @Lazy IdentityService identityService,
                               ChangeNotices notices) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.notices = notices;
    }

    /** As the app: the manufacturer files, the lab's engineers judge; the notice is its company's (tenant). */
    public void start(ChangeNotice notice, Assessment certified) {
        Map<String, Object> variables = new HashMap<>();
        CHANGE_NOTICE_ID.putInto(variables, notice.id());
        ASSESSMENT_ID.putInto(variables, certified.id());
        MANUFACTURER_ID.putInto(variables, certified.companyId());
        CHANGED_DEVICE.putInto(variables, notice.components().contains(ProductComponent.DEVICE));
        CHANGED_APP.putInto(variables, notice.components().contains(ProductComponent.APP));
        CHANGED_CLOUD.putInto(variables, notice.components().contains(ProductComponent.CLOUD));
        CHANGE_SUMMARY.putInto(variables, summary(notice, certified, notices.currentVersions(certified)));
        String processInstanceId = AsApp.run(identityService, () -> runtimeService
                .startProcessInstanceByKey(PROCESS_KEY, certified.reference(), variables).getProcessInstanceId());
        notices.attach(notice.id(), processInstanceId);
    }

    private static String summary(ChangeNotice notice, Assessment certified, Versions current) {
        StringBuilder text = new StringBuilder("### ").append(Markdown.text(certified.reference())).append(' ')
                .append(Markdown.text(certified.product().name())).append(" (")
                .append(Markdown.text(certified.product().manufacturer())).append(")\n\n");
        for (ProductComponent component : notice.components()) {
            String before = version(current, component);
            String after = notice.versions().of(component);
            text.append("- **").append(Wording.component(component)).append("**: ").append(Markdown.text(before))
                    .append(" → ").append(Markdown.text(after)).append('\n');
        }
        return text.append("\n**変更内容 / What changed**: ").append(Markdown.block(notice.description())).append('\n')
                .toString();
    }

    private static String version(Versions versions, ProductComponent component) {
        String version = versions.of(component);
        return version == null || version.isBlank() ? "—" : version;
    }
}
