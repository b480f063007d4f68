package com.shiftrelay.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An app the Camunda webapps do not have ({@code /camunda/app/nosuch/}) is not found, 404 with the readable
 * error page. Camunda's own filter takes any name there for an app, looks for its index page and fails with
 * 500 and a stack trace in the log.
 */
@Configuration(proxyBeanMethods = false)
class UnknownWebapps {

    @Bean
    FilterRegistrationBean<UnknownWebappFilter> unknownWebapp(CamundaBpmProperties camunda) {
        String apps = camunda.getWebapp().getApplicationPath() + "/app/";
        Set<String> known = new HashSet<>(List.of(AuthenticationUtil.APPS));
        known.add(AuthenticationUtil.APP_WELCOME);
        var registration = new FilterRegistrationBean<>(new UnknownWebappFilter(apps, known));
        registration.addUrlPatterns(apps + "*");
        registration.setName("unknownWebapp");
        // Before the webapps' filters, which Camunda registers without an order.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Sends 404 for a first path segment after {@code .../app/} that names no app. */
    static final class UnknownWebappFilter extends OncePerRequestFilter {

        private final String apps;
        private final Set<String> known;

        UnknownWebappFilter(String apps, Set<String> known) {
            this.apps = apps;
            this.known = Set.copyOf(known);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith(apps)) {
                String rest = path.substring(apps.length());
                int slash = rest.indexOf('/');
                String app = slash < 0 ? rest : rest.substring(0, slash);
                if (!app.isEmpty() && !known.contains(app)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
