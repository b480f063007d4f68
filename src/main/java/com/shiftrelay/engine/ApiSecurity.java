package com.shiftrelay.engine;

import com.shiftrelay.web.ApiUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's users, on the engine REST API and on ShiftRelay's own {@code /api}.
 * Without it {@code /engine-rest} would be open to anyone.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engineRestAuthentication");
        return registration;
    }

    @Bean
    FilterRegistrationBean<BasicApiAuthentication> apiAuthentication(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new BasicApiAuthentication(identity));
        registration.addUrlPatterns("/api/*");
        registration.setName("apiAuthentication");
        return registration;
    }

    /** Checks the caller's password with the engine's identity service and records who they are. */
    static final class BasicApiAuthentication extends OncePerRequestFilter {

        private final IdentityService identity;

        BasicApiAuthentication(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] credentials = decode(header.substring(6));
                if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
                    boolean admin = identity.createGroupQuery().groupMember(credentials[0])
                            .groupId(Groups.CAMUNDA_ADMIN).count() > 0;
                    request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, new ApiUser(credentials[0], admin));
                    chain.doFilter(request, response);
                    return;
                }
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"ShiftRelay\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Log in with a ShiftRelay (Camunda) user and password\"}");
        }

        private static String[] decode(String encoded) {
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
