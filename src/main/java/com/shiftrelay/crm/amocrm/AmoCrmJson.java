package com.shiftrelay.crm.amocrm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * amoCRM's JSON dialect: snake_case names, unknown fields ignored, nulls left out. Kept to this client so the
 * application's own ObjectMapper settings neither leak in nor depend on amoCRM; Feign's Jackson encoder and
 * decoder use it.
 */
final class AmoCrmJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    /** The error body as a problem document, or empty when there is none or it is not JSON (429s often are not). */
    Optional<AmoCrmApi.Problem> problemOf(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(body, AmoCrmApi.Problem.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static byte[] bodyOf(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return Util.toByteArray(in);
        }
    }
}
