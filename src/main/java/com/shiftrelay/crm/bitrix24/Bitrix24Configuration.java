package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmProperties;
import com.shiftrelay.crm.CrmTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the Bitrix24 adapter as the application's {@link CrmGateway} when {@code shiftrelay.crm.provider=bitrix24}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shiftrelay.crm.provider", havingValue = "bitrix24")
@EnableFeignClients(clients = Bitrix24Api.class)
@EnableConfigurationProperties({CrmProperties.class, Bitrix24Properties.class})
public class Bitrix24Configuration {

    // The job executor retries a failed call later anyway; these waits only ride out a brief hiccup.
    private static final Duration UNAVAILABLE_BACKOFF = Duration.ofMillis(500);

    @Bean
    Bitrix24Endpoint bitrix24Endpoint(Bitrix24Properties properties) {
        return new Bitrix24Endpoint(properties);
    }

    @Bean
    CrmTokens crmTokens(JdbcTemplate jdbc) {
        return new CrmTokens(jdbc);
    }

    @Bean
    Bitrix24Authorization bitrix24Authorization(Bitrix24Endpoint endpoint, Bitrix24Properties properties,
                                                CrmTokens tokens, ObjectProvider<Bitrix24Api> api) {
        return new Bitrix24Authorization(endpoint, properties, tokens, api, Clock.systemUTC());
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
