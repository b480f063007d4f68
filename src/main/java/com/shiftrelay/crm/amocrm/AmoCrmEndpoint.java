package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmProperties;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.web.LocalServer;
import java.util.Optional;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where amoCRM requests go and which fixed token they carry. The sandbox is this application itself, so its
 * address is only known once the web server has started (tests run on random ports).
 */
final class AmoCrmEndpoint implements ApplicationListener<WebServerInitializedEvent> {

    static final String SANDBOX_PATH = "/sandbox/amocrm";

    private final CrmProperties crm;
    private final AmoCrmProperties amo;
    private final String sandboxToken;
    private volatile String sandboxBaseUrl;

    AmoCrmEndpoint(CrmProperties crm, AmoCrmProperties amo, String sandboxToken) {
        this.crm = crm;
        this.amo = amo;
        this.sandboxToken = sandboxToken;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        LocalServer.baseUrl(event).ifPresent(base -> sandboxBaseUrl = base + SANDBOX_PATH);
    }

    boolean sandbox() {
        return crm.provider() == CrmProperties.Provider.SANDBOX;
    }

    String baseUrl() {
        if (sandbox()) {
            String url = sandboxBaseUrl;
            if (url == null) {
                throw new CrmUnavailableException("The sandbox CRM is not reachable before the web server has started");
            }
            return url;
        }
        if (amo.baseUrl() == null || amo.baseUrl().isBlank()) {
            throw new CrmException("shiftrelay.crm.amocrm.base-url is not set");
        }
        return amo.baseUrl();
    }

    /** The token that needs no OAuth: the sandbox's, or a long-lived one; empty when OAuth is in use. */
    Optional<String> fixedToken() {
        if (sandbox()) {
            return Optional.of(sandboxToken);
        }
        return amo.hasLongLivedToken() ? Optional.of(amo.longLivedToken()) : Optional.empty();
    }
}
