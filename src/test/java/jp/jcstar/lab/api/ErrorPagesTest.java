package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.ENGINEER;
import static org.assertj.core.api.Assertions.assertThat;

import jp.jcstar.lab.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal that reaches a person in the browser is a page of the app in both languages; API clients keep their JSON
 * (the app's problem details, Spring Boot's error body) as before.
 */
@WebAppTest
class ErrorPagesTest {

    @LocalServerPort int port;

    @Test
    void aBrowserGetsTheAppsPageWhereAnApiClientGetsJson() {
        LabApi api = LabUsers.on(port);
        LabApi.BrowserSession browser = api.browser();
        browser.login(ENGINEER, LabApi.PASSWORD);

        LabApi.Reply missingPage = browser.getHtml("/lab/no-such-page");
        assertThat(missingPage.status()).isEqualTo(404);
        assertThat(missingPage.contentType()).startsWith("text/html");
        assertThat(missingPage.text()).contains("ページが見つかりません / Page not found", "/lab/no-such-page",
                "href=\"/lab/assessments\"", "href=\"/camunda/app/tasklist/\"").doesNotContain("Whitelabel");

        LabApi.Reply missingApi = api.get("/api/no-such-endpoint", ENGINEER);
        assertThat(missingApi.status()).isEqualTo(404);
        assertThat(missingApi.contentType()).startsWith("application/json");
        assertThat(missingApi.json().path("status").asInt()).isEqualTo(404);

        LabApi.Reply missingAssessment = api.get("/api/assessments/999999", ENGINEER);
        assertThat(missingAssessment.status()).isEqualTo(404);
        assertThat(missingAssessment.contentType()).startsWith("application/problem+json");
        assertThat(missingAssessment.json().path("detail").asText()).isNotBlank();
    }
}
