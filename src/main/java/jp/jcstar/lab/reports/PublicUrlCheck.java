package jp.jcstar.lab.reports;

import java.net.URI;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every issued PDF carries its verification address for good: a start whose public address is this machine's own
 * says so loudly, before a report goes out with an address nobody else can open.
 */
@Component
public class PublicUrlCheck {

    private static final Logger log = LoggerFactory.getLogger(PublicUrlCheck.class);
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final ReportSettings settings;

    public PublicUrlCheck(ReportSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warnWhenLocal() {
        String host = URI.create(settings.publicUrl()).getHost();
        if (host == null || LOCAL.contains(host)) {
            log.warn("JCSTAR_PUBLIC_URL is {}: issued reports will carry the verification address {} in their text "
                    + "and QR code, which only this machine can open. Set JCSTAR_PUBLIC_URL to the lab's public "
                    + "address before issuing reports.", settings.publicUrl(), settings.verificationUrl("<code>"));
        }
    }
}
