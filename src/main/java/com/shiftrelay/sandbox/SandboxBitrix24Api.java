package com.shiftrelay.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's Bitrix24 dialect: {@code /sandbox/bitrix24/rest/{user}/{code}/{method}.json}, an inbound webhook of a
 * portal, and {@code /sandbox/bitrix24/rest/{method}.json} for its local application
 * (settings/how-to-call-rest-api/general-principles.md), each taking a JSON body, a form or a query string, with
 * {@code batch} (settings/how-to-call-rest-api/batch.md) and every answer's {@code time} block. Its door (credentials,
 * leaky bucket, outage) is {@link SandboxBitrix24Guard}; its methods are {@link SandboxBitrix24Methods}.
 */
@RestController
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24Api {

    /** The portal's domain, as its events name it in {@code auth[domain]}. */
    static final String DOMAIN = "sandbox.bitrix24.local";
    static final int MAX_BATCH = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern REFERENCE = Pattern.compile("\\$result\\[([^\\]]+)]((?:\\[[^\\]]*])*)");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\]]*)]");

    private final SandboxBitrix24Methods methods;
    private final SandboxBitrix24Application application;
    private final ObjectMapper json;
    private final Clock clock;

    SandboxBitrix24Api(SandboxBitrix24Methods methods, SandboxBitrix24Application application, ObjectMapper json,
                       ObjectProvider<Clock> clock) {
        this.methods = methods;
        this.application = application;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A call through the inbound webhook, whose user and code {@link SandboxBitrix24Guard} has checked. */
    @RequestMapping(path = SandboxBitrix24Guard.PATH + "/{user}/{code}/{method}",
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> call(@PathVariable String method, HttpServletRequest request) throws IOException {
        Instant start = clock.instant();
        return answer(method, params(request), SandboxBitrix24Methods.Caller.WEBHOOK, start);
    }

    /**
     * A call of the local application: {@code /rest/{method}.json} with its access token as {@code auth}, in the
     * query, the form or the JSON body (settings/how-to-call-rest-api/general-principles.md).
     */
    @RequestMapping(path = SandboxBitrix24Guard.PATH + "/{method}",
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> callAsApplication(@PathVariable String method, HttpServletRequest request)
            throws IOException {
        Instant start = clock.instant();
        ObjectNode params = params(request);
        JsonNode auth = params.remove("auth");
        application.authorize(auth == null || !auth.isValueNode() ? null : auth.asText());
        return answer(method, params, SandboxBitrix24Methods.Caller.APPLICATION, start);
    }

    private ResponseEntity<JsonNode> answer(String method, ObjectNode params, SandboxBitrix24Methods.Caller caller,
                                            Instant start) {
        String name = method.toLowerCase(Locale.ROOT).endsWith(".json")
                ? method.substring(0, method.length() - ".json".length()) : method;
        ObjectNode answer = name.equalsIgnoreCase("batch") ? batch(params, caller) : methods.call(name, params, caller);
        answer.set("time", time(start));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @ExceptionHandler(SandboxBitrix24Error.class)
    ResponseEntity<JsonNode> refused(SandboxBitrix24Error error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error(error));
    }

    /**
     * Up to 50 commands, each {@code method?query}, run in order; with {@code halt=1} the first error stops the rest.
     * Each command's result, total, next and time go under its key, its error under the same key in
     * {@code result_error}; an empty one of them is {@code []}, as PHP writes an empty array.
     */
    private ObjectNode batch(JsonNode params, SandboxBitrix24Methods.Caller caller) {
        JsonNode commands = Bitrix24Params.any(params, "cmd", "CMD");
        if (commands == null || !commands.isObject() || commands.isEmpty()) {
            throw SandboxBitrix24Error.badArgument("cmd must name the commands of the batch");
        }
        boolean halt = Bitrix24Params.number(params, "halt", 0) == 1;
        ObjectNode results = JSON.objectNode();
        ObjectNode errors = JSON.objectNode();
        ObjectNode totals = JSON.objectNode();
        ObjectNode nexts = JSON.objectNode();
        ObjectNode times = JSON.objectNode();
        int position = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = commands.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> command = it.next();
            position++;
            if (position > MAX_BATCH) {
                errors.set(command.getKey(), error(new SandboxBitrix24Error(400, "ERROR_BATCH_LENGTH_EXCEEDED",
                        "Max batch length exceeded")));
                continue;
            }
            Instant start = clock.instant();
            String text = command.getValue().asText();
            int question = text.indexOf('?');
            String name = question < 0 ? text : text.substring(0, question);
            try {
                if (name.equalsIgnoreCase("batch")) {
                    throw new SandboxBitrix24Error(400, "ERROR_BATCH_METHOD_NOT_ALLOWED",
                            "Method is not allowed for batch usage");
                }
                ObjectNode commandParams = Bitrix24Params.fromQuery(question < 0 ? "" : text.substring(question + 1));
                resolveReferences(commandParams, results);
                ObjectNode answer = methods.call(name, commandParams, caller);
                results.set(command.getKey(), answer.get("result"));
                if (answer.has("total")) {
                    totals.set(command.getKey(), answer.get("total"));
                }
                if (answer.has("next")) {
                    nexts.set(command.getKey(), answer.get("next"));
                }
                times.set(command.getKey(), time(start));
            } catch (SandboxBitrix24Error e) {
                errors.set(command.getKey(), error(e));
                if (halt) {
                    break;
                }
            }
        }
        ObjectNode batch = JSON.objectNode();
        batch.set("result", orEmptyArray(results));
        batch.set("result_error", orEmptyArray(errors));
        batch.set("result_total", orEmptyArray(totals));
        batch.set("result_next", orEmptyArray(nexts));
        batch.set("result_time", orEmptyArray(times));
        ObjectNode answer = JSON.objectNode();
        answer.set("result", batch);
        return answer;
    }

    /**
     * A command's values that name an earlier command's result, {@code $result[key][0][ID]} (batch.md, "Using
     * Results"), become that value; one that names nothing (the command failed, the list was shorter) becomes empty.
     */
    private static void resolveReferences(JsonNode node, ObjectNode results) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(JSON.textNode(substitute(field.getValue().asText(), results)));
                } else {
                    resolveReferences(field.getValue(), results);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, JSON.textNode(substitute(array.get(i).asText(), results)));
                } else {
                    resolveReferences(array.get(i), results);
                }
            }
        }
    }

    private static String substitute(String text, ObjectNode results) {
        if (!text.contains("$result[")) {
            return text;
        }
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            JsonNode target = results.path(reference.group(1));
            Matcher segment = SEGMENT.matcher(reference.group(2));
            while (segment.find()) {
                String name = segment.group(1);
                target = name.matches("\\d+") ? target.path(Integer.parseInt(name)) : target.path(name);
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(target.isValueNode() ? target.asText() : ""));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    /** The query string's parameters, then the form's or the JSON body's over them. */
    private ObjectNode params(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            ObjectNode params = Bitrix24Params.fromQuery(request.getQueryString());
            JsonNode body;
            try {
                body = json.readTree(request.getInputStream());
            } catch (JsonProcessingException e) {
                throw SandboxBitrix24Error.badArgument("The body is not JSON: " + e.getOriginalMessage());
            }
            if (body != null && !body.isMissingNode() && !body.isNull()) {
                if (!body.isObject()) {
                    throw SandboxBitrix24Error.badArgument("The body must be a JSON object of the method's parameters");
                }
                params.setAll((ObjectNode) body);
            }
            return params;
        }
        return Bitrix24Params.fromForm(request.getParameterMap());
    }

    private static JsonNode orEmptyArray(ObjectNode node) {
        return node.isEmpty() ? JSON.arrayNode() : node;
    }

    private static ObjectNode error(SandboxBitrix24Error error) {
        ObjectNode body = JSON.objectNode();
        body.put("error", error.code());
        body.put("error_description", error.getMessage());
        return body;
    }

    /** The {@code time} block of an answer (api-reference/data-types.md#time); the sandbox's methods never block. */
    private ObjectNode time(Instant start) {
        Instant finish = clock.instant();
        double seconds = (finish.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        ObjectNode time = JSON.objectNode();
        time.put("start", start.toEpochMilli() / 1000.0);
        time.put("finish", finish.toEpochMilli() / 1000.0);
        time.put("duration", seconds);
        time.put("processing", seconds);
        time.put("date_start", SandboxBitrix24Methods.time(start));
        time.put("date_finish", SandboxBitrix24Methods.time(finish));
        time.put("operating_reset_at", finish.getEpochSecond() + 600);
        time.put("operating", 0);
        return time;
    }
}
