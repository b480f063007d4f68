package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmAdapters;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmProperties;
import com.shiftrelay.crm.CrmTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the amoCRM adapter as the application's {@link CrmGateway}, for a real account and for the sandbox in its amoCRM
 * dialect ({@link CrmAdapters#AMOCRM}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(CrmAdapters.AMOCRM)
@EnableFeignClients(clients = AmoCrmApi.class)
@EnableConfigurationProperties({CrmProperties.class, AmoCrmProperties.class})
public class AmoCrmConfiguration {

    static final String SANDBOX_TOKEN_PROPERTY = "shiftrelay.sandbox.token";
    static final String DEFAULT_SANDBOX_TOKEN = "sandbox-token";
    // The job executor retries a failed call later anyway; these waits only ride out a brief hiccup, and the
    // call's time budget cuts them short.
    private static final Duration UNAVAILABLE_BACKOFF = Duration.ofMillis(500);

    @Bean
    AmoCrmEndpoint amoCrmEndpoint(CrmProperties crm, AmoCrmProperties amo, Environment environment) {
        // The sandbox package owns shiftrelay.sandbox.*; read the one value this adapter needs without binding
        // a second properties type to that prefix.
        String sandboxToken = Binder.get(environment).bind(SANDBOX_TOKEN_PROPERTY, String.class)
                .orElse(DEFAULT_SANDBOX_TOKEN);
        return new AmoCrmEndpoint(crm, amo, sandboxToken);
    }

    @Bean
    CrmTokens crmTokens(JdbcTemplate jdbc) {
        return new CrmTokens(jdbc);
    }

    @Bean
    AmoCrmAuthorization amoCrmAuthorization(AmoCrmEndpoint endpoint, AmoCrmProperties properties, CrmTokens tokens,
                                            ObjectProvider<AmoCrmApi> api) {
        return new AmoCrmAuthorization(endpoint, properties, tokens, api, Clock.systemUTC());
    }

    @Bean
    AmoCrmCalls amoCrmCalls(AmoCrmAuthorization authorization, AmoCrmProperties properties) {
        return new AmoCrmCalls(authorization, properties, AmoCrmClientConfiguration.TIMEOUTS, UNAVAILABLE_BACKOFF,
                Clock.systemUTC());
    }

    @Bean
    CrmGateway crmGateway(AmoCrmApi api, AmoCrmCalls calls, AmoCrmProperties properties) {
        return new AmoCrmGateway(api, calls, properties);
    }
}
