package jp.jcstar.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.requirements.Requirement;
import org.junit.jupiter.api.Test;

/** How a requirement's result follows from the latest verdicts of its items in the assessment's scope. */
class IpaPackageResultTest {

    private static final Requirement TWO_ITEMS = new Requirement("S1.1-04", "耐性", "Resistance", List.of("5.1-5"),
            List.of("APP-02", "CLD-01"));

    @Test
    void aRequirementPassesOnlyOnItsItems() {
        assertThat(result(new Requirement("S1.1-07", null, null, List.of(), List.of()), List.of(), Map.of()))
                .as("no item: never a pass").isEqualTo(IpaPackage.Result.NOT_COVERED);
        assertThat(result(TWO_ITEMS, List.of(), Map.of())).isEqualTo(IpaPackage.Result.OUT_OF_SCOPE);
        assertThat(result(TWO_ITEMS, List.of("CLD-01"), Map.of())).isEqualTo(IpaPackage.Result.NOT_EVALUATED);
        assertThat(result(TWO_ITEMS, List.of("APP-02", "CLD-01"), Map.of("APP-02", verdict(Verdict.PASS))))
                .as("one item in scope still without a verdict").isEqualTo(IpaPackage.Result.NOT_EVALUATED);
        assertThat(result(TWO_ITEMS, List.of("APP-02", "CLD-01"), Map.of("APP-02", verdict(Verdict.PASS),
                "CLD-01", verdict(Verdict.FAIL)))).isEqualTo(IpaPackage.Result.DOES_NOT_CONFORM);
        assertThat(result(TWO_ITEMS, List.of("APP-02", "CLD-01"), Map.of("APP-02", verdict(Verdict.NA),
                "CLD-01", verdict(Verdict.PASS)))).isEqualTo(IpaPackage.Result.CONFORMS);
        assertThat(result(TWO_ITEMS, List.of("APP-02", "CLD-01"), Map.of("APP-02", verdict(Verdict.NA),
                "CLD-01", verdict(Verdict.NA)))).isEqualTo(IpaPackage.Result.NOT_APPLICABLE);
        assertThat(result(TWO_ITEMS, List.of("CLD-01"), Map.of("CLD-01", verdict(Verdict.PASS))))
                .as("the item outside the scope does not count").isEqualTo(IpaPackage.Result.CONFORMS);
    }

    private static IpaPackage.Result result(Requirement requirement, List<String> covered, Map<String, CheckResult> latest) {
        return IpaPackage.result(requirement, covered, latest);
    }

    private static CheckResult verdict(Verdict verdict) {
        return new CheckResult(1, "X", 1, verdict, null, "eng1", OffsetDateTime.now());
    }
}
