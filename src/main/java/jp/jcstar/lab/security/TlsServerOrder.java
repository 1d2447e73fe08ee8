package jp.jcstar.lab.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile "tls": the server, not the client, chooses the cipher suite, from the AEAD-only list in
 * application-tls.yaml, so a client cannot steer the connection to its weakest suite.
 */
@Component
@Profile("tls")
public class TlsServerOrder implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol) {
                for (SSLHostConfig host : protocol.findSslHostConfigs()) {
                    host.setHonorCipherOrder(true);
                }
            }
        });
    }
}
