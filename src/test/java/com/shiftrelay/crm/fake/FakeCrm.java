package com.shiftrelay.crm.fake;

import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM in memory behind the port, for tests of the domain against a real database: deals people can
 * change by hand, deals the CRM refuses to move, an outage, and a count of the requests made.
 */
public class FakeCrm implements CrmGateway {

    public static final long PIPELINE = 1;
    public static final long OPEN = 10;

    private final Map<Long, CrmDeal> deals = new TreeMap<>();
    private final Map<Long, String> refused = new HashMap<>();
    private final List<CrmActivity> events = new ArrayList<>();
    public final AtomicInteger dealReads = new AtomicInteger();
    public final AtomicInteger reassignRequests = new AtomicInteger();
    public final AtomicInteger activityReads = new AtomicInteger();
    private volatile boolean down;

    public synchronized void put(long dealId, long responsibleId) {
        deals.put(dealId, new CrmDeal(dealId, "Deal " + dealId, responsibleId, PIPELINE, OPEN, Set.of(), Instant.EPOCH));
    }

    /** A person gives the deal to someone else in the CRM. */
    public synchronized void reassignByHand(long dealId, long responsibleId) {
        CrmDeal d = deals.get(dealId);
        deals.put(dealId, new CrmDeal(dealId, d.name(), responsibleId, d.pipelineId(), d.statusId(), d.checkedFlags(),
                d.createdAt()));
    }

    public synchronized void close(long dealId) {
        CrmDeal d = deals.get(dealId);
        deals.put(dealId, new CrmDeal(dealId, d.name(), d.responsibleId(), d.pipelineId(), CrmDeal.STATUS_WON,
                d.checkedFlags(), d.createdAt()));
    }

    public synchronized void refuse(long dealId, String reason) {
        refused.put(dealId, reason);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public synchronized void clearEvents() {
        events.clear();
    }

    public synchronized void event(CrmActivity activity) {
        events.add(activity);
    }

    public synchronized long responsibleOf(long dealId) {
        return deals.get(dealId).responsibleId();
    }

    @Override
    public CrmDirectory directory() {
        return new CrmDirectory(List.of(), List.of());
    }

    @Override
    public synchronized List<CrmDeal> dealsOf(Collection<Long> responsibleIds, Collection<Long> pipelineIds) {
        failIfDown();
        return deals.values().stream().filter(d -> responsibleIds.contains(d.responsibleId())).toList();
    }

    @Override
    public synchronized List<CrmDeal> deals(Collection<Long> dealIds) {
        failIfDown();
        dealReads.incrementAndGet();
        return dealIds.stream().map(deals::get).filter(d -> d != null).toList();
    }

    @Override
    public synchronized ReassignResult reassign(List<Reassignment> batch) {
        failIfDown();
        reassignRequests.incrementAndGet();
        Map<Long, String> rejected = new HashMap<>();
        for (Reassignment move : batch) {
            if (refused.containsKey(move.dealId())) {
                rejected.put(move.dealId(), refused.get(move.dealId()));
            } else {
                reassignByHand(move.dealId(), move.responsibleId());
            }
        }
        return new ReassignResult(rejected);
    }

    @Override
    public List<CrmActivity> activitySince(Instant from) {
        activityReads.incrementAndGet();
        failIfDown();
        synchronized (this) {
            return events.stream().filter(e -> !e.at().isBefore(from)).toList();
        }
    }

    private void failIfDown() {
        if (down) {
            throw new CrmUnavailableException("The CRM is down");
        }
    }
}
