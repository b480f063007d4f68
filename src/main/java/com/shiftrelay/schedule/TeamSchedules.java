package com.shiftrelay.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

/** Teams' schedule settings; a team without a row has the defaults. */
interface TeamSchedules extends JpaRepository<TeamSchedule, Long> {

    default TeamSchedule of(long teamId) {
        return findById(teamId).orElseGet(() -> new TeamSchedule(teamId));
    }
}
