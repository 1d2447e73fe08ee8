package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step whose code the tests send ({@link LabApi#codeStep}) is accepted by the server when it checks the code,
 * also when the code was taken in the last second of a step and checked in the first second of the next.
 */
class SecondFactorCodeChoiceTest {

    /** The last second of a 30-second step, and the first of the next. */
    private static final Instant LAST_SECOND = Instant.ofEpochSecond(59_208_029L * 30 + 29);
    private static final Instant NEXT_SECOND = LAST_SECOND.plusSeconds(1);

    @ParameterizedTest(name = "last accepted step {0} before the current one")
    @ValueSource(longs = {1000, 2, 1, 0})
    void aCodeTakenRightBeforeAStepBoundaryIsAcceptedRightAfterIt(long stepsAgo) {
        long now = LabApi.stepAt(LAST_SECOND);
        long lastUsed = now - stepsAgo;

        OptionalLong step = LabApi.codeStep(now, lastUsed);

        assertThat(step).isPresent();
        assertThat(serverAccepts(step.getAsLong(), LAST_SECOND, lastUsed)).as("checked at once").isTrue();
        assertThat(serverAccepts(step.getAsLong(), NEXT_SECOND, lastUsed)).as("checked after the boundary").isTrue();
    }

    @Test
    void theFirstCodeIsOfTheCurrentStepAndWhenBothSafeStepsAreUsedTheClientWaitsForTheNextStep() {
        long now = LabApi.stepAt(LAST_SECOND);
        assertThat(LabApi.codeStep(now, Long.MIN_VALUE)).hasValue(now);
        assertThat(LabApi.codeStep(now, now + 1)).isEmpty();
        assertThat(LabApi.codeStep(LabApi.stepAt(NEXT_SECOND), now + 1)).hasValue(now + 2);
    }

    /**
     * How SecondFactorService decides: a code of the current step or the one before or after (clock drift), and only
     * of a step after the last one it accepted (replay).
     */
    private static boolean serverAccepts(long step, Instant checkedAt, long lastUsed) {
        long current = checkedAt.getEpochSecond() / 30;
        return step >= current - 1 && step <= current + 1 && step > lastUsed;
    }
}
