package jp.jcstar.lab.assessment.web;

import java.util.List;

import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Versions;

/**
 * Body of POST /api/assessments, flat as the API's clients send it (its JSON also fingerprints an Idempotency-Key).
 *
 * @param manufacturerId the registered company applied for; required from lab staff, optional (own company) from a
 *                       manufacturer's user. The manufacturer's name printed on reports is always the company's
 *                       registered name.
 */
public record ApplicationRequest(String manufacturerId, String productName, String modelNumbers,
                                 String firmwareVersion, String appVersion, String cloudVersion, String starLevel,
                                 List<String> scope) {

    Application toApplication() {
        return Application.of(null, productName, modelNumbers, new Versions(firmwareVersion, appVersion, cloudVersion),
                starLevel, scope);
    }
}
