package com.shiftrelay.crm.amocrm;

import feign.Client;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import feign.hc5.ApacheHttp5Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.time.Duration;
import com.shiftrelay.crm.CrmHttpClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.annotation.Bean;

/**
 * The amoCRM Feign client's own beans. Deliberately not a {@code @Configuration}: picked up by the component
 * scan it would become the configuration of every Feign client in the application.
 *
 * <p>Requests go through Feign's Apache HttpClient 5 client, which speaks PATCH, on a connection pool of this
 * client's own. Their timeouts are {@link #TIMEOUTS}, passed with each request, so neither the
 * {@code spring.cloud.openfeign.client.config} defaults nor its {@code amocrm} entry apply to this client.
 */
class AmoCrmClientConfiguration {

    /** amoCRM answers in well under a second; ten seconds means it is not going to. */
    static final Request.Options TIMEOUTS = new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(10), true);

    private final AmoCrmJson json = new AmoCrmJson();

    /** Jackson's decoder gives null for 204 and for an empty body: an empty page to the gateway. */
    @Bean
    Decoder amoCrmDecoder() {
        return new JacksonDecoder(json.mapper());
    }

    @Bean
    Encoder amoCrmEncoder() {
        return new JacksonEncoder(json.mapper());
    }

    @Bean
    ErrorDecoder amoCrmErrorDecoder() {
        return new AmoCrmErrorDecoder(json);
    }

    /** Retries are AmoCrmCalls' business, with the rate limit in view; Feign must not add its own. */
    @Bean
    Retryer amoCrmRetryer() {
        return Retryer.NEVER_RETRY;
    }

    /** The adapter's own pool, HttpClient's retries off ({@link CrmHttpClients}). Closed with the client's context. */
    @Bean(destroyMethod = "close")
    CloseableHttpClient amoCrmHttpClient() {
        return CrmHttpClients.pooled();
    }

    @Bean
    Client amoCrmFeignClient(CloseableHttpClient amoCrmHttpClient) {
        return new ApacheHttp5Client(amoCrmHttpClient);
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
