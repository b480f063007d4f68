package com.shiftrelay.crm.amocrm;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feign over the JDK's HttpClient. Feign's default client rides on HttpURLConnection, which refuses PATCH, and
 * amoCRM updates leads with PATCH; no Feign HTTP-client module is among the project's dependencies.
 */
final class JdkHttpFeignClient implements Client {

    // The JDK client sets these itself and throws if a caller does.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;

    JdkHttpFeignClient(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(options.readTimeoutMillis()))
                .method(request.httpMethod().name(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling " + request.url(), e);
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach(headers::put);
        return Response.builder()
                .status(answer.statusCode())
                .request(request)
                .headers(headers)
                .body(answer.body())
                .build();
    }
}
