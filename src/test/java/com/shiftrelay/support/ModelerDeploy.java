package com.shiftrelay.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What Camunda Modeler's Deploy button sends: multipart form data to /engine-rest/deployment/create. */
public final class ModelerDeploy {

    private ModelerDeploy() {
    }

    /** Deploys one file (changed files only, as Modeler does) as {@code login}; the engine's answer. */
    public static HttpResponse<String> deploy(int port, String login, String password, String fileName,
                                              String content) {
        String boundary = "ShiftRelayModelerDeploy";
        String name = fileName.replaceFirst("\\.[a-z]+$", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
                + "Camunda Modeler\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"deploy-changed-only\"\r\n\r\ntrue\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream"
                + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        String credentials = Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The routing table as shipped in processes/. */
    public static String shippedRoutingTable() {
        try (InputStream dmn = ModelerDeploy.class.getClassLoader().getResourceAsStream("processes/DealRouting.dmn")) {
            return new String(dmn.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
