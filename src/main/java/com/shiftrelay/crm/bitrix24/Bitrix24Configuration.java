package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmAdapters;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmProperties;
import com.shiftrelay.crm.CrmTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the Bitrix24 adapter as the application's {@link CrmGateway} for a portal ({@code shiftrelay.crm.provider=bitrix24})
 * and for the sandbox in its Bitrix24 dialect ({@link CrmAdapters#BITRIX24}), which it reaches by an inbound webhook,
 * or as the sandbox portal's local application when offline events are on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(CrmAdapters.BITRIX24)
@EnableFeignClients(clients = Bitrix24Api.class)
@EnableConfigurationProperties({CrmProperties.class, Bitrix24Properties.class})
public class Bitrix24Configuration {

    static final String SANDBOX_TOKEN_PROPERTY = "shiftrelay.sandbox.token";
    static final String DEFAULT_SANDBOX_TOKEN = "sandbox-token";
    static final String SANDBOX_WEBHOOK_USER_PROPERTY = "shiftrelay.sandbox.bitrix24.webhook-user";
    static final long DEFAULT_SANDBOX_WEBHOOK_USER = 1;
    // The job executor retries a failed call later anyway; these waits only ride out a brief hiccup.
    private static final Duration UNAVAILABLE_BACKOFF = Duration.ofMillis(500);

    @Bean
    Bitrix24Endpoint bitrix24Endpoint(CrmProperties crm, Bitrix24Properties properties, Environment environment) {
        if (crm.provider() != CrmProperties.Provider.SANDBOX) {
            return Bitrix24Endpoint.portal(properties);
        }
        // The sandbox package owns shiftrelay.sandbox.*; read the two values of its webhook without binding a second
        // properties type to that prefix.
        Binder binder = Binder.get(environment);
        String sandboxToken = binder.bind(SANDBOX_TOKEN_PROPERTY, String.class).orElse(DEFAULT_SANDBOX_TOKEN);
        if (properties.offlineEvents()) {
            // A portal keeps offline events for an application only: ShiftRelay signs in as the sandbox's.
            return Bitrix24Endpoint.sandboxApplication(properties, sandboxToken);
        }
        return Bitrix24Endpoint.sandbox(properties,
                binder.bind(SANDBOX_WEBHOOK_USER_PROPERTY, Long.class).orElse(DEFAULT_SANDBOX_WEBHOOK_USER),
                sandboxToken);
    }

    @Bean
    CrmTokens crmTokens(JdbcTemplate jdbc) {
        return new CrmTokens(jdbc);
    }

    @Bean
    Bitrix24Authorization bitrix24Authorization(Bitrix24Endpoint endpoint, CrmTokens tokens,
                                                ObjectProvider<Bitrix24Api> api) {
        return new Bitrix24Authorization(endpoint, tokens, api, Clock.systemUTC());
    }

    @Bean
    Bitrix24Calls bitrix24Calls(Bitrix24Api api, Bitrix24Authorization authorization, Bitrix24Properties properties) {
        return new Bitrix24Calls(api, authorization, properties, Bitrix24ClientConfiguration.TIMEOUTS,
                UNAVAILABLE_BACKOFF, Clock.systemUTC());
    }

    @Bean
    CrmGateway crmGateway(Bitrix24Calls calls, Bitrix24Properties properties, CrmProperties crm) {
        return new Bitrix24Gateway(calls, properties, crm.pinnedFieldId());
    }
}
