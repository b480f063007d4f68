package com.shiftrelay.calls;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The missed-call follow-up ({@code shiftrelay.calls}).
 *
 * @param callbackDeadline how soon the client is to be called back: the CRM task's deadline, 30 minutes
 * @param timeZone         the zone the task's text and comments give their times in
 * @param taskTitle        the CRM task's title
 * @param closedSmsText    the SMS to a client who rang while nobody could call back, with {@code {opensAt}} for when
 *                         the team's next shift starts
 */
@ConfigurationProperties("shiftrelay.calls")
public record CallsProperties(Duration callbackDeadline, ZoneId timeZone, String taskTitle, String closedSmsText) {

    public CallsProperties {
        callbackDeadline = callbackDeadline == null ? Duration.ofMinutes(30) : callbackDeadline;
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        taskTitle = taskTitle == null || taskTitle.isBlank() ? "Пропущенный звонок" : taskTitle;
        closedSmsText = closedSmsText == null || closedSmsText.isBlank()
                ? "Мы видим ваш пропущенный звонок. Сейчас мы закрыты и перезвоним, когда откроемся: {opensAt}."
                : closedSmsText;
        if (callbackDeadline.isNegative() || callbackDeadline.isZero()) {
            throw new IllegalArgumentException("shiftrelay.calls.callback-deadline must be positive");
        }
    }
}
