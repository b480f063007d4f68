package com.shiftrelay.sms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who may text a number now: at most one claim per number within the window, held in the database so that every
 * node sees the same one. A claim is taken by inserting the number's row, or by moving an expired row (or the
 * claimant's own, when its step runs again) to the new claimant in one conditional update; two nodes racing for one
 * number meet on its row and one of them wins.
 */
@Repository
class SmsThrottle {

    private final JdbcTemplate jdbc;

    SmsThrottle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code claimant} may text {@code number} now; claiming it if so. */
    boolean claim(String number, String claimant, Instant now, Duration window) {
        try {
            jdbc.update("insert into sms_throttle (number, claimed_by, claimed_at) values (?, ?, ?)", number, claimant,
                    now.atOffset(ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return jdbc.update("update sms_throttle set claimed_by = ?, claimed_at = ? where number = ?"
                            + " and (claimed_by = ? or claimed_at <= ?)", claimant, now.atOffset(ZoneOffset.UTC), number,
                    claimant, now.minus(window).atOffset(ZoneOffset.UTC)) == 1;
        }
    }
}
