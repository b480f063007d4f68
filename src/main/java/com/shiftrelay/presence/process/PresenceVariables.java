package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ConfirmationDeadline;
import com.shiftrelay.presence.PresenceState;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The presence process's variables and messages: names in one place, read through typed accessors. */
final class PresenceVariables {

    static final String PROCESS_KEY = "ManagerPresence";
    static final String START_SHIFT_PROCESS_KEY = "StartShift";

    static final String MANAGER_ID = "managerId";
    static final String MANAGER_LOGIN = "managerLogin";
    static final String TEAM_ID = "teamId";
    static final String HANDOVER_OUTCOME = "handoverOutcome";
    static final String WHILE_AWAY = "whileAway";
    static final String INACTIVE = "inactive";
    static final String NEXT_CHECK_AT = "nextCheckAt";
    static final String WENT_OFFLINE = "wentOffline";
    static final String CONFIRMATION_DUE_AT = "confirmationDueAt";
    /** Read by the presence check's form: until when, in the managers' zone, and how long, in Russian. */
    static final String CONFIRMATION_DEADLINE = "confirmationDeadline";
    static final String CONFIRMATION_WINDOW = "confirmationWindow";
    /** Why the presence check asks: INACTIVITY (the default) or SHIFT_END, set by the ShiftEnded message. */
    static final String PRESENCE_CHECK_REASON = "presenceCheckReason";
    static final String REASON_SHIFT_END = "SHIFT_END";
    static final String REASON_INACTIVITY = "INACTIVITY";
    /** The presence check's task name and the first sentence of its form, in Russian. */
    static final String PRESENCE_CHECK_TITLE = "presenceCheckTitle";
    static final String PRESENCE_CHECK_WHY = "presenceCheckWhy";
    static final String MESSAGE_SHIFT_ENDED = "ShiftEnded";
    /** Read in Cockpit: who the instance is about and where they stand, next to the bare business key. */
    static final String MANAGER_NAME = "managerName";
    static final String PRESENCE_STATE = "presenceState";
    static final String STARTER_LOGIN = "starterLogin";
    static final String KNOWN_MANAGER = "knownManager";

    static final String MESSAGE_PRESENCE_CONFIRMED = "PresenceConfirmed";
    static final String MESSAGE_ACTIVITY_NOTICED = "ActivityNoticed";
    static final String MESSAGE_WENT_OFFLINE = "WentOffline";
    static final String MESSAGE_TEAM_MEMBER_CAME_ONLINE = "TeamMemberCameOnline";
    static final String MESSAGE_MANAGER_DEACTIVATED = "ManagerDeactivated";
    static final String MESSAGE_DIRECTORY_SYNC_REQUESTED = "DirectorySyncRequested";

    /** No hand-over has run yet in this instance. */
    static final String NO_HANDOVER = "NONE";

    private PresenceVariables() {
    }

    static long managerId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MANAGER_ID)).longValue();
    }

    /** The last hand-over found nobody to take the deals. */
    static boolean dealsWaiting(DelegateExecution execution) {
        return "WAITING".equals(execution.getVariable(HANDOVER_OUTCOME));
    }

    /** Who started the shift: the authenticated user at the start event, null when nobody was. */
    static String starterLogin(DelegateExecution execution) {
        return (String) execution.getVariable(STARTER_LOGIN);
    }

    static void starterLogin(DelegateExecution execution, String login) {
        execution.setVariable(STARTER_LOGIN, login);
    }

    static void confirmationDeadline(DelegateExecution execution, ConfirmationDeadline deadline) {
        execution.setVariable(CONFIRMATION_DUE_AT, Date.from(deadline.at()));
        execution.setVariable(CONFIRMATION_DEADLINE, deadline.localTime());
        execution.setVariable(CONFIRMATION_WINDOW, deadline.windowInWords());
    }

    /**
     * Words the check for why it asks, and forgets the reason, so the next check (after inactivity) is worded for
     * that again.
     */
    static void presenceCheckWording(DelegateExecution execution) {
        boolean shiftEnd = REASON_SHIFT_END.equals(execution.getVariable(PRESENCE_CHECK_REASON));
        execution.setVariable(PRESENCE_CHECK_TITLE, shiftEnd ? "Смена закончилась. Вы ещё на работе?"
                : "Подтвердите, что вы на работе");
        execution.setVariable(PRESENCE_CHECK_WHY, shiftEnd
                ? "Ваша смена по графику закончилась. Если вы ещё работаете, нажмите «Завершить»: сделки останутся у вас."
                : "Вы давно ничего не делали в CRM. Нажмите «Завершить», чтобы подтвердить, что вы на месте.");
        execution.setVariable(PRESENCE_CHECK_REASON, REASON_INACTIVITY);
    }

    static void presenceState(DelegateExecution execution, PresenceState state) {
        execution.setVariable(PRESENCE_STATE, state.name());
    }

    static void nextCheckAt(DelegateExecution execution, Instant at) {
        execution.setVariable(NEXT_CHECK_AT, Date.from(at));
    }
}
