package jp.jcstar.lab.assessment.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Set;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Product;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.assessment.Versions;
import org.junit.jupiter.api.Test;

class TaskNamesTest {

    @Test
    void aTaskReadsReferenceProductCompanyAndStep() {
        assertThat(TaskNames.name(assessment("スマートロック X1", "株式会社サンプル電機"), "クラウド試験 / Test cloud"))
                .isEqualTo("JCS-2026-00001 スマートロック X1 (株式会社サンプル電機): クラウド試験 / Test cloud");
    }

    @Test
    void longProductAndCompanyAreShortenedSoThatTheNameFitsTheEnginesColumn() {
        String step = "追加ラウンドの判断 / Decide on a further round";
        String name = TaskNames.name(assessment("P".repeat(200), "C".repeat(200)), step);
        assertThat(name).hasSize(TaskNames.MAX_NAME).startsWith("JCS-2026-00001 PPP").endsWith("C…): " + step)
                .contains("P… (CCC");
        assertThat(TaskNames.name(assessment("P".repeat(200), "株式会社サンプル電機"), step))
                .hasSize(TaskNames.MAX_NAME).contains("P… (株式会社サンプル電機): ");
    }

    private static Assessment assessment(String product, String company) {
        return new Assessment(1, "JCS-2026-00001", "pi", "sample-denki", "1",
                new Product(company, product, "SL-X1", StarLevel.STAR_1, Set.of(ProductComponent.DEVICE)),
                new Versions("1.0", null, null), AssessmentStatus.IN_PROGRESS, 1, 3, "maker", OffsetDateTime.now(), null,
                null, null, null);
    }
}
