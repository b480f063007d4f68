package com.shiftrelay.handover;

import com.shiftrelay.presence.ManagerAccess;
import com.shiftrelay.security.ApiRoles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read a hand-over or return run: an administrator any, a manager their own (the run's manager:
 * the one who left for a hand-over, the one coming back for a return). Used by the API's
 * {@code @PreAuthorize} rules as {@code @runAccess}.
 */
@Component("runAccess")
public class RunAccess {

    private final Handovers handovers;
    private final ManagerAccess managers;

    RunAccess(Handovers handovers, ManagerAccess managers) {
        this.handovers = handovers;
        this.managers = managers;
    }

    /** A run that does not exist is nobody's own: a manager is refused (403), an administrator learns 404. */
    public boolean mayRead(Authentication caller, String runId) {
        return ApiRoles.isAdmin(caller) || handovers.findById(runId)
                .map(run -> run.getManagerId() != null && managers.isSelfOrAdmin(caller, run.getManagerId()))
                .orElse(false);
    }
}
