package com.shiftrelay.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** Every webhook delivery stored ({@code webhook_delivery}), known by the SHA-256 of its body. */
@Repository
class WebhookDeliveries {

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // Values are bound by their Java type: typed by the table's metadata, PostgreSQL's driver refuses an
        // OffsetDateTime for a timestamptz column.
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("webhook_delivery")
                .withoutTableColumnMetaDataAccess().usingGeneratedKeyColumns("id")
                .usingColumns("source", "delivery_key", "received_at", "size_bytes", "change_count");
    }

    boolean exists(String source, String deliveryKey) {
        Integer found = jdbc.queryForObject("select count(*) from webhook_delivery where source = ? and delivery_key = ?",
                Integer.class, source, deliveryKey);
        return found != null && found > 0;
    }

    /** Returns the new delivery's id; a delivery stored already fails on the unique key. */
    long add(String source, String deliveryKey, Instant receivedAt, int sizeBytes, int changeCount) {
        return insert.executeAndReturnKey(Map.of("source", source, "delivery_key", deliveryKey,
                "received_at", receivedAt.atOffset(ZoneOffset.UTC), "size_bytes", sizeBytes,
                "change_count", changeCount)).longValue();
    }
}
