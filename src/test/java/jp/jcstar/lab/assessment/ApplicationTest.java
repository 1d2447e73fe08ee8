package jp.jcstar.lab.assessment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jp.jcstar.lab.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    @Test
    void everyProblemOfAnApplicationIsNamedAsTheFormShowsItAndAsTheApiCallsIt() {
        assertThatThrownBy(() -> Application.of(null, "スマートロック X1", "SL-X1", new Versions(null, null, null), "STAR-5",
                List.of("DEVICE", "FRIDGE")))
                .isInstanceOf(InvalidInputException.class)
                // All the Japanese first, then all the English.
                .hasMessageStartingWith("申請は受け付けられませんでした。次の点を直して、もう一度申請してください。 対象レベル（starLevel）: "
                        + "STAR-1, STAR-2, STAR-3, STAR-4 のいずれかにしてください（「STAR-5」は選べません）。 評価範囲（scope）: "
                        + "DEVICE, APP, CLOUD のいずれかにしてください（「FRIDGE」は選べません）。")
                .hasMessageContaining("ファームウェアバージョン（firmwareVersion）: DEVICE を評価範囲に含めるときは入力してください。 / "
                        + "Invalid application: Target STAR level (starLevel): must be one of STAR-1, STAR-2, STAR-3, "
                        + "STAR-4, was 'STAR-5'. Scope (scope): must be one of DEVICE, APP, CLOUD, was 'FRIDGE'.")
                .hasMessageEndingWith("Firmware version (firmwareVersion): is required when DEVICE is in scope.");
    }
}
