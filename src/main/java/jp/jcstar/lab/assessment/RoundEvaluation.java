package jp.jcstar.lab.assessment;

import java.util.List;

/**
 * @param failedItems   items whose latest verdict is FAIL, in catalog order
 * @param failedRetests how many retest rounds have failed so far (0 after a failed first round)
 */
public record RoundEvaluation(int round, List<String> failedItems, int failedRetests) {

    public boolean allItemsPassed() {
        return failedItems.isEmpty();
    }
}
