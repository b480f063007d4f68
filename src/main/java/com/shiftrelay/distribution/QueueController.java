package com.shiftrelay.distribution;

import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The teams' waiting queues: which deals wait for somebody eligible, in which order, and for how long. */
@RestController
@RequestMapping("/api/queue")
class QueueController {

    private final WaitingQueue queue;
    private final Teams teams;
    private final Clock clock;

    QueueController(WaitingQueue queue, Teams teams, Clock clock) {
        this.queue = queue;
        this.teams = teams;
        this.clock = clock;
    }

    /** A waiting deal: its place in the team's queue (from 1), since when and how long it has waited, and why. */
    record QueuedView(int position, long dealId, String dealName, long teamId, String teamName, Instant since,
                      long ageSeconds, String ruleId, String note) {
    }

    @GetMapping
    List<QueuedView> waiting(@RequestParam(required = false) Long teamId) {
        if (teamId != null && !teams.existsById(teamId)) {
            throw new NotFoundException("No team " + teamId);
        }
        Instant now = clock.instant();
        Map<Long, String> names = teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        return queue.waiting(teamId).stream()
                .map(w -> new QueuedView(w.position(), w.dealId(), w.dealName(), w.teamId(), names.get(w.teamId()),
                        w.since(), Math.max(0, Duration.between(w.since(), now).toSeconds()), w.ruleId(), w.note()))
                .toList();
    }
}
