package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Request;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.SpringQueryMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Bitrix24's REST API: every method is {@code POST {rest}/{method}.json} with its parameters as a JSON body and
 * answers {@code {"result":..,"next":..,"total":..,"time":{..}}}. The answer stays a tree here: Bitrix24 sends numbers
 * as strings and flags as "Y"/"N" (or true, or "1"), and {@link Bitrix24Values} turns them into the domain's types
 * strictly. Every method takes the request's timeouts, which {@link Bitrix24Calls} sets per request.
 */
// The url is a placeholder: Bitrix24ClientConfiguration points every request at the webhook or the portal's /rest,
// and the token request at the authorization server.
@FeignClient(name = "bitrix24", url = "http://bitrix24.invalid", configuration = Bitrix24ClientConfiguration.class)
interface Bitrix24Api {

    String TOKEN_PATH = "/oauth/token/";

    @PostMapping(path = "/{method}.json", consumes = "application/json")
    JsonNode call(@PathVariable("method") String method, @RequestBody Map<String, Object> params,
                  Request.Options options);

    /** settings/oauth/auto-renewal.md: a GET with the grant in the query, sent to the authorization server. */
    @GetMapping(TOKEN_PATH)
    TokenAnswer token(@SpringQueryMap Map<String, Object> grant, Request.Options options);

    record TokenAnswer(@JsonProperty("access_token") String accessToken,
                       @JsonProperty("refresh_token") String refreshToken,
                       @JsonProperty("expires_in") Long expiresIn,
                       @JsonProperty("client_endpoint") String clientEndpoint) {
    }
}
