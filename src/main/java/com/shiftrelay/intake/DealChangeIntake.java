package com.shiftrelay.intake;

import com.shiftrelay.crm.CrmDealChange;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a CRM's webhook delivery and the deal changes it reports, each once, and announces every change stored
 * for the first time as {@link DealChangeAccepted}. A delivery seen before (the same body: a CRM re-sends what it
 * got no 2xx for) changes nothing, nor does a change stored before in another delivery. The delivery, its new
 * changes and whatever the listeners do with them commit together or not at all.
 */
@Service
public class DealChangeIntake {

    private static final int ATTEMPTS = 4;

    private final WebhookDeliveries deliveries;
    private final CrmDealEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DealChangeIntake(WebhookDeliveries deliveries, CrmDealEvents events, ApplicationEventPublisher publisher,
                     Clock clock, PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        // A transaction of its own, so that a lost race (below) can be run again from the start.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How many of a delivery's changes were new and how many were known already. */
    public record Receipt(int accepted, int duplicates) {
    }

    /**
     * Stores the delivery {@code body} from {@code source} and those of its {@code changes} not stored before, and
     * publishes them, all in one transaction; a listener's failure undoes it all and is thrown.
     */
    public Receipt accept(String source, byte[] body, List<CrmDealChange> changes) {
        String deliveryKey = sha256Hex(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> store(source, deliveryKey, body.length, changes));
            } catch (DataIntegrityViolationException | TransientDataAccessException lostTheRace) {
                // The same delivery, or one of its changes, was being stored by another request at the same moment:
                // the unique key made this one wait for it, and either it has committed now (this time it is found)
                // or the wait ran out (H2 gives up on a lock after a while), and this one waits again.
                if (attempt == ATTEMPTS) {
                    throw lostTheRace;
                }
            }
        }
    }

    private Receipt store(String source, String deliveryKey, int size, List<CrmDealChange> changes) {
        if (deliveries.exists(source, deliveryKey)) {
            return new Receipt(0, changes.size());
        }
        Instant now = clock.instant();
        long deliveryId = deliveries.add(source, deliveryKey, now, size, changes.size());
        // A change listed twice in one body is one change.
        Map<String, CrmDealChange> byKey = new LinkedHashMap<>();
        changes.forEach(change -> byKey.putIfAbsent(EventKeys.of(change), change));
        Set<String> stored = byKey.isEmpty() ? Set.of() : events.storedOf(source, byKey.keySet());
        List<DealChangeAccepted> accepted = new ArrayList<>();
        byKey.forEach((eventKey, change) -> {
            if (!stored.contains(eventKey)) {
                long eventId = events.add(source, eventKey, deliveryId, change, now);
                accepted.add(new DealChangeAccepted(eventId, source, change));
            }
        });
        // Listeners hear of a change once every row of the delivery is in.
        accepted.forEach(publisher::publishEvent);
        return new Receipt(accepted.size(), changes.size() - accepted.size());
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
