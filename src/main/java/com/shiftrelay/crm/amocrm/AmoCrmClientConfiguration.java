package com.shiftrelay.crm.amocrm;

import feign.Client;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;

/**
 * The amoCRM Feign client's own beans. Deliberately not a {@code @Configuration}: picked up by the component
 * scan it would become the configuration of every Feign client in the application.
 */
class AmoCrmClientConfiguration {

    private final AmoCrmJson json = new AmoCrmJson();

    @Bean
    Decoder amoCrmDecoder() {
        return json.decoder();
    }

    @Bean
    Encoder amoCrmEncoder() {
        return json.encoder();
    }

    @Bean
    ErrorDecoder amoCrmErrorDecoder() {
        return new AmoCrmErrorDecoder(json, Clock.systemUTC());
    }

    /** Retries are AmoCrmCalls' business, with the rate limit in view; Feign must not add its own. */
    @Bean
    Retryer amoCrmRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    Client amoCrmHttpClient() {
        return new JdkHttpFeignClient(Duration.ofSeconds(5));
    }

    /**
     * Points each request at the account (or the sandbox) and signs it. The token endpoint is called without a
     * bearer token: it is how a token is obtained in the first place.
     */
    @Bean
    RequestInterceptor amoCrmTargetAndToken(AmoCrmEndpoint endpoint, AmoCrmAuthorization authorization) {
        return template -> {
            template.target(endpoint.baseUrl());
            template.removeHeader("Authorization");
            if (!template.path().endsWith(AmoCrmApi.TOKEN_PATH)) {
                template.header("Authorization", "Bearer " + authorization.accessToken());
            }
        };
    }
}
