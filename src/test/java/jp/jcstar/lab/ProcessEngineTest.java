package jp.jcstar.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app's real engine, delegates and tables, without a web server (a mock servlet environment) and without the
 * job executor, so that a test runs asynchronous continuations and timers itself. Every class with this annotation shares one Spring context
 * (one engine, named apart from the web tests' "default" one, which Camunda's REST API looks up JVM-wide). The
 * database is in-memory H2 unless JCSTAR_TEST_DB_URL names another (CI runs it on PostgreSQL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=${JCSTAR_TEST_DB_URL:jdbc:h2:mem:jcstar-process;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${JCSTAR_TEST_DB_USER:sa}",
        "spring.datasource.password=${JCSTAR_TEST_DB_PASSWORD:}",
        "camunda.bpm.job-execution.enabled=false",
        // Camunda's REST API finds "its" engine by name in a JVM-wide registry: only the web tests' engine is
        // "default" (engine names may not contain hyphens).
        "camunda.bpm.process-engine-name=processTests",
        "JCSTAR_ADMIN_PASSWORD=process-test-admin-password"})
public @interface ProcessEngineTest {
}
