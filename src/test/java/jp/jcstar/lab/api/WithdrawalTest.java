package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manufacturer withdraws its application before testing; a lab manager cancels an assessment with a reason. */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class WithdrawalTest {

    static final String LAB_MANAGER = "boss1";

    @LocalServerPort int port;
    @Autowired AssessmentRepository assessments;
    @Autowired CatalogRepository catalogs;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (api.tokenOf(LAB_MANAGER) == null) {
            api.registerStaff(LAB_MANAGER, "lab-manager");
            api.loginForToken(LAB_MANAGER, LabApi.PASSWORD);
        }
    }

    @Test
    void theManufacturerWithdrawsBeforeTestingAndNothingRunsOn(CapturedOutput output) {
        long id = apply();
        assertThat(api.post("/api/assessments/" + id + "/withdraw", ENGINEER, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/assessments/" + id + "/withdraw", MANUFACTURER,
                Map.of("reason", "製品の発売を延期 / launch postponed")).status()).isEqualTo(204);

        Assessment withdrawn = assessments.get(id);
        assertThat(withdrawn.status()).isEqualTo(AssessmentStatus.WITHDRAWN);
        assertThat(withdrawn.endReason()).isEqualTo("製品の発売を延期 / launch postponed");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(withdrawn.processInstanceId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(withdrawn.processInstanceId())
                .singleResult().getDeleteReason()).contains("WITHDRAWN by maker");
        assertThat(api.activeSteps(id, MANUFACTURER)).isEmpty();
        assertThat(output.getAll()).contains("decision=\"WITHDRAWN\"");

        // Ended is ended: no second withdrawal, no cancellation, no more documents.
        assertThat(api.post("/api/assessments/" + id + "/withdraw", MANUFACTURER, Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/api/assessments/" + id + "/cancel", LAB_MANAGER, Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(api.upload(id, MANUFACTURER, "DOC-01", "late.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes()).status()).isEqualTo(409);
    }

    @Test
    void onceTestingHasStartedOnlyALabManagerMayCancelAndMustSayWhy() {
        long id = apply();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalogs.current().itemsOf(Step.DOCUMENTATION)).variables());
        assertThat(api.activeSteps(id, ENGINEER)).containsExactly(USER_TASK_TEST_CLOUD);

        LabApi.Reply late = api.post("/api/assessments/" + id + "/withdraw", MANUFACTURER, Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("testing has started", "ask the lab to cancel");
        assertThat(api.post("/api/assessments/" + id + "/cancel", ENGINEER, Map.of("reason", "x")).status()).isEqualTo(403);
        LabApi.Reply noReason = api.post("/api/assessments/" + id + "/cancel", LAB_MANAGER, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asText()).contains("取り消す理由を書いてください。", "Reason: say why");
        assertThat(assessments.get(id).status()).isEqualTo(AssessmentStatus.IN_PROGRESS);

        assertThat(api.post("/api/assessments/" + id + "/cancel", LAB_MANAGER,
                Map.of("reason", "試験機材が届かない / no samples received")).status()).isEqualTo(204);
        assertThat(assessments.get(id).status()).isEqualTo(AssessmentStatus.CANCELLED);
        assertThat(api.activeSteps(id, ENGINEER)).isEmpty();
    }

    @Test
    void anotherCompanysUserCannotWithdrawIt() {
        long id = apply();
        api.registerCompany("withdraw-rival", "撤回ライバル株式会社");
        api.registerManufacturerUser("withdraw-rival", "wrival");
        assertThat(api.post("/api/assessments/" + id + "/withdraw", "wrival", Map.of()).status()).isEqualTo(404);
        assertThat(assessments.get(id).status()).isEqualTo(AssessmentStatus.IN_PROGRESS);
    }

    private long apply() {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", "撤回試験プラグ",
                "modelNumbers", "W-1", "cloudVersion", "1", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }
}
