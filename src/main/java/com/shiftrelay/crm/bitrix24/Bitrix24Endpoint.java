package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmException;

/**
 * Where Bitrix24 requests go: the inbound webhook's address ({@code https://{portal}/rest/{user}/{code}}), or the
 * portal's {@code /rest} for a local application, whose token then goes with each request.
 */
final class Bitrix24Endpoint {

    private final Bitrix24Properties properties;

    Bitrix24Endpoint(Bitrix24Properties properties) {
        this.properties = properties;
        if (!properties.hasWebhook() && properties.portalUrl() == null) {
            throw new CrmException("No Bitrix24 portal: set shiftrelay.crm.bitrix24.webhook-url (an inbound webhook,"
                    + " https://<portal>/rest/<user>/<code>/) or shiftrelay.crm.bitrix24.portal-url and the oauth"
                    + " settings of a local application");
        }
    }

    String restUrl() {
        return properties.hasWebhook() ? properties.webhookUrl() : properties.portalUrl() + "/rest";
    }

    String authorizationServer() {
        return properties.oauth().serverUrl();
    }

    /** A webhook is its own authorization: its code is in the address. */
    boolean usesWebhook() {
        return properties.hasWebhook();
    }
}
