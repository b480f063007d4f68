package com.shiftrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The sandbox CRM's page and its simulation, state and reset endpoints show every manager's clients and
 * move deals, so they need a login ({@link SignedInPages}); resetting is for administrators.
 *
 * <p>The dialects' APIs under {@code /sandbox/amocrm} and {@code /sandbox/bitrix24} and the SMS outbox under
 * {@code /sandbox/smsru} are not covered: ShiftRelay's own adapters call them with the bearer token amoCRM would want,
 * the webhook code in the path as a Bitrix24 portal would, or the {@code api_id} SMS.ru wants, checked by the sandbox.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain sandbox(HttpSecurity http, AuthenticationProvider engineUsers, WebappSessions webappSessions,
                                ObjectMapper json) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var responses = new SignInPageResponses(json, "/sandbox/login.html", "The sandbox CRM needs a login: a"
                + " ShiftRelay (Camunda) user by HTTP Basic, or a browser signed in to the Camunda webapps (Tasklist)",
                "Only an administrator (a member of camunda-admin) may reset the sandbox CRM");
        return SignedInPages.chain(http, new AndRequestMatcher(paths.matcher("/sandbox/**"),
                        new NegatedRequestMatcher(paths.matcher("/sandbox/amocrm/**")),
                        new NegatedRequestMatcher(paths.matcher("/sandbox/bitrix24/**")),
                        new NegatedRequestMatcher(paths.matcher("/sandbox/smsru/**"))), engineUsers, webappSessions,
                responses, "/sandbox/logout",
                rules -> rules.requestMatchers(paths.matcher(HttpMethod.POST, "/sandbox/reset")).hasRole(ApiRoles.ADMIN));
    }
}
