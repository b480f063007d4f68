package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Web plumbing of the sandbox CRM: its dialect's API guard and the raw brackets amoCRM-style clients send. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxCrm
class SandboxWebConfiguration {

    /** The sandbox account's address below this server, as {@code https://clinic.amocrm.ru} is a real one's. */
    static final String ACCOUNT_BASE = "/sandbox/amocrm";
    static final String API_BASE = ACCOUNT_BASE + "/api/v4";

    @Bean
    @ConditionalOnSandboxDialect(SandboxProperties.Dialect.AMOCRM)
    FilterRegistrationBean<SandboxApiGuard> sandboxApiGuard(SandboxProperties properties, SandboxOutage outage,
                                                            ObjectMapper json) {
        FilterRegistrationBean<SandboxApiGuard> registration =
                new FilterRegistrationBean<>(new SandboxApiGuard(properties, outage, json));
        registration.addUrlPatterns("/sandbox/amocrm/*");
        registration.setName("sandboxApiGuard");
        return registration;
    }

    @Bean
    @ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
    FilterRegistrationBean<SandboxBitrix24Guard> sandboxBitrix24Guard(SandboxProperties properties,
                                                                      SandboxOutage outage, ObjectMapper json) {
        FilterRegistrationBean<SandboxBitrix24Guard> registration =
                new FilterRegistrationBean<>(new SandboxBitrix24Guard(properties, outage, json));
        registration.addUrlPatterns(SandboxBitrix24Guard.PATH + "/*");
        registration.setName("sandboxBitrix24Guard");
        return registration;
    }

    /**
     * amoCRM takes {@code filter[id][]=1} with unencoded brackets and clients (its PHP SDK, curl users) send
     * them so; Tomcat refuses such a query unless told to relax. Only the two bracket characters are let in.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxBracketsInQuery() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            Object current = connector.getProperty("relaxedQueryChars");
            String chars = current == null ? "" : current.toString();
            connector.setProperty("relaxedQueryChars", chars + "[]");
        });
    }
}
