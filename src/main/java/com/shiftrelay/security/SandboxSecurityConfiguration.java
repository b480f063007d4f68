package com.shiftrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The sandbox CRM's page and its simulation, state and reset endpoints show every manager's clients and
 * move deals, so they need a login: any engine user, by HTTP Basic (curl, tests) or by the session of a
 * browser signed in to the Camunda webapps; resetting is for administrators. A browser's POST needs the
 * CSRF token of the {@code XSRF-TOKEN} cookie, the same cookie and header as {@code /api}'s.
 *
 * <p>The amoCRM-dialect API under {@code /sandbox/amocrm} is not covered: ShiftRelay's own adapter calls it
 * with the bearer token amoCRM would want, checked by the sandbox's API guard.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain sandbox(HttpSecurity http, AuthenticationProvider engineUsers, WebappSessions webappSessions,
                                ObjectMapper json) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var responses = new SandboxSecurityResponses(json);
        // The same token cookie as /api's, so a page of ours holds one token for both.
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return http
                .securityMatcher(new AndRequestMatcher(paths.matcher("/sandbox/**"),
                        new NegatedRequestMatcher(paths.matcher("/sandbox/amocrm/**"))))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths.matcher(HttpMethod.GET, SandboxSecurityResponses.LOGIN_PAGE)).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/sandbox/reset")).hasRole(ApiRoles.ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(engineUsers)
                .httpBasic(basic -> basic.realmName(ProblemSecurityResponses.REALM).authenticationEntryPoint(responses))
                .addFilterAfter(new WebappSessionAuthentication(webappSessions), BasicAuthenticationFilter.class)
                // The webapps own the session: this chain neither makes one nor keeps anything in it, the caller is
                // known for the one request. Spring Security's session management stays out too: it would take every
                // request for a fresh login, change the session's id and clear the CSRF cookie each time, under the
                // page's feet and the webapps'.
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserRequests::changesStateFromBrowser))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // Ending the session signs the browser out of the webapps too: their sign-in lives there.
                .logout(logout -> logout
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/sandbox/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}
