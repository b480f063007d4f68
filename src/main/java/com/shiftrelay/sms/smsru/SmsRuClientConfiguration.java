package com.shiftrelay.sms.smsru;

import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;

/**
 * The SMS.ru Feign client's own beans; deliberately not a {@code @Configuration}, or the component scan would make it
 * every Feign client's. No Feign retries (a message sent twice is a client texted twice; the step's job retries), the
 * target set per request.
 */
class SmsRuClientConfiguration {

    /** Read whatever content type SMS.ru names: its JSON answer does not always say it is JSON. */
    @Bean
    Decoder smsRuDecoder() {
        return new JacksonDecoder(JsonMapper.builder().build());
    }

    @Bean
    Retryer smsRuRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    Request.Options smsRuTimeouts() {
        return new Request.Options(5, TimeUnit.SECONDS, 15, TimeUnit.SECONDS, true);
    }

    @Bean
    RequestInterceptor smsRuTarget(SmsRuEndpoint endpoint) {
        return template -> template.target(endpoint.url());
    }
}
