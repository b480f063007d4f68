package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's SMS outbox, speaking SMS.ru's {@code POST /sms/send} ({@code api_id}, {@code to}, {@code msg},
 * {@code json=1}) at {@code /sandbox/smsru/sms/send}, so ShiftRelay's SMS.ru adapter sends the demo's texts as it
 * sends real ones. It answers in SMS.ru's shape: the request's {@code status} and {@code status_code} (100 done, 200
 * a wrong {@code api_id}), and each number's own under {@code sms} (202 for a number it cannot text). A simulated
 * failure answers every request with the code it was given (220: "temporarily unavailable").
 */
@RestController
@ConditionalOnSandboxCrm
class SandboxSmsOutbox {

    static final String PATH = "/sandbox/smsru/sms/send";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One SMS the outbox took. */
    record Sms(long id, String number, String text, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;
    private final String apiId;
    private final Clock clock;
    private final AtomicInteger failing = new AtomicInteger();

    SandboxSmsOutbox(JdbcTemplate jdbc, SandboxProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        // Bound by their Java types: typed by the table's metadata, PostgreSQL's driver refuses an OffsetDateTime.
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("sandbox_sms_outbox")
                .withoutTableColumnMetaDataAccess().usingGeneratedKeyColumns("id")
                .usingColumns("number", "text", "sent_at");
        this.apiId = properties.token();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ObjectNode send(@RequestParam(name = "api_id", required = false) String key,
                    @RequestParam(name = "to", required = false) String to,
                    @RequestParam(name = "msg", required = false) String text) {
        int failure = failing.get();
        if (failure != 0) {
            return status("ERROR", failure, "Сервис временно недоступен (имитация песочницы)");
        }
        if (!apiId.equals(key)) {
            return status("ERROR", 200, "Неправильный api_id");
        }
        if (text == null || text.isBlank()) {
            return status("ERROR", 204, "Текст сообщения пуст");
        }
        if (to == null || to.isBlank()) {
            return status("ERROR", 202, "Неправильно указан номер телефона получателя");
        }
        ObjectNode answer = status("OK", 100, null);
        ObjectNode sms = answer.putObject("sms");
        for (String number : to.split(",")) {
            String digits = number.strip();
            if (!digits.matches("\\d{11,15}")) {
                ObjectNode refused = sms.putObject(digits);
                refused.put("status", "ERROR");
                refused.put("status_code", 202);
                refused.put("status_text", "Неправильно указан номер телефона получателя");
                continue;
            }
            ObjectNode sent = sms.putObject(digits);
            sent.put("status", "OK");
            sent.put("status_code", 100);
            sent.put("sms_id", "sandbox-" + store(digits, text));
        }
        answer.put("balance", 100.0);
        return answer;
    }

    /** The outbox answers every request with {@code code} (220: SMS.ru temporarily unavailable), or 0 for none. */
    void simulateFailure(int code) {
        failing.set(code);
    }

    int failure() {
        return failing.get();
    }

    /** The latest SMS, newest first. */
    @Transactional(readOnly = true)
    List<Sms> recent(int limit) {
        return jdbc.query("select id, number, text, sent_at from sandbox_sms_outbox order by id desc limit ?",
                (rs, row) -> new Sms(rs.getLong("id"), rs.getString("number"), rs.getString("text"),
                        rs.getObject("sent_at", OffsetDateTime.class).toInstant()), limit);
    }

    private long store(String number, String text) {
        return insert.executeAndReturnKey(Map.of("number", number, "text", text,
                "sent_at", clock.instant().atOffset(ZoneOffset.UTC))).longValue();
    }

    private static ObjectNode status(String status, int code, String text) {
        ObjectNode answer = JSON.objectNode();
        answer.put("status", status);
        answer.put("status_code", code);
        if (text != null) {
            answer.put("status_text", text);
        }
        return answer;
    }
}
