package com.shiftrelay.distribution;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the assignment log: why every deal went where it went. A hand-over of thousands of deals writes thousands
 * of decisions in its planning transaction, so they go in as one JDBC batch rather than entity by entity.
 */
@Component
public class AssignmentLog {

    private static final int NOTE_LENGTH = 500;
    private static final int ANNOTATION_LENGTH = 2000;
    private static final int SKIPS_KEPT = 100;

    private final JdbcTemplate jdbc;

    AssignmentLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One decision about one deal. {@code route} may be null (no table was asked); {@code skipped} may be empty. */
    public record Decision(Instant at, long dealId, AssignmentEntry.Kind kind, String runId, Long teamId, Route route,
                           Strategy strategy, Long managerId, Long fromManagerId, List<AssignmentPlanner.Skip> skipped,
                           String note) {

        public Decision {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }

    public void record(Decision decision) {
        record(List.of(decision));
    }

    public void record(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into assignment_log (decided_at, deal_id, kind, run_id, team_id, rule_id, rule_annotation,
                    decision_version, strategy, manager_id, from_manager_id, skipped, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, decisions, 500, (statement, d) -> {
            Route route = d.route();
            statement.setObject(1, OffsetDateTime.ofInstant(d.at(), ZoneOffset.UTC));
            statement.setLong(2, d.dealId());
            statement.setString(3, d.kind().name());
            statement.setString(4, d.runId());
            statement.setObject(5, d.teamId());
            statement.setString(6, route == null ? null : route.ruleId());
            statement.setString(7, route == null ? null : clip(route.annotation(), ANNOTATION_LENGTH));
            statement.setObject(8, route == null ? null : route.decisionVersion());
            statement.setString(9, d.strategy() == null ? null : d.strategy().name());
            statement.setObject(10, d.managerId());
            statement.setObject(11, d.fromManagerId());
            statement.setString(12, skipped(d.skipped()));
            statement.setString(13, clip(d.note(), NOTE_LENGTH));
        });
    }

    /** The first {@value #SKIPS_KEPT} candidates passed over; beyond that only how many more ("+N"). */
    private static String skipped(List<AssignmentPlanner.Skip> skipped) {
        if (skipped.isEmpty()) {
            return null;
        }
        String kept = skipped.stream().limit(SKIPS_KEPT)
                .map(skip -> skip.managerId() + ":" + skip.reason().name())
                .collect(Collectors.joining(","));
        return skipped.size() > SKIPS_KEPT ? kept + ",+" + (skipped.size() - SKIPS_KEPT) : kept;
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
