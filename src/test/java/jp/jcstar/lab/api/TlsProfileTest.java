package jp.jcstar.lab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The "tls" profile serves HTTPS with TLS 1.2 and 1.3 only, HSTS and Secure cookies, from a keystore in the environment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:jcstar-tls;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Not "default": Camunda's REST API looks engines up by name JVM-wide, and "default" is the web tests' engine.
        "camunda.bpm.process-engine-name=tlsTests",
        "JCSTAR_ADMIN_PASSWORD=tls-test-admin-password"})
@ActiveProfiles("tls")
class TlsProfileTest {

    static final String KEYSTORE_PASSWORD = "tls-test-keystore";

    @LocalServerPort int port;
    @Autowired ServletWebServerApplicationContext context;

    /** A self-signed certificate made with the JDK's keytool, as a lab would make a test certificate. */
    @DynamicPropertySource
    static void keystore(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        Path keystore = Files.createTempDirectory("jcstar-tls").resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jcstar", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        registry.add("JCSTAR_TLS_KEYSTORE", keystore::toString);
        registry.add("JCSTAR_TLS_KEYSTORE_PASSWORD", () -> KEYSTORE_PASSWORD);
    }

    @Test
    void onlyTls12And13AreEnabled() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getSecure()).isTrue();
        List<String> protocols = Arrays.stream(connector.findSslHostConfigs())
                .flatMap(config -> config.getEnabledProtocols() == null ? Stream.of(config.getProtocols().toArray(String[]::new))
                        : Arrays.stream(config.getEnabledProtocols()))
                .toList();
        assertThat(protocols).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }

    @Test
    void bothTlsVersionsHandshakeAndTheSessionCookiesAreSecure() throws Exception {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            SSLContext tls = trustingContext(protocol);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            }
        }
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        HttpClient https = HttpClient.newBuilder().sslContext(trustingContext("TLSv1.3")).sslParameters(parameters).build();
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void tls12AcceptsOnlyAeadSuitesInTheServersOrder() throws Exception {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.findSslHostConfigs()).allSatisfy(config -> assertThat(config.getHonorCipherOrder()).isTrue());
        // The test certificate is an EC key, so the ECDSA suites are the ones that could be agreed.
        for (String weak : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")) {
            try (SSLSocket socket = (SSLSocket) trustingContext("TLSv1.2").getSocketFactory().createSocket("localhost", port)) {
                socket.setEnabledCipherSuites(new String[] {weak});
                assertThatThrownBy(socket::startHandshake).as(weak).isInstanceOf(SSLException.class);
            }
        }
        try (SSLSocket socket = (SSLSocket) trustingContext("TLSv1.2").getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"});
            socket.startHandshake();
            // The client preferred AES-128; the server's order puts AES-256 first.
            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
    }

    @Test
    void theCsrfCookiesAreSecureAndSameSiteOverTls() throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        HttpClient https = HttpClient.newBuilder().sslContext(trustingContext("TLSv1.3")).sslParameters(parameters).build();
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JCSTAR-CSRF="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "SameSite=Lax"));
        assertThat(context.getEnvironment().getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
    }

    /** Trusts the test's self-signed certificate; never outside tests. */
    private static SSLContext trustingContext(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
