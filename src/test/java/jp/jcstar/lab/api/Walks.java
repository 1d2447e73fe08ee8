package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.Step;

/** Whole assessments walked through the REST API, as the web tests need them. */
final class Walks {

    private Walks() {
    }

    /**
     * A device-and-cloud product whose cloud fails CLD-04 in round 1 (an issue list), fixed and approved in round 2;
     * returns its id once the final report is issued.
     */
    static long completedAfterOneRectification(LabApi api, Catalog catalog, String product, String level,
                                               String finding) {
        LabApi.Reply applied = api.post("/api/assessments", MANUFACTURER, Map.of("productName", product,
                "modelNumbers", "G-7", "firmwareVersion", "7.0", "cloudVersion", "2026.1", "starLevel", level,
                "scope", List.of("DEVICE", "CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        api.supplyDocuments(id, MANUFACTURER);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER,
                Verdicts.allPass(catalog.itemsOf(Step.DOCUMENTATION)).variables());
        api.receiveSamples(id, ENGINEER, "7.0");
        api.complete(id, USER_TASK_TEST_DEVICE, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.DEVICE)).variables());
        api.complete(id, USER_TASK_TEST_CLOUD, ENGINEER, Verdicts.allPass(catalog.itemsOf(Step.CLOUD))
                .fail("CLD-04", finding).variables());
        api.awaitAssessment(id, ENGINEER, a -> a.path("activeSteps").findValuesAsText("step")
                .contains(USER_TASK_SUBMIT_RECTIFICATION));
        api.complete(id, USER_TASK_SUBMIT_RECTIFICATION, MANUFACTURER, Verdicts.none()
                .with(AssessmentVariables.CLOUD_VERSION.name(), "2026.2")
                .with(ItemVariables.response("CLD-04").name(), "HTTPS のみに変更 / HTTPS only").variables());
        api.complete(id, USER_TASK_RETEST_ITEMS, ENGINEER, Verdicts.none().pass("CLD-04").variables());
        api.complete(id, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());
        api.awaitAssessment(id, ENGINEER, a -> a.path("status").asText().equals("COMPLETED"));
        return id;
    }
}
