package com.shiftrelay.sms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ledger of SMS ({@code sms_messages}), one row per key: what became of the SMS meant for it. */
@Repository
class SmsMessages {

    /** What became of an SMS: being sent (or sent when the node died), sent, or not sent by the throttle. */
    enum Outcome {
        SENDING, SENT, THROTTLED
    }

    private final JdbcTemplate jdbc;

    SmsMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Outcome> outcome(String key) {
        List<String> rows = jdbc.queryForList("select outcome from sms_messages where message_key = ?", String.class,
                key);
        return rows.stream().findFirst().map(Outcome::valueOf);
    }

    /** A new row; a key written before fails on the unique key. */
    void add(String key, String number, String text, Outcome outcome, Instant now) {
        jdbc.update("insert into sms_messages (message_key, number, text, outcome, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", key, number, text, outcome.name(), now.atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC));
    }

    void sent(String key, String gatewayId, Instant now) {
        jdbc.update("update sms_messages set outcome = ?, gateway_id = ?, updated_at = ? where message_key = ?",
                Outcome.SENT.name(), gatewayId, now.atOffset(ZoneOffset.UTC), key);
    }

    /** The gateway certainly did not send it: the key may try again. */
    void forget(String key) {
        jdbc.update("delete from sms_messages where message_key = ? and outcome = ?", key, Outcome.SENDING.name());
    }

    int sentTo(String number) {
        Integer sent = jdbc.queryForObject("select count(*) from sms_messages where number = ? and outcome in (?, ?)",
                Integer.class, number, Outcome.SENT.name(), Outcome.SENDING.name());
        return sent == null ? 0 : sent;
    }
}
