package com.shiftrelay.sms.smsru;

import com.shiftrelay.sms.SmsProperties;
import com.shiftrelay.sms.SmsUnavailableException;
import com.shiftrelay.web.LocalServer;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where SMS go and with which key: SMS.ru itself, or the sandbox's SMS.ru-compatible outbox, which is this application
 * itself and so is known only once its web server has started.
 */
final class SmsRuEndpoint implements ApplicationListener<WebServerInitializedEvent> {

    static final String SANDBOX_PATH = "/sandbox/smsru";

    private final SmsProperties properties;
    private final String sandboxKey;
    private volatile String sandboxUrl;

    /** @param sandboxKey the sandbox's token, its outbox's {@code api_id}; null for SMS.ru itself */
    SmsRuEndpoint(SmsProperties properties, String sandboxKey) {
        this.properties = properties;
        this.sandboxKey = sandboxKey;
        if (sandboxKey == null && (properties.smsru().apiId() == null || properties.smsru().apiId().isBlank())) {
            throw new IllegalStateException("shiftrelay.sms.provider=smsru needs shiftrelay.sms.smsru.api-id"
                    + " (SHIFTRELAY_SMS_SMSRU_API_ID), the key of the SMS.ru account");
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (sandboxKey != null) {
            LocalServer.baseUrl(event).ifPresent(base -> sandboxUrl = base + SANDBOX_PATH);
        }
    }

    String url() {
        if (sandboxKey == null) {
            return properties.smsru().url();
        }
        String url = sandboxUrl;
        if (url == null) {
            throw new SmsUnavailableException("The sandbox's outbox is not reachable before the web server has started");
        }
        return url;
    }

    String apiId() {
        return sandboxKey != null ? sandboxKey : properties.smsru().apiId();
    }
}
