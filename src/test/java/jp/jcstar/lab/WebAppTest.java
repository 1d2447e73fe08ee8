package jp.jcstar.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, as a lab runs it: web server, security, job executor. Every class with this
 * annotation shares one Spring context. The database is in-memory H2 unless JCSTAR_TEST_DB_URL names another; mail
 * goes to a real SMTP server in the test JVM ({@link TestSmtp}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${JCSTAR_TEST_DB_URL:jdbc:h2:mem:jcstar-web;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${JCSTAR_TEST_DB_USER:sa}",
        "spring.datasource.password=${JCSTAR_TEST_DB_PASSWORD:}",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // No delay between failed logins, so that a test reaches the lockout without waiting minutes.
        "camunda.bpm.generic-properties.properties.login-delay-base=0",
        // Spring Boot's tests turn metrics export off; /actuator/prometheus is part of the app as a lab runs it.
        "management.prometheus.metrics.export.enabled=true",
        "JCSTAR_ADMIN_PASSWORD=" + WebAppTest.ADMIN_PASSWORD})
@ContextConfiguration(initializers = TestSmtp.class)
public @interface WebAppTest {

    /** Set for the test context only; a real installation gets its own or a random one. */
    String ADMIN_PASSWORD = "web-test-admin-password";
}
