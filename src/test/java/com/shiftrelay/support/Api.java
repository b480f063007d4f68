package com.shiftrelay.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A plain HTTP client for tests that call the running application as a user or an integration would.
 * {@link #browser(int)} keeps cookies, as a browser does.
 */
public final class Api {

    private final ObjectMapper json = new ObjectMapper();
    private final CookieManager cookies;
    private final HttpClient http;
    private final String base;

    public Api(int port) {
        this(port, null);
    }

    private Api(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = cookies == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A client with a cookie jar: session and XSRF-TOKEN cookies are kept and sent back. */
    public static Api browser(int port) {
        return new Api(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /** A response: status, content type, the body parsed as JSON (null when empty or not JSON) and the headers. */
    public record Response(int status, String contentType, String text, JsonNode body, HttpHeaders headers) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Response get(String path, String user, String password) {
        return request("GET", path).basic(user, password).send();
    }

    public Response post(String path, String body, String user, String password) {
        return request("POST", path).basic(user, password).json(body).send();
    }

    public Response put(String path, String body, String user, String password) {
        return request("PUT", path).basic(user, password).json(body == null ? "" : body).send();
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** The value of a cookie this client holds for a path, as a page there would read it. */
    public Optional<String> cookie(String name, String path) {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().get(URI.create(base + path)).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                .sorted((a, b) -> Integer.compare(pathLength(b), pathLength(a)))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private static int pathLength(HttpCookie cookie) {
        return cookie.getPath() == null ? 0 : cookie.getPath().length();
    }

    /** One request being put together. */
    public final class Request {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(base + path));
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request basic(String user, String password) {
            if (user != null) {
                String credentials = Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                builder.header("Authorization", "Basic " + credentials);
            }
            return this;
        }

        /** A JSON body; null sends none, with the JSON content type all the same. */
        public Request json(String text) {
            builder.header("Content-Type", "application/json");
            body = text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Request form(String encoded) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(encoded);
            return this;
        }

        /**
         * A body as it is, e.g. {@code BodyPublishers.ofByteArray} (with its length) or {@code ofInputStream}
         * (chunked); a null content type sends none.
         */
        public Request body(String contentType, HttpRequest.BodyPublisher publisher) {
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            body = publisher;
            return this;
        }

        public Response send() {
            try {
                HttpResponse<String> response = http.send(builder.method(method, body).build(),
                        HttpResponse.BodyHandlers.ofString());
                String text = response.body();
                JsonNode parsed = null;
                if (text != null && !text.isBlank()) {
                    try {
                        parsed = json.readTree(text);
                    } catch (IOException notJson) {
                        parsed = null;
                    }
                }
                return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        text, parsed, response.headers());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
