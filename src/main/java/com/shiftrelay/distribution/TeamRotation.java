package com.shiftrelay.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a team's rotation stands, kept in the database so that a restart or a second node neither resets nor repeats
 * it. Changed only while the team's row is locked (see {@link DealPlacement}).
 */
@Entity
@Table(name = "team_rotation")
public class TeamRotation {

    @Id
    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "last_manager_id")
    private Long lastManagerId;

    /** The smooth weighted round robin's current weights, "managerId:weight" pairs separated by commas. */
    @Column(name = "current_weights", nullable = false, length = 4000)
    private String currentWeights = "";

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TeamRotation() {
    }

    public TeamRotation(long teamId) {
        this.teamId = teamId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public AssignmentPlanner.Rotation rotation() {
        Map<Long, Long> weights = new TreeMap<>();
        if (!currentWeights.isBlank()) {
            Arrays.stream(currentWeights.split(",")).map(pair -> pair.split(":"))
                    .forEach(pair -> weights.put(Long.parseLong(pair[0]), Long.parseLong(pair[1])));
        }
        return new AssignmentPlanner.Rotation(lastManagerId, weights);
    }

    public void moveTo(AssignmentPlanner.Rotation rotation, Instant now) {
        this.lastManagerId = rotation.lastManagerId();
        this.currentWeights = new TreeMap<>(rotation.currentWeights()).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue()).collect(Collectors.joining(","));
        this.updatedAt = now;
    }
}
