package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * The Bitrix24 Feign client's own beans. Deliberately not a {@code @Configuration}: picked up by the component scan
 * it would become the configuration of every Feign client in the application. Like amoCRM's: a connection pool of its
 * own with HttpClient's retries off (a request sent again behind the bucket's back would overflow it), no Feign
 * retries, the request's timeouts passed with each call.
 */
class Bitrix24ClientConfiguration {

    /** Bitrix24 answers most methods in well under a second; a list of 50 deals may take a few. */
    static final Request.Options TIMEOUTS = new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(20), true);

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Bean
    Decoder bitrix24Decoder() {
        return new JacksonDecoder(JSON);
    }

    @Bean
    Encoder bitrix24Encoder() {
        return new JacksonEncoder(JSON);
    }

    @Bean
    ErrorDecoder bitrix24ErrorDecoder() {
        return new Bitrix24ErrorDecoder(JSON);
    }

    @Bean
    Retryer bitrix24Retryer() {
        return Retryer.NEVER_RETRY;
    }

    /** The adapter's own pool, HttpClient's retries off ({@link CrmHttpClients}). Closed with the client's context. */
    @Bean(destroyMethod = "close")
    CloseableHttpClient bitrix24HttpClient() {
        return CrmHttpClients.pooled();
    }

    @Bean
    Client bitrix24FeignClient(CloseableHttpClient bitrix24HttpClient) {
        return new ApacheHttp5Client(bitrix24HttpClient);
    }

    /**
     * Points each request at the portal's REST address (the webhook carries its user and code in the path), and the
     * token request at the authorization server. An OAuth access token travels in the body ({@code auth}), put there
     * by {@link Bitrix24Calls}.
     */
    @Bean
    RequestInterceptor bitrix24Target(Bitrix24Endpoint endpoint) {
        return template -> template.target(template.path().startsWith(Bitrix24Api.TOKEN_PATH)
                ? endpoint.authorizationServer() : endpoint.restUrl());
    }
}
