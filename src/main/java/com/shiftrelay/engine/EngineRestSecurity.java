package com.shiftrelay.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's users on the engine REST API, with Camunda's own filter: it is
 * Camunda's API and behaves as Camunda documents it. Without it {@code /engine-rest} would be open to anyone.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engineRestAuthentication");
        return registration;
    }
}
