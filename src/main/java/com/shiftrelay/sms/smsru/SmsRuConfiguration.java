package com.shiftrelay.sms.smsru;

import com.shiftrelay.sms.SmsGateway;
import com.shiftrelay.sms.SmsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires SMS.ru as the application's {@link SmsGateway}: the real one ({@code shiftrelay.sms.provider=smsru}) or the
 * sandbox's outbox, which speaks SMS.ru's API, so the demo sends through the same adapter as production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${shiftrelay.sms.provider:sandbox}'.equalsIgnoreCase('none')")
@EnableFeignClients(clients = SmsRuApi.class)
@EnableConfigurationProperties(SmsProperties.class)
public class SmsRuConfiguration {

    static final String SANDBOX_TOKEN_PROPERTY = "shiftrelay.sandbox.token";
    static final String DEFAULT_SANDBOX_TOKEN = "sandbox-token";

    @Bean
    SmsRuEndpoint smsRuEndpoint(SmsProperties properties, Environment environment) {
        if (properties.provider() == SmsProperties.Provider.SMSRU) {
            return new SmsRuEndpoint(properties, null);
        }
        // The sandbox package owns shiftrelay.sandbox.*: its token is the outbox's api_id.
        return new SmsRuEndpoint(properties, Binder.get(environment).bind(SANDBOX_TOKEN_PROPERTY, String.class)
                .orElse(DEFAULT_SANDBOX_TOKEN));
    }

    @Bean
    SmsGateway smsGateway(SmsRuApi api, SmsRuEndpoint endpoint, SmsProperties properties) {
        return new SmsRuGateway(api, endpoint, properties.smsru());
    }
}
