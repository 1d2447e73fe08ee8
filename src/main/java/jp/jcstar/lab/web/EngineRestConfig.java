package jp.jcstar.lab.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineRestConfig {

    @Bean
    ResourceConfigCustomizer engineRestRefusals() {
        return config -> {
            config.register(EngineRestRefusals.WrappedRefusalMapper.class);
            config.register(EngineRestRefusals.EngineRefusalMapper.class);
            config.register(EngineRestRefusals.InvalidInputMapper.class);
            config.register(EngineRestRefusals.ForbiddenMapper.class);
        };
    }
}
