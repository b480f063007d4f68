package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.web.LocalServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where Bitrix24 requests go: the inbound webhook's address ({@code https://{portal}/rest/{user}/{code}}), or the
 * portal's {@code /rest} for a local application, whose token then goes with each request. The sandbox's Bitrix24
 * dialect is this application itself, so its webhook's address is only known once the web server has started.
 */
final class Bitrix24Endpoint implements ApplicationListener<WebServerInitializedEvent> {

    static final String SANDBOX_PATH = "/sandbox/bitrix24/rest";

    private final Bitrix24Properties properties;
    /** The sandbox webhook's {@code /{user}/{code}}; null when a real portal is configured. */
    private final String sandboxWebhook;
    private volatile String sandboxRestUrl;

    private Bitrix24Endpoint(Bitrix24Properties properties, String sandboxWebhook) {
        this.properties = properties;
        this.sandboxWebhook = sandboxWebhook;
        if (sandboxWebhook == null && !properties.hasWebhook() && properties.portalUrl() == null) {
            throw new CrmException("No Bitrix24 portal: set shiftrelay.crm.bitrix24.webhook-url (an inbound webhook,"
                    + " https://<portal>/rest/<user>/<code>/) or shiftrelay.crm.bitrix24.portal-url and the oauth"
                    + " settings of a local application");
        }
    }

    static Bitrix24Endpoint portal(Bitrix24Properties properties) {
        return new Bitrix24Endpoint(properties, null);
    }

    /** The sandbox's Bitrix24 dialect, reached by the inbound webhook of user {@code userId} with {@code code}. */
    static Bitrix24Endpoint sandbox(Bitrix24Properties properties, long userId, String code) {
        return new Bitrix24Endpoint(properties, "/" + userId + "/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (sandboxWebhook != null) {
            LocalServer.baseUrl(event).ifPresent(base -> sandboxRestUrl = base + SANDBOX_PATH + sandboxWebhook);
        }
    }

    String restUrl() {
        if (sandboxWebhook != null) {
            String url = sandboxRestUrl;
            if (url == null) {
                throw new CrmUnavailableException("The sandbox CRM is not reachable before the web server has started");
            }
            return url;
        }
        return properties.hasWebhook() ? properties.webhookUrl() : properties.portalUrl() + "/rest";
    }

    String authorizationServer() {
        return properties.oauth().serverUrl();
    }

    /** A webhook is its own authorization: its code is in the address. */
    boolean usesWebhook() {
        return sandboxWebhook != null || properties.hasWebhook();
    }
}
