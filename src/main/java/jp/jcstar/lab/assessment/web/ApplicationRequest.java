package jp.jcstar.lab.assessment.web;

import java.util.List;

import jp.jcstar.lab.assessment.Application;

/**
 * Body of POST /api/assessments.
 *
 * @param manufacturerId the registered company applied for; required from lab staff, optional (own company) from a
 *                       manufacturer's user
 */
public record ApplicationRequest(String manufacturerId, String manufacturer, String productName, String modelNumbers,
                                 String firmwareVersion, String appVersion, String cloudVersion, String starLevel,
                                 List<String> scope) {

    Application toApplication() {
        return Application.of(manufacturer, productName, modelNumbers, firmwareVersion, appVersion, cloudVersion,
                starLevel, scope);
    }
}
