package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox portal's OAuth server, standing in for {@code https://oauth.bitrix.info}:
 * {@code GET /sandbox/bitrix24/oauth/token/?grant_type=refresh_token&client_id=..&client_secret=..&refresh_token=..}
 * answers a new pair in the shape of settings/oauth/index.md ({@code access_token}, {@code refresh_token},
 * {@code expires_in}, {@code client_endpoint}, ...), or an OAuth error ({@code invalid_grant} for a spent or unknown
 * refresh token, {@code invalid_client} for another application's credentials).
 */
@RestController
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24OAuthController {

    static final String PATH = "/sandbox/bitrix24/oauth/token";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SandboxBitrix24Application application;

    SandboxBitrix24OAuthController(SandboxBitrix24Application application) {
        this.application = application;
    }

    @RequestMapping(path = {PATH, PATH + "/"}, method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                   @RequestParam(name = "client_id", required = false) String clientId,
                                   @RequestParam(name = "client_secret", required = false) String clientSecret,
                                   @RequestParam(name = "refresh_token", required = false) String refreshToken) {
        SandboxBitrix24Application.Pair pair = application.refresh(grantType, clientId, clientSecret, refreshToken);
        String server = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        ObjectNode answer = JSON.objectNode();
        answer.put("access_token", pair.accessToken());
        answer.put("expires", pair.expiresAt().getEpochSecond());
        answer.put("expires_in", application.accessTokenLifetimeSeconds());
        answer.put("scope", "app");
        answer.put("domain", SandboxBitrix24Api.DOMAIN);
        answer.put("server_endpoint", server + "/sandbox/bitrix24/oauth/rest/");
        answer.put("status", "L");
        answer.put("client_endpoint", server + SandboxBitrix24Guard.PATH + "/");
        answer.put("member_id", "shiftrelay-sandbox");
        answer.put("user_id", 1);
        answer.put("refresh_token", pair.refreshToken());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @ExceptionHandler(SandboxBitrix24Error.class)
    ResponseEntity<JsonNode> refused(SandboxBitrix24Error error) {
        ObjectNode body = JSON.objectNode();
        body.put("error", error.code());
        body.put("error_description", error.getMessage());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
