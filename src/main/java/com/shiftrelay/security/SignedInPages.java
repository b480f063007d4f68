package com.shiftrelay.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Pages of ours behind a login (the sandbox CRM's, the roster) and their endpoints: any engine user, by HTTP Basic
 * (curl, tests) or by the session of a browser signed in to the Camunda webapps. A browser that is not signed in is
 * sent to the page's sign-in page, which signs in through the webapps' own login. A browser's POST needs the CSRF
 * token of the {@code XSRF-TOKEN} cookie, the same cookie and header as {@code /api}'s.
 */
final class SignedInPages {

    private SignedInPages() {
    }

    /**
     * The chain for the {@code pages}: their sign-in page ({@code responses.loginPage()}) is open, the {@code rules}
     * come next, anything else needs a login. {@code logout}: the path whose POST ends the browser's session.
     */
    static SecurityFilterChain chain(HttpSecurity http, RequestMatcher pages, AuthenticationProvider engineUsers,
            WebappSessions webappSessions, SignInPageResponses responses, String logout,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        // The same token cookie as /api's, so a page of ours holds one token for both.
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return http
                .securityMatcher(pages)
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(paths.matcher(HttpMethod.GET, responses.loginPage())).permitAll();
                    rules.customize(authorize);
                    authorize.anyRequest().authenticated();
                })
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
                .logout(out -> out
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, logout))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}
