package jp.jcstar.lab.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi. */
@Configuration
public class OpenApiConfig {

    @Bean
    OpenAPI labApi() {
        return new OpenAPI()
                .info(new Info().title("JC-STAR lab workflow API").version("1")
                        .description("""
                                The API of the JC-STAR lab workflow: assessments, their tasks and reports, the catalog, \
                                and the registration of manufacturer companies, their users and the lab's staff.

                                Authentication: HTTP Basic with a personal API token as the password (or as a Bearer \
                                token). Accounts without a second factor (manufacturers who have not enrolled one) may \
                                use their password instead. Tokens are made at /api/account/tokens from a browser \
                                session after the login and its second factor (see the README).

                                Registration (lab managers and administrators):
                                - POST /api/manufacturers {id, name}: a manufacturer company; its id (lower-case words \
                                joined by hyphens) is also its Camunda tenant, which keeps its assessments from other \
                                companies.
                                - POST /api/manufacturers/{id}/users {id, firstName, lastName, email, password}: a user \
                                of that company (group manufacturers).
                                - POST /api/staff {id, firstName, lastName, email, password, role}: lab staff with the \
                                role engineer, reviewer, lab-manager or process-admin (administrators only).
                                - POST /api/users/{id}/unlock: lifts the lock after too many failed logins.
                                Passwords: 12 to 128 characters, not a commonly used password.

                                Refusals are RFC 9457 problem details whose detail says what is wrong."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
