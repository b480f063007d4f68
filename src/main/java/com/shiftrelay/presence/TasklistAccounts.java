package com.shiftrelay.presence;

/** Managers are users of Camunda Tasklist; a team is a group there. */
public interface TasklistAccounts {

    /** Creates or updates the manager's user, the team's group and the membership. */
    void sync(Manager manager, Team team, String initialPassword);
}
