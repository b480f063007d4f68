package com.shiftrelay.schedule;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Managers' schedules; a manager without one is restricted by none. */
interface ManagerSchedules extends JpaRepository<ManagerSchedule, Long> {

    List<ManagerSchedule> findByManagerIdIn(Collection<Long> managerIds);
}
