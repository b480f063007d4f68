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
 * dialect is this application itself, so its addresses are only known once the web server has started; ShiftRelay
 * reaches it by its inbound webhook, or as its local application (whose OAuth server the sandbox plays too) when
 * offline events are on, which a portal keeps for applications only.
 */
final class Bitrix24Endpoint implements ApplicationListener<WebServerInitializedEvent> {

    static final String SANDBOX_PATH = "/sandbox/bitrix24/rest";
    static final String SANDBOX_AUTHORIZATION_SERVER_PATH = "/sandbox/bitrix24";
    /** The sandbox portal's local application; its secret and installation refresh token are the sandbox's token. */
    static final String SANDBOX_CLIENT_ID = "local.shiftrelay.sandbox";

    private final Bitrix24Properties properties;
    /** The sandbox webhook's {@code /{user}/{code}}, or "" for its application; null when a real portal is configured. */
    private final String sandboxWebhook;
    /** The sandbox's application credentials; null unless ShiftRelay signs in to the sandbox as its application. */
    private final Bitrix24Properties.OAuth sandboxApplication;
    private volatile String sandboxBaseUrl;

    private Bitrix24Endpoint(Bitrix24Properties properties, String sandboxWebhook,
                             Bitrix24Properties.OAuth sandboxApplication) {
        this.properties = properties;
        this.sandboxWebhook = sandboxWebhook;
        this.sandboxApplication = sandboxApplication;
        if (sandboxWebhook == null && !properties.hasWebhook() && properties.portalUrl() == null) {
            throw new CrmException("No Bitrix24 portal: set shiftrelay.crm.bitrix24.webhook-url (an inbound webhook,"
                    + " https://<portal>/rest/<user>/<code>/) or shiftrelay.crm.bitrix24.portal-url and the oauth"
                    + " settings of a local application");
        }
    }

    static Bitrix24Endpoint portal(Bitrix24Properties properties) {
        return new Bitrix24Endpoint(properties, null, null);
    }

    /** The sandbox's Bitrix24 dialect, reached by the inbound webhook of user {@code userId} with {@code code}. */
    static Bitrix24Endpoint sandbox(Bitrix24Properties properties, long userId, String code) {
        return new Bitrix24Endpoint(properties, "/" + userId + "/" + URLEncoder.encode(code, StandardCharsets.UTF_8),
                null);
    }

    /** The sandbox's Bitrix24 dialect, reached as its local application, whose secret is the sandbox's token. */
    static Bitrix24Endpoint sandboxApplication(Bitrix24Properties properties, String sandboxToken) {
        return new Bitrix24Endpoint(properties, "",
                new Bitrix24Properties.OAuth(SANDBOX_CLIENT_ID, sandboxToken, sandboxToken, null, null));
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (sandboxWebhook != null) {
            LocalServer.baseUrl(event).ifPresent(base -> sandboxBaseUrl = base);
        }
    }

    String restUrl() {
        if (sandboxWebhook != null) {
            return sandboxBaseUrl() + SANDBOX_PATH + sandboxWebhook;
        }
        return properties.hasWebhook() ? properties.webhookUrl() : properties.portalUrl() + "/rest";
    }

    String authorizationServer() {
        return sandboxApplication != null ? sandboxBaseUrl() + SANDBOX_AUTHORIZATION_SERVER_PATH
                : properties.oauth().serverUrl();
    }

    /** The local application's credentials: the configured ones, or the sandbox's application's. */
    Bitrix24Properties.OAuth oauth() {
        return sandboxApplication != null ? sandboxApplication : properties.oauth();
    }

    /** A webhook is its own authorization: its code is in the address. */
    boolean usesWebhook() {
        return sandboxWebhook != null ? sandboxApplication == null : properties.hasWebhook();
    }

    private String sandboxBaseUrl() {
        String base = sandboxBaseUrl;
        if (base == null) {
            throw new CrmUnavailableException("The sandbox CRM is not reachable before the web server has started");
        }
        return base;
    }
}
