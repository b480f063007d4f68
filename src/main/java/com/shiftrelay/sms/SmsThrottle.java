package com.shiftrelay.sms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may text a number now: at most one claim per number within the window, held in the database so that every
 * node sees the same one. A claim is taken by inserting the number's row, or by moving an expired row (or the
 * claimant's own, when its step runs again) to the new claimant in one conditional update; two nodes racing for one
 * number meet on its row and one of them wins.
 */
@Repository
class SmsThrottle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate firstClaim;

    SmsThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A number's first claim is inserted in a transaction of its own: on PostgreSQL a failed insert would spoil
        // the caller's transaction for whatever it does next.
        this.firstClaim = new TransactionTemplate(transactions);
        this.firstClaim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether {@code claimant} may text {@code number} now; claiming it if so. */
    boolean claim(String number, String claimant, Instant now, Duration window) {
        if (jdbc.update("update sms_throttle set claimed_by = ?, claimed_at = ? where number = ?"
                        + " and (claimed_by = ? or claimed_at <= ?)", claimant, now.atOffset(ZoneOffset.UTC), number,
                claimant, now.minus(window).atOffset(ZoneOffset.UTC)) == 1) {
            return true;
        }
        Integer known = jdbc.queryForObject("select count(*) from sms_throttle where number = ?", Integer.class, number);
        if (known != null && known > 0) {
            return false;
        }
        try {
            firstClaim.executeWithoutResult(status -> jdbc.update("insert into sms_throttle (number, claimed_by,"
                    + " claimed_at) values (?, ?, ?)", number, claimant, now.atOffset(ZoneOffset.UTC)));
            return true;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return false;
        }
    }
}
