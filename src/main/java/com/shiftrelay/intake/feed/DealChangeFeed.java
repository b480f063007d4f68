package com.shiftrelay.intake.feed;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.DealChangeBatch;
import com.shiftrelay.intake.DealChangeIntake;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deal changes fetched from a CRM that keeps them to be fetched (Bitrix24's offline events), at least once: a batch's
 * id is written down before its changes are stored, its changes are stored (once, by the intake's keys) before the
 * CRM is told to forget them, and a batch not acknowledged is asked for again by its id at the next read, after a
 * failure or a restart alike. Nothing is acknowledged that was not stored.
 */
@Component
public class DealChangeFeed {

    static final String SOURCE = "crm-feed";
    private static final Logger log = LoggerFactory.getLogger(DealChangeFeed.class);

    private final CrmGateway crm;
    private final DealChangeIntake intake;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DealChangeFeed(CrmGateway crm, DealChangeIntake intake, JdbcTemplate jdbc, Clock clock,
                   PlatformTransactionManager transactions) {
        this.crm = crm;
        this.intake = intake;
        this.jdbc = jdbc;
        this.clock = clock;
        // The batch's id commits before its changes are stored, whatever the caller's transaction does later.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Fetches, stores and acknowledges what the CRM kept; returns how many new changes were stored. */
    public int poll() {
        String unfinished = unfinishedBatch();
        Optional<DealChangeBatch> fetched;
        try {
            fetched = crm.pendingDealChanges(unfinished);
            if (fetched.isEmpty() && unfinished != null) {
                // Nothing is kept under the batch any more: it was cleared after all (the answer to the clear was
                // lost), or the CRM let it go. Forget it, or every read would ask for it again and never see what
                // came since.
                log.info("The CRM keeps nothing under batch {} any more; reading its new deal changes", unfinished);
                remember(null);
                fetched = crm.pendingDealChanges(null);
            }
        } catch (CrmException e) {
            log.warn("Deal changes could not be fetched from the CRM: {}", e.getMessage());
            return 0;
        }
        if (fetched.isEmpty()) {
            return 0;
        }
        DealChangeBatch batch = fetched.get();
        remember(batch.batchId());
        int accepted;
        try {
            accepted = intake.accept(SOURCE, batch.raw(), batch.changes()).accepted();
        } catch (RuntimeException e) {
            log.error("Deal changes of batch {} were not stored; the CRM keeps them and gives them again", batch.batchId(),
                    e);
            return 0;
        }
        try {
            crm.acknowledgeDealChanges(batch.batchId());
        } catch (CrmException e) {
            log.warn("Batch {} is stored but the CRM was not told so ({}); it is acknowledged after the next read",
                    batch.batchId(), e.getMessage());
            return accepted;
        }
        remember(null);
        return accepted;
    }

    String unfinishedBatch() {
        List<String> rows = jdbc.queryForList("select unfinished_batch from deal_change_feed where source = ?",
                String.class, SOURCE);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void remember(String batchId) {
        ownTransaction.executeWithoutResult(status -> write(batchId));
    }

    private void write(String batchId) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (jdbc.update("update deal_change_feed set unfinished_batch = ?, updated_at = ? where source = ?", batchId, now,
                SOURCE) == 0) {
            jdbc.update("insert into deal_change_feed (source, unfinished_batch, updated_at) values (?, ?, ?)", SOURCE,
                    batchId, now);
        }
    }
}
