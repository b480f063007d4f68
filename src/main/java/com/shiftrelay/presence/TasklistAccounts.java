package com.shiftrelay.presence;

import java.util.Collection;
import java.util.Map;

/** Managers are users of Camunda Tasklist; a team is a group there. */
public interface TasklistAccounts {

    /**
     * Creates or updates each manager's user, their team's group and the membership, in one go (the
     * engine does not see its own unflushed identity changes, so one call must know what it created).
     */
    void sync(Collection<Manager> managers, Map<Long, Team> teams, String initialPassword);

    /** The manager may no longer sign in to Tasklist: their user and group memberships are removed. */
    void remove(Manager manager);
}
