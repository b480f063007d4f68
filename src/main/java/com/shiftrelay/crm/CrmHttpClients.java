package com.shiftrelay.crm;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP client each CRM adapter's Feign client runs on: a connection pool of the adapter's own, and not Spring
 * Cloud's shared client, whose default retry strategy sends a request again after a 429, a 503 or an I/O error by
 * itself, unseen by the adapter's rate limiting and its call's time budget (behind a Bitrix24 bucket's back it would
 * overflow it).
 */
public final class CrmHttpClients {

    /** More than the job executor's threads, so no request waits for a connection. */
    static final int MAX_CONNECTIONS = 20;

    private CrmHttpClients() {
    }

    /** A pooled client with HttpClient's retries and cookies off; the caller closes it with its context. */
    public static CloseableHttpClient pooled() {
        return HttpClients.custom()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                // a kept-alive connection the server has dropped is found out before use
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .build();
    }
}
