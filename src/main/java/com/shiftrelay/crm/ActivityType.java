package com.shiftrelay.crm;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CRM events that show a person is at the desk, with amoCRM's event type names; a kind amoCRM's event feed does
 * not report has none.
 */
public enum ActivityType {
    TASK_COMPLETED("task_completed"),
    INCOMING_CALL("incoming_call"),
    OUTGOING_CALL("outgoing_call"),
    INCOMING_CHAT_MESSAGE("incoming_chat_message"),
    OUTGOING_CHAT_MESSAGE("outgoing_chat_message"),
    NOTE_ADDED("common_note_added"),
    STAGE_CHANGED("lead_status_changed"),
    /** Bitrix24 reports sent e-mails as CRM activities; amoCRM's feed has no such event. */
    EMAIL_SENT(null);

    private final String amoCrmType;

    ActivityType(String amoCrmType) {
        this.amoCrmType = amoCrmType;
    }

    public String amoCrmType() {
        return amoCrmType;
    }

    public static Optional<ActivityType> fromAmoCrmType(String type) {
        return Arrays.stream(values()).filter(t -> t.amoCrmType != null && t.amoCrmType.equals(type)).findFirst();
    }
}
