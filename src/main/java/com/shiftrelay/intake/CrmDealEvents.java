package com.shiftrelay.intake;

import com.shiftrelay.crm.CrmDealChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** Each deal change a CRM reported, stored once under its event key ({@code crm_deal_event}). */
@Repository
class CrmDealEvents {

    /** Keys looked up per query: a megabyte of webhook can name more leads than PostgreSQL takes parameters. */
    private static final int KEYS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    CrmDealEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // Values are bound by their Java type: typed by the table's metadata, PostgreSQL's driver refuses an
        // OffsetDateTime for a timestamptz column.
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("crm_deal_event")
                .withoutTableColumnMetaDataAccess().usingGeneratedKeyColumns("id")
                .usingColumns("source", "event_key", "delivery_id", "deal_id", "kind", "name", "pipeline_id",
                        "status_id", "previous_pipeline_id", "previous_status_id", "responsible_id",
                        "previous_responsible_id", "price", "tags", "modified_by", "changed_at", "received_at");
    }

    /** Those of the keys stored already. */
    Set<String> storedOf(String source, Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(source);
            args.addAll(chunk);
            stored.addAll(jdbc.queryForList("select event_key from crm_deal_event where source = ? and event_key in ("
                    + marks + ")", String.class, args.toArray()));
        }
        return stored;
    }

    /** Returns the new event's id; an event key stored already fails on the unique key. */
    long add(String source, String eventKey, long deliveryId, CrmDealChange change, Instant receivedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", source);
        row.put("event_key", eventKey);
        row.put("delivery_id", deliveryId);
        row.put("deal_id", change.dealId());
        row.put("kind", change.kind().name());
        row.put("name", change.name());
        row.put("pipeline_id", change.pipelineId());
        row.put("status_id", change.statusId());
        row.put("previous_pipeline_id", change.previousPipelineId());
        row.put("previous_status_id", change.previousStatusId());
        row.put("responsible_id", change.responsibleId());
        row.put("previous_responsible_id", change.previousResponsibleId());
        row.put("price", change.price());
        row.put("tags", change.tags().isEmpty() ? null : String.join("\n", change.tags()));
        row.put("modified_by", change.modifiedBy());
        row.put("changed_at", change.changedAt() == null ? null : change.changedAt().atOffset(ZoneOffset.UTC));
        row.put("received_at", receivedAt.atOffset(ZoneOffset.UTC));
        return insert.executeAndReturnKey(row).longValue();
    }
}
