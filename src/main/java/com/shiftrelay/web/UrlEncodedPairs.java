package com.shiftrelay.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name-value pairs of {@code application/x-www-form-urlencoded} text (a form body, a query string), decoded as
 * UTF-8, in the order they came, repeated names included: the raw material of PHP-style bracket parameters that
 * amoCRM and Bitrix24 send and take.
 */
public final class UrlEncodedPairs {

    private UrlEncodedPairs() {
    }

    /** @throws IllegalArgumentException naming what is wrong when the text is not URL-encoded */
    public static List<Map.Entry<String, String>> of(String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pairs;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
        return pairs;
    }
}
