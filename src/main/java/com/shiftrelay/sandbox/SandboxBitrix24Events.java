package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The offline events of the sandbox portal's local application (api-reference/events/offline-events.md and the
 * pages of each method): {@code event.bind} with {@code event_type=offline} starts a queue of an event, which the
 * sandbox's deal changes feed in their own transaction; several changes of one deal are one entry, stamped with the
 * latest; a change made with the {@code auth_connector} a binding was made with is not queued for it (the way to
 * keep an application's own writes from coming back). {@code event.offline.get} hands out up to {@code limit} (50)
 * entries, oldest first, and deletes them, or with {@code clear=0} hides them under a new {@code process_id}, gives
 * them again when asked with that id, and deletes them at {@code event.offline.clear}. The sandbox sends no online
 * events to a bound handler: its outbound events go where {@code shiftrelay.sandbox.webhooks} says.
 */
@Component
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24Events {

    static final Set<String> DEAL_EVENTS = Set.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE");
    static final int DEFAULT_LIMIT = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * What the sandbox page shows of the application's offline events: the events bound, the entries waiting, those
     * read with {@code clear=0} and not cleared yet, and how many changes were queued since the sandbox started.
     */
    record Summary(List<String> bound, int queued, int hidden, long recorded) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();

    SandboxBitrix24Events(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Queues the change for every binding of its event made with another connector than the change's, in the
     * change's own transaction: a change that rolls back leaves no event, one that commits cannot lose its event.
     */
    @EventListener
    void leadsChanged(SandboxLeadsChanged change) {
        String event = SandboxLeadsChanged.ADD.equals(change.action()) ? "ONCRMDEALADD" : "ONCRMDEALUPDATE";
        String source = change.source() == null ? "" : change.source();
        Integer listening = jdbc.queryForObject("select count(*) from sandbox_b24_event_bindings where event_name = ?"
                + " and (auth_connector = '' or auth_connector <> ?)", Integer.class, event, source);
        if (listening == null || listening == 0) {
            return;
        }
        OffsetDateTime now = at(clock.instant());
        for (SandboxLeadsChanged.LeadState lead : change.leads()) {
            int updated = jdbc.update("update sandbox_b24_offline_events set timestamp_x = ?, user_id = ?"
                    + " where event_name = ? and deal_id = ? and process_id is null", now, lead.updatedBy(), event,
                    lead.id());
            if (updated == 0) {
                jdbc.update("insert into sandbox_b24_offline_events (event_name, deal_id, user_id, timestamp_x)"
                        + " values (?, ?, ?, ?)", event, lead.id(), lead.updatedBy(), now);
            }
        }
        countOnCommit(change.leads().size());
    }

    private void countOnCommit(int entries) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            recorded.addAndGet(entries);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recorded.addAndGet(entries);
            }
        });
    }

    /** {@code event.bind}: an offline event of a deal, once per event and connector. */
    @Transactional
    ObjectNode bind(JsonNode params) {
        String event = event(params);
        String type = Bitrix24Params.text(params, "event_type");
        if (!"offline".equalsIgnoreCase(type)) {
            throw SandboxBitrix24Error.badArgument("The sandbox binds offline events only (event_type=offline): its"
                    + " outbound events go to shiftrelay.sandbox.webhooks.url");
        }
        String connector = connector(params);
        Integer bound = jdbc.queryForObject("select count(*) from sandbox_b24_event_bindings where event_name = ? and"
                + " auth_connector = ?", Integer.class, event, connector);
        if (bound != null && bound > 0) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "Handler already binded");
        }
        jdbc.update("insert into sandbox_b24_event_bindings (event_name, auth_connector, bound_at) values (?, ?, ?)",
                event, connector, at(clock.instant()));
        return SandboxBitrix24Methods.result(JSON.booleanNode(true));
    }

    /** {@code event.unbind}: removes the offline binding of the event and connector; answers how many it removed. */
    @Transactional
    ObjectNode unbind(JsonNode params) {
        String event = event(params);
        int removed = jdbc.update("delete from sandbox_b24_event_bindings where event_name = ? and auth_connector = ?",
                event, connector(params));
        ObjectNode count = JSON.objectNode();
        count.put("count", removed);
        return SandboxBitrix24Methods.result(count);
    }

    /** {@code event.get}: the application's bindings, in the shape of api-reference/events/event-get.md. */
    @Transactional(readOnly = true)
    ObjectNode bindings() {
        ArrayNode rows = JSON.arrayNode();
        jdbc.query("select event_name, auth_connector from sandbox_b24_event_bindings order by event_name, auth_connector",
                rs -> {
                    ObjectNode row = rows.addObject();
                    row.put("event", rs.getString("event_name"));
                    row.put("handler", "");
                    row.put("auth_type", "0");
                    row.put("offline", 1);
                    if (!rs.getString("auth_connector").isEmpty()) {
                        row.put("auth_connector", rs.getString("auth_connector"));
                    }
                });
        return SandboxBitrix24Methods.result(rows);
    }

    /**
     * {@code event.offline.get}. Concurrent callers get different entries: each marks the entries it takes with its
     * own process id, and an entry another caller marked first is no longer free to take.
     */
    @Transactional
    ObjectNode get(JsonNode params) {
        long clear = Bitrix24Params.number(params, "clear", 1);
        if (clear != 0 && clear != 1) {
            throw SandboxBitrix24Error.badArgument("clear must be 0 or 1, not " + clear);
        }
        long limit = Bitrix24Params.number(params, "limit", DEFAULT_LIMIT);
        if (limit < 1) {
            throw SandboxBitrix24Error.badArgument("limit must be at least 1, not " + limit);
        }
        String asked = Bitrix24Params.text(params, "process_id");
        String processId = asked == null || asked.isBlank() ? newProcessId() : asked;
        if (asked == null || asked.isBlank()) {
            jdbc.update("update sandbox_b24_offline_events set process_id = ? where process_id is null and id in"
                    + " (select id from sandbox_b24_offline_events where process_id is null"
                    + " order by timestamp_x, id limit ?)", processId, limit);
        }
        List<ObjectNode> events = new ArrayList<>();
        jdbc.query("select id, event_name, deal_id, user_id, timestamp_x from sandbox_b24_offline_events"
                + " where process_id = ? order by timestamp_x, id limit ?", rs -> {
                    ObjectNode row = JSON.objectNode();
                    String id = String.valueOf(rs.getLong("id"));
                    row.put("ID", id);
                    row.put("TIMESTAMP_X", SandboxBitrix24Methods.time(
                            rs.getObject("timestamp_x", OffsetDateTime.class).toInstant()));
                    row.put("EVENT_NAME", rs.getString("event_name"));
                    ObjectNode data = row.putObject("EVENT_DATA");
                    data.putObject("FIELDS").put("ID", rs.getLong("deal_id"));
                    row.putObject("EVENT_ADDITIONAL").put("user_id", String.valueOf(rs.getLong("user_id")));
                    row.put("MESSAGE_ID", id);
                    events.add(row);
                }, processId, limit);
        if (clear == 1) {
            jdbc.update("delete from sandbox_b24_offline_events where process_id = ?", processId);
        }
        ObjectNode answer = JSON.objectNode();
        if (clear == 0 && !events.isEmpty()) {
            answer.put("process_id", processId);
        } else {
            answer.putNull("process_id");
        }
        answer.putArray("events").addAll(events);
        return SandboxBitrix24Methods.result(answer);
    }

    /** {@code event.offline.clear}: deletes the entries of a process, or only those of it named by id. */
    @Transactional
    ObjectNode clear(JsonNode params) {
        String processId = Bitrix24Params.text(params, "process_id");
        if (processId == null || processId.isBlank()) {
            throw SandboxBitrix24Error.badArgument("process_id is required");
        }
        JsonNode ids = Bitrix24Params.any(params, "id", "message_id");
        if (ids == null) {
            jdbc.update("delete from sandbox_b24_offline_events where process_id = ?", processId);
        } else {
            for (long id : Bitrix24Params.numbers(ids, params.has("id") ? "id" : "message_id")) {
                jdbc.update("delete from sandbox_b24_offline_events where process_id = ? and id = ?", processId, id);
            }
        }
        return SandboxBitrix24Methods.result(JSON.booleanNode(true));
    }

    @Transactional(readOnly = true)
    Summary summary() {
        List<String> bound = jdbc.query("select event_name, auth_connector from sandbox_b24_event_bindings"
                + " order by event_name, auth_connector", (rs, row) -> rs.getString("event_name")
                + (rs.getString("auth_connector").isEmpty() ? "" : " (" + rs.getString("auth_connector") + ")"));
        Integer queued = jdbc.queryForObject("select count(*) from sandbox_b24_offline_events where process_id is null",
                Integer.class);
        Integer hidden = jdbc.queryForObject("select count(*) from sandbox_b24_offline_events where process_id is not"
                + " null", Integer.class);
        return new Summary(bound, queued == null ? 0 : queued, hidden == null ? 0 : hidden, recorded.get());
    }

    private static String event(JsonNode params) {
        String event = Bitrix24Params.text(params, "event");
        if (event == null || event.isBlank()) {
            throw SandboxBitrix24Error.badArgument("event is required");
        }
        String name = event.toUpperCase(Locale.ROOT);
        if (!DEAL_EVENTS.contains(name)) {
            throw new SandboxBitrix24Error(400, "ERROR_EVENT_NOT_FOUND", "Event not found");
        }
        return name;
    }

    private static String connector(JsonNode params) {
        String connector = Bitrix24Params.text(params, "auth_connector");
        if (connector != null && connector.length() > 64) {
            throw SandboxBitrix24Error.badArgument("auth_connector is longer than 64 characters");
        }
        return connector == null ? "" : connector;
    }

    private static String newProcessId() {
        return SandboxBitrix24Application.randomHex(16);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
