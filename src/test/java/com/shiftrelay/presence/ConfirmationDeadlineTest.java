package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfirmationDeadlineTest {

    private static final Instant AT = Instant.parse("2026-11-23T11:32:05Z");

    private static ConfirmationDeadline deadline(Duration window, String zone) {
        return new ConfirmationDeadline(AT, window, ZoneId.of(zone));
    }

    @Test
    void theTimeIsTheManagersLocalTimeToTheSecond() {
        assertThat(deadline(Duration.ofSeconds(60), "Europe/Moscow").localTime()).isEqualTo("14:32:05 (время московское)");
        assertThat(deadline(Duration.ofSeconds(60), "Asia/Yekaterinburg").localTime()).isEqualTo("16:32:05 (GMT+5)");
    }

    @Test
    void theWindowIsSaidInRussianWithItsPluralForms() {
        assertThat(deadline(Duration.ofSeconds(60), "Europe/Moscow").windowInWords()).isEqualTo("минута");
        assertThat(deadline(Duration.ofSeconds(4), "Europe/Moscow").windowInWords()).isEqualTo("4 секунды");
        assertThat(deadline(Duration.ofSeconds(30), "Europe/Moscow").windowInWords()).isEqualTo("30 секунд");
        assertThat(deadline(Duration.ofSeconds(21), "Europe/Moscow").windowInWords()).isEqualTo("21 секунда");
        assertThat(deadline(Duration.ofSeconds(90), "Europe/Moscow").windowInWords()).isEqualTo("1 минута 30 секунд");
        assertThat(deadline(Duration.ofMinutes(2), "Europe/Moscow").windowInWords()).isEqualTo("2 минуты");
        assertThat(deadline(Duration.ofMinutes(11), "Europe/Moscow").windowInWords()).isEqualTo("11 минут");
    }
}
