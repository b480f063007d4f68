package com.shiftrelay.telephony;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The calls stored, one row per provider and call id ({@code telephony_calls}). */
@Repository
class TelephonyCalls {

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    TelephonyCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // Bound by their Java types: typed by the table's metadata, PostgreSQL's driver refuses an OffsetDateTime.
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("telephony_calls")
                .withoutTableColumnMetaDataAccess().usingGeneratedKeyColumns("id")
                .usingColumns("provider", "provider_call_id", "direction", "client_number", "manager_id", "answered",
                        "duration_seconds", "started_at", "received_at");
    }

    boolean exists(String provider, String callId) {
        Integer found = jdbc.queryForObject("select count(*) from telephony_calls where provider = ? and"
                + " provider_call_id = ?", Integer.class, provider, callId);
        return found != null && found > 0;
    }

    /** The new row's id; a call stored already fails on the unique key. */
    long add(Call call, Instant receivedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("provider", call.provider());
        row.put("provider_call_id", call.callId());
        row.put("direction", call.direction().name());
        row.put("client_number", call.clientNumber());
        row.put("manager_id", call.managerId());
        row.put("answered", call.answered());
        row.put("duration_seconds", (int) Math.min(Integer.MAX_VALUE, call.duration().toSeconds()));
        row.put("started_at", call.startedAt().atOffset(ZoneOffset.UTC));
        row.put("received_at", receivedAt.atOffset(ZoneOffset.UTC));
        return insert.executeAndReturnKey(row).longValue();
    }

    int count() {
        Integer count = jdbc.queryForObject("select count(*) from telephony_calls", Integer.class);
        return count == null ? 0 : count;
    }
}
