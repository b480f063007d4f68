package com.shiftrelay.calls;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The missed-call follow-up ({@code shiftrelay.calls}).
 *
 * @param callbackDeadline how soon the client is to be called back: the CRM task's deadline, 30 minutes
 * @param timeZone         the zone the task's text and comments give their times in
 * @param taskTitle        the CRM task's title
 * @param closedSmsText    the SMS to a client who rang while nobody could call back, with {@code {opensAt}} for when
 *                         the team's next shift starts
 * @param newClient        how a number the CRM does not know is routed: as a new client's deal would be
 */
@ConfigurationProperties("shiftrelay.calls")
public record CallsProperties(Duration callbackDeadline, ZoneId timeZone, String taskTitle, String closedSmsText,
                              NewClient newClient) {

    /**
     * The deal a new client would have, as the routing rules (processes/DealRouting.dmn) are asked about it when a
     * number the CRM does not know rings: its pipeline (0: none; the rules' catch-all decides), its stage, and its
     * tags, by which a rule can single callbacks of new clients out.
     */
    public record NewClient(long pipelineId, long statusId, List<String> tags) {

        public NewClient {
            tags = tags == null ? List.of("Пропущенный звонок") : List.copyOf(tags);
        }
    }

    public CallsProperties {
        callbackDeadline = callbackDeadline == null ? Duration.ofMinutes(30) : callbackDeadline;
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        taskTitle = taskTitle == null || taskTitle.isBlank() ? "Пропущенный звонок" : taskTitle;
        closedSmsText = closedSmsText == null || closedSmsText.isBlank()
                ? "Мы видим ваш пропущенный звонок. Сейчас мы закрыты и перезвоним, когда откроемся: {opensAt}."
                : closedSmsText;
        newClient = newClient == null ? new NewClient(0, 0, null) : newClient;
        if (callbackDeadline.isNegative() || callbackDeadline.isZero()) {
            throw new IllegalArgumentException("shiftrelay.calls.callback-deadline must be positive");
        }
    }
}
