package jp.jcstar.lab.assessment.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.change.ChangeNotice;
import jp.jcstar.lab.assessment.change.ChangeNotices;
import jp.jcstar.lab.assessment.process.ChangeNoticeProcess;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.reports.IssuedReport;
import jp.jcstar.lab.reports.ReportRepository;
import jp.jcstar.lab.security.LabUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A change notice filed from the assessment's page or the API: recorded, and its process started, together. */
@Service
public class ChangeNoticeIntake {

    /** Body of POST /api/assessments/{id}/change-notices (the page's form has the same fields). */
    public record Request(Collection<String> components, String firmwareVersion, String appVersion,
                          String cloudVersion, String description) {
    }

    private final ChangeNotices notices;
    private final ChangeNoticeProcess process;
    private final ReportRepository reports;
    private final LabClock clock;

    public ChangeNoticeIntake(ChangeNotices notices, ChangeNoticeProcess process, ReportRepository reports,
                              LabClock clock) {
        this.notices = notices;
        this.process = process;
        this.reports = reports;
        this.clock = clock;
    }

    /** Whether the assessment's final report stands now: a notice changes a label that is in force, nothing else. */
    @Transactional(readOnly = true)
    public boolean labelInForce(Assessment certified) {
        return reports.issuedFinal(certified.id())
                .filter(report -> report.statusAt(clock.now()) == IssuedReport.Status.VALID).isPresent();
    }

    @Transactional
    public ChangeNotice file(Assessment certified, LabUser user, Request request) {
        if (certified.status() == AssessmentStatus.COMPLETED && !labelInForce(certified)) {
            throw new ConflictException(Bilingual.of(certified.reference() + " の最終評価報告書は有効ではありません（撤回・置き換え・"
                    + "期限切れ）。変更の届出ではなく、新しい評価か更新を申請してください。", "The final report of "
                    + certified.reference() + " does not stand (withdrawn, superseded or expired): apply for a new "
                    + "assessment or a renewal instead of a change notice.").toString());
        }
        Set<ProductComponent> components = EnumSet.noneOf(ProductComponent.class);
        for (String name : request.components() == null ? Set.<String>of() : request.components()) {
            components.add(EnumValues.find(ProductComponent.class, name, Enum::name).orElseThrow(() ->
                    new InvalidInputException(Bilingual.of("構成要素は DEVICE, APP, CLOUD のいずれかです（「" + name
                            + "」は選べません）。", "components: each must be DEVICE, APP or CLOUD, was '" + name + "'."))));
        }
        ChangeNotice notice = notices.file(certified, user, components, new Versions(request.firmwareVersion(),
                request.appVersion(), request.cloudVersion()), request.description());
        process.start(notice, certified);
        return notices.get(notice.id());
    }
}
