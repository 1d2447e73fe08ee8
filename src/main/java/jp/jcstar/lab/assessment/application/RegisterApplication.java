package jp.jcstar.lab.assessment.application;

import java.time.OffsetDateTime;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.company.CompanyRepository;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Step 0: an application becomes an assessment on the current catalog, with round 1 open on the applied versions. */
@Service
@Transactional
public class RegisterApplication {

    private final AssessmentRepository assessments;
    private final TestRoundRepository rounds;
    private final CatalogRepository catalogs;
    private final CompanyRepository companies;
    private final DecisionLog decisions;
    private final LabClock clock;
    private final LabProperties lab;
    private final AssessmentMails mails;

    public RegisterApplication(AssessmentRepository assessments, TestRoundRepository rounds,
                               CatalogRepository catalogs, CompanyRepository companies, DecisionLog decisions,
                               LabClock clock, LabProperties lab, AssessmentMails mails) {
        this.assessments = assessments;
        this.rounds = rounds;
        this.catalogs = catalogs;
        this.companies = companies;
        this.decisions = decisions;
        this.clock = clock;
        this.lab = lab;
        this.mails = mails;
    }

    /**
     * Stores a new assessment on the current catalog and opens round 1 on the applied versions.
     *
     * @param companyId the manufacturer company (its tenant); null only for an assessment the app starts itself
     */
    public Assessment register(Application applied, String companyId, String appliedBy, String processInstanceId) {
        Application application = companyId == null ? applied : applied.registeredAs(companies.find(companyId)
                .orElseThrow(() -> new InvalidInputException(Bilingual.of("登録事業者ID「" + companyId + "」の事業者は"
                        + "登録されていません。試験所が登録した事業者のIDを入力してください。", "Registered company id: "
                        + companyId + " is not a registered company; enter the id of one the lab registered.")))
                .name());
        if (application.product().manufacturer() == null) {
            throw new InvalidInputException(Bilingual.of("申請する事業者の登録事業者IDを入力してください。",
                    "Registered company id: name the registered company the application is for."));
        }
        OffsetDateTime now = clock.now();
        long id = assessments.insert(application, companyId, catalogs.current().version(), lab.retestLimit(),
                appliedBy, processInstanceId, now);
        rounds.open(id, 1, application.versions(), null, now);
        Assessment assessment = assessments.get(id);
        decisions.record(appliedBy, assessment, "APPLIED", Map.of("manufacturer", application.product().manufacturer(),
                "product", application.product().name()));
        mails.applicationReceived(assessment);
        return assessment;
    }
}
