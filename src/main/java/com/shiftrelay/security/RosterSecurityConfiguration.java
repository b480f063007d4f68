package com.shiftrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The roster page ({@code /roster}) needs a login like the API it reads ({@link SignedInPages}): any user, since a
 * team's schedule is no secret within the company. Its data comes from {@code /api}, which checks the caller again.
 */
@Configuration(proxyBeanMethods = false)
class RosterSecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain roster(HttpSecurity http, AuthenticationProvider engineUsers, WebappSessions webappSessions,
                               ObjectMapper json) throws Exception {
        var responses = new SignInPageResponses(json, "/roster/login.html", "The roster needs a login: a ShiftRelay"
                + " (Camunda) user by HTTP Basic, or a browser signed in to the Camunda webapps (Tasklist)",
                "Not allowed");
        return SignedInPages.chain(http, PathPatternRequestMatcher.withDefaults().matcher("/roster/**"), engineUsers,
                webappSessions, responses, "/roster/logout", Customizer.withDefaults());
    }
}
