package com.shiftrelay.schedule.process;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * BPMN TeamSweeps, CallActivity_SweepDeals: its collection, {@code ${sweepIds.list(offlineManagerIds)}}. The ids are
 * kept as one string so the process needs no serialised objects.
 */
@Component("sweepIds")
public class SweepIds {

    public List<Long> list(String joined) {
        return ScheduleVariables.ids(joined);
    }
}
