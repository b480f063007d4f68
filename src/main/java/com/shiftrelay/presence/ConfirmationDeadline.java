package com.shiftrelay.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Until when a presence check may be answered, and how the manager's form says it: the time in the managers'
 * zone (to the second: the window is a minute) and the window's length, in Russian.
 *
 * @param at     when the window closes: the check's due date and its timer
 * @param window how long the manager has
 * @param zone   the managers' time zone (shiftrelay.presence.time-zone)
 */
public record ConfirmationDeadline(Instant at, Duration window, ZoneId zone) {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("O", Locale.ROOT);

    /** "14:32:05 (время московское)"; outside Moscow's zone the offset, "14:32:05 (GMT+5)". */
    public String localTime() {
        var local = at.atZone(zone);
        String which = MOSCOW.equals(zone) ? "время московское" : OFFSET.format(local);
        return TIME.format(local) + " (" + which + ")";
    }

    /** The window as a Russian noun phrase after "на ответ —": "минута", "2 минуты", "30 секунд", "1 минута 30 секунд". */
    public String windowInWords() {
        long minutes = window.toMinutes();
        int seconds = window.toSecondsPart();
        if (minutes == 1 && seconds == 0) {
            return "минута";
        }
        String minutePart = minutes == 0 ? "" : minutes + " " + plural(minutes, "минута", "минуты", "минут");
        String secondPart = seconds == 0 ? "" : seconds + " " + plural(seconds, "секунда", "секунды", "секунд");
        return (minutePart + " " + secondPart).trim();
    }

    private static String plural(long n, String one, String few, String many) {
        long lastTwo = n % 100;
        long last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        return last == 1 ? one : last >= 2 && last <= 4 ? few : many;
    }
}
