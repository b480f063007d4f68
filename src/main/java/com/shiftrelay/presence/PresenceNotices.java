package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmGateway;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The presence check where the manager works all day: a personal notification in the CRM (Bitrix24's notifications;
 * amoCRM has none) with a link to the task in Tasklist, withdrawn when the check's window has closed.
 */
@Component
public class PresenceNotices {

    private final CrmGateway crm;
    private final PresenceProperties properties;

    PresenceNotices(CrmGateway crm, PresenceProperties properties) {
        this.crm = crm;
        this.properties = properties;
    }

    /** Whether a presence check is worth a notification in this CRM. */
    public boolean wanted() {
        return crm.notifiesUsers();
    }

    /** The notification's text: what is asked, until when, and where to answer. */
    public String text(String title, String deadline, String taskId) {
        return title + ". Ответьте до " + deadline + " в Tasklist: " + taskLink(taskId);
    }

    public String taskLink(String taskId) {
        return properties.tasklistUrl() + "#/?task=" + taskId;
    }

    /** Sends it; the notification's id, to withdraw it by. */
    public OptionalLong send(long managerId, String title, String deadline, String taskId) {
        return crm.notifyUser(managerId, text(title, deadline, taskId));
    }

    public void withdraw(long notificationId) {
        crm.withdrawNotification(notificationId);
    }
}
