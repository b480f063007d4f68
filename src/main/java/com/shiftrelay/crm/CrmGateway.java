package com.shiftrelay.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The CRM as the processes need it, in the domain's words. Adapters translate a vendor's API; nothing
 * outside an adapter sees a vendor's JSON. Every method may throw a {@link CrmException}.
 */
public interface CrmGateway {

    /** Users with their teams; inactive users are included with {@code active=false}. */
    CrmDirectory directory();

    /**
     * Deals whose responsible is one of {@code responsibleIds}, in {@code pipelineIds} (empty = every
     * pipeline), all pages read. Closed deals may be included; callers decide what to skip.
     */
    List<CrmDeal> dealsOf(Collection<Long> responsibleIds, Collection<Long> pipelineIds);

    /** The current state of the given deals; ids the CRM does not know are simply absent. */
    List<CrmDeal> deals(Collection<Long> dealIds);

    /**
     * Assigns new responsibles. At most {@link #MAX_BATCH} items. Items the CRM refuses come back in the result
     * with its reason and the rest are written, whether or not the CRM applies a batch all or nothing; a
     * technical failure (unreachable, rate limit) throws and leaves it open which items were applied, so a
     * retry sends them again (setting a responsible twice is harmless).
     */
    ReassignResult reassign(List<Reassignment> batch);

    /** Activity events (see {@link ActivityType}) created at or after {@code from}, all pages read. */
    List<CrmActivity> activitySince(Instant from);

    /**
     * The work day of each of {@code userIds} on the CRM's time clock, for those it has one for. A CRM without a time
     * clock (amoCRM) reports none.
     */
    default Map<Long, WorkDay> workDays(Collection<Long> userIds) {
        return Map.of();
    }

    /** Whether the CRM can show a user a personal notification ({@link #notifyUser}); amoCRM cannot. */
    default boolean notifiesUsers() {
        return false;
    }

    /** Shows the user a personal notification in the CRM; its id, to withdraw it by, or empty when none was made. */
    default OptionalLong notifyUser(long userId, String message) {
        return OptionalLong.empty();
    }

    /** Withdraws a notification {@link #notifyUser} made; one that is gone already is no error. */
    default void withdrawNotification(long notificationId) {
    }

    /**
     * The next deal changes the CRM kept to be fetched, none when it keeps none (amoCRM pushes webhooks instead).
     * {@code unfinishedBatchId} is a batch fetched before and never acknowledged: the CRM gives its changes again.
     */
    default java.util.Optional<DealChangeBatch> pendingDealChanges(String unfinishedBatchId) {
        return java.util.Optional.empty();
    }

    /** The batch's changes are stored: the CRM may forget them. */
    default void acknowledgeDealChanges(String batchId) {
    }

    /** The clients whose contact has this phone number ({@code 7XXXXXXXXXX}); none is an empty list. */
    default List<CrmClient> clientsByPhone(String number) {
        throw new CrmException("This CRM adapter cannot find clients by phone");
    }

    /**
     * The open task that an earlier attempt of this very request created, if it did: one with the same link,
     * responsible, text and deadline. A CRM whose answer to the creation was lost (a timeout, a proxy's 504) may have
     * created it all the same, and neither amoCRM nor Bitrix24 refuses a second creation of one request.
     */
    default Optional<Long> findTask(CrmTaskRequest task) {
        throw new CrmException("This CRM adapter cannot look tasks up");
    }

    /** Creates the task; its id in the CRM. */
    default long createTask(CrmTaskRequest task) {
        throw new CrmException("This CRM adapter cannot create tasks");
    }

    /**
     * Adds a comment to an open task. A CRM without task comments (amoCRM) notes it on the task's deal and appends it
     * to the task's text, given in {@code taskText} as it is now.
     */
    default void commentOnTask(long taskId, Long dealId, String taskText, String comment) {
        throw new CrmException("This CRM adapter cannot comment on tasks");
    }

    /** Completes the task with its result; a task completed already is no error. */
    default void completeTask(long taskId, String result) {
        throw new CrmException("This CRM adapter cannot complete tasks");
    }

    /** Gives the open task to another person. */
    default void reassignTask(long taskId, long responsibleId) {
        throw new CrmException("This CRM adapter cannot reassign tasks");
    }

    /** A note (a timeline comment) on the deal. */
    default void addDealNote(long dealId, String text) {
        throw new CrmException("This CRM adapter cannot add notes to deals");
    }

    /** The most deals one {@link #reassign} request may carry. */
    int MAX_BATCH = 50;

    /**
     * The most CRM requests one hand-over batch job makes: the re-read of its deals and up to three writes
     * (the rest sent again after the CRM refused some). With the adapter's per-call time budget this bounds
     * how long the job can take, which the job's lock must outlast.
     */
    int MAX_REQUESTS_PER_BATCH = 4;
}
