package com.shiftrelay.telephony;

import com.shiftrelay.engine.Conflicts;
import com.shiftrelay.presence.Presence;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each reported call once, by its provider's call id, and announces a call stored for the first time as
 * {@link CallReceived} in the same transaction; the same call reported again changes nothing. A call with a manager
 * then counts as that manager's activity, as a call in the CRM's event feed does.
 */
@Service
public class CallIntake {

    private static final Logger log = LoggerFactory.getLogger(CallIntake.class);
    private static final int ATTEMPTS = 4;

    private final TelephonyCalls calls;
    private final ApplicationEventPublisher publisher;
    private final Presence presence;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CallIntake(TelephonyCalls calls, ApplicationEventPublisher publisher, Presence presence, Clock clock,
               PlatformTransactionManager transactions) {
        this.calls = calls;
        this.publisher = publisher;
        this.presence = presence;
        this.clock = clock;
        // A transaction of its own, so that a lost race can be run again from the start.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the call was new: false for one stored before. */
    public record Receipt(boolean accepted, String provider, String callId) {
    }

    public Receipt accept(Call call) {
        boolean accepted = false;
        for (int attempt = 1; ; attempt++) {
            try {
                accepted = Boolean.TRUE.equals(transaction.execute(status -> store(call)));
                break;
            } catch (RuntimeException e) {
                // The same call was being stored by another request at this moment (the unique key made this one
                // wait, and this time it is found), or a job was moving the callback's process when this call signalled
                // it: nothing of this attempt was kept, and the next one starts from the beginning.
                if (attempt == ATTEMPTS || !(e instanceof DataIntegrityViolationException || Conflicts.lostARace(e))) {
                    throw e;
                }
                log.info("Call {} of {}: attempt {} lost a race ({}), trying again", call.callId(), call.provider(),
                        attempt, e.getClass().getSimpleName());
            }
        }
        if (accepted && call.managerId() != null) {
            countAsActivity(call);
        }
        return new Receipt(accepted, call.provider(), call.callId());
    }

    private boolean store(Call call) {
        if (calls.exists(call.provider(), call.callId())) {
            return false;
        }
        long id = calls.add(call, clock.instant());
        publisher.publishEvent(new CallReceived(id, call));
        return true;
    }

    /** The call is stored whatever becomes of this: presence is a signal, the call is the work. */
    private void countAsActivity(Call call) {
        Instant now = clock.instant();
        Instant at = call.startedAt().plus(call.duration());
        try {
            presence.recordActivities(Map.of(call.managerId(), at.isAfter(now) ? now : at));
        } catch (RuntimeException e) {
            log.warn("Call {} of {} was stored, but did not count as manager {}'s activity: {}", call.callId(),
                    call.provider(), call.managerId(), e.getMessage());
        }
    }
}
