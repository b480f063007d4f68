package com.shiftrelay.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <p>ShiftRelay's own {@code /api}: HTTP Basic with an engine user, no session of its own; or, with no
 * {@code Authorization} header, the user signed in to the Camunda webapps with the request's session
 * ({@link WebappSessionFilter}), so that a Cockpit plugin calls the API without a second login. Rules that
 * depend only on the caller's role are listed here, the rule "the manager themselves or an administrator"
 * sits on the handler methods ({@code @PreAuthorize} with the {@code managerAccess} bean), where the manager
 * id is already typed and an unknown id of an administrator's request reaches the handler and answers 404.
 * A browser's POST, PUT, PATCH or DELETE needs a CSRF token in {@code X-XSRF-TOKEN}: the webapps' token of
 * the session when the session signed it in, otherwise the value of Spring Security's {@code XSRF-TOKEN}
 * cookie; an integration's needs none.
 *
 * <p>The CRM's webhooks under {@code /webhooks} need no login: amoCRM cannot send credentials, the secret in the
 * path is checked by the endpoint itself.
 *
 * <p>Everything else passes through as it did before Spring Security was here: the Camunda webapps keep
 * their own session login and CSRF filter, {@code /engine-rest} Camunda's Basic filter, and the sandbox,
 * actuator and static pages their own rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationProvider engineUsers, WebappSessions webappSessions,
            ProblemSecurityResponses problems) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        // "/" so that any page of ours can read it; the webapps' own XSRF-TOKEN lives at /camunda and wins there.
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return http
                .securityMatcher(paths.matcher("/api/**"))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths.matcher(HttpMethod.PUT, "/api/teams/{id}/settings")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/teams/overview")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/handovers/recent")).hasRole(ApiRoles.ADMIN)
                        // Clients' numbers and how each manager called them back.
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/missed-calls")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/missed-calls/stats")).hasRole(ApiRoles.ADMIN)
                        // Schedules are planned by administrators; a manager reads their own (@PreAuthorize).
                        .requestMatchers(paths.matcher(HttpMethod.PUT, "/api/managers/{id}/schedule")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.DELETE, "/api/managers/{id}/schedule")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/managers/{id}/exceptions")).hasRole(ApiRoles.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.DELETE, "/api/managers/{id}/exceptions/**")).hasRole(ApiRoles.ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(engineUsers)
                .httpBasic(basic -> basic.realmName(ProblemSecurityResponses.REALM).authenticationEntryPoint(problems))
                // No session of its own, and none touched: by default Spring Security would give a session the
                // request brings along (the Camunda webapps') a new id once the request is authenticated.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(tokens)
                        // The token is the cookie's value as it is: nothing renders it into a page to be masked.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // A request the webapps' session signed in has passed the webapps' own token check instead.
                        .requireCsrfProtectionMatcher(request -> BrowserRequests.changesStateFromBrowser(request)
                                && !WebappSessionFilter.signedInByWebappSession(request))
                        // Every request here signs in anew (Basic, or the webapps' session): Spring Security's default
                        // would take each for a login and delete the token cookie, under the feet of a page of ours
                        // (the sandbox page) that reads /api between its own changes and then sends no token.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterBefore(new WebappSessionFilter(webappSessions, problems), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The CRM's webhooks: open to anyone, since the endpoint checks the secret in its path; no Basic challenge, no
     * session, and no CSRF check, which would read a {@code _csrf} parameter and with it the form body the endpoint
     * must read raw (nothing a browser holds counts here anyway).
     */
    @Bean
    @Order(3)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /** The rest of the application, untouched: no CSRF, headers, session handling or logout of Spring Security's. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
