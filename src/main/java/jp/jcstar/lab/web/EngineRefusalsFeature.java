package jp.jcstar.lab.web;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Puts the app's refusal mappers ({@link EngineRestRefusals}) into every Jersey application of the app: /engine-rest
 * and the webapps' own engine API that Tasklist and Cockpit call (/camunda/api/engine), which Camunda's webapp starter
 * builds itself. Jersey finds this through META-INF/services, so both APIs answer a refusal alike.
 */
public class EngineRefusalsFeature implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> mapper : new Class<?>[] {EngineRestRefusals.WrappedRefusalMapper.class,
                EngineRestRefusals.EngineRefusalMapper.class, EngineRestRefusals.InvalidInputMapper.class,
                EngineRestRefusals.ForbiddenMapper.class}) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
