package com.shiftrelay.schedule;

import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's roster, for any signed-in user (a team's schedule is no secret within the company), and the page that
 * shows it ({@code static/roster/index.html}).
 */
@RestController
class RosterController {

    private final Rosters rosters;

    RosterController(Rosters rosters) {
        this.rosters = rosters;
    }

    @GetMapping("/roster")
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/roster/index.html")).build();
    }

    /** {@code ?from=2026-12-01&to=2026-12-14}; without them today and the next 13 days, in the team's zone. */
    @GetMapping("/api/teams/{id}/roster")
    Rosters.Roster roster(@PathVariable long id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rosters.of(id, from, to);
    }
}
