package com.shiftrelay.calls;

import com.shiftrelay.crm.CrmClient;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTaskRequest;
import com.shiftrelay.distribution.DealPlacement;
import com.shiftrelay.distribution.DealRouting;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.TeamDistribution;
import com.shiftrelay.distribution.TeamDistributions;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.ManagerCameOnline;
import com.shiftrelay.presence.ManagerWentOffline;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.schedule.Schedules;
import com.shiftrelay.sms.SmsProperties;
import com.shiftrelay.sms.SmsSending;
import com.shiftrelay.telephony.Call;
import com.shiftrelay.telephony.CallReceived;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Missed calls that cannot be dropped. A missed call opens a callback owed to the number (or counts as a repeat of the
 * open one); a successful call with the number, either way, settles it. The MissedCall process takes it from there,
 * step by step: find the client and choose who calls back, text the client once, create the CRM task, comment each
 * repeat, escalate when the deadline passes, and close the task once somebody talked to the client.
 */
@Service
public class MissedCalls {

    private static final Logger log = LoggerFactory.getLogger(MissedCalls.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MissedCallLedger ledger;
    private final CallbackSignals signals;
    private final CrmGateway crm;
    private final DealPlacement placement;
    private final TeamDistributions teams;
    private final Managers managers;
    private final SmsSending sms;
    private final CallsProperties properties;
    private final Clock clock;
    private final TransactionTemplate done;
    private final Schedules schedules;
    private final SmsProperties smsProperties;
    private final DealRouting routing;

    MissedCalls(MissedCallLedger ledger, CallbackSignals signals, CrmGateway crm, DealPlacement placement,
                TeamDistributions teams, Managers managers, SmsSending sms, CallsProperties properties, Clock clock,
                PlatformTransactionManager transactions, Schedules schedules, SmsProperties smsProperties,
                DealRouting routing) {
        this.routing = routing;
        this.teams = teams;
        this.schedules = schedules;
        this.smsProperties = smsProperties;
        // What the CRM did is written down at once, whatever becomes of the step's own transaction: a step run
        // again (its job retried after a conflict, or on another node) finds it done and does not do it twice.
        this.done = new TransactionTemplate(transactions);
        this.done.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ledger = ledger;
        this.signals = signals;
        this.crm = crm;
        this.placement = placement;
        this.managers = managers;
        this.sms = sms;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * In the transaction that stored the call: a missed call opens a callback or repeats the open one, an answered
     * one settles it. A second open callback for one number fails on the ledger's key, and the call's intake runs
     * again and finds the first.
     */
    @EventListener
    void on(CallReceived received) {
        Call call = received.call();
        Optional<Long> open = ledger.openFor(call.clientNumber());
        if (call.missed()) {
            if (open.isPresent()) {
                ledger.repeated(open.get(), call.startedAt());
                signals.callRepeated(open.get());
            } else {
                long id = ledger.open(call.clientNumber(), received.id(), call.startedAt());
                signals.callbackOwed(id, call.clientNumber());
            }
        } else if (call.answered() && open.isPresent()) {
            if (ledger.calledBack(open.get(), call.startedAt(), call.managerId(), (int) call.duration().toSeconds())) {
                signals.calledBack(open.get());
            }
        }
    }

    /**
     * Where the callback went: the client's contact and open deal (null when the CRM has none), the team, who calls
     * back (null when nobody can take work now), the team's supervisors, and when the deadline is.
     */
    public record Placement(Long contactId, Long dealId, Long teamId, Long managerId, String supervisorGroup,
                            Instant deadline, String clientNumber, Instant missedAt) {
    }

    /**
     * Finds the client by the number and chooses who calls back ({@link CallbackChooser}). A number the CRM does not
     * know goes to the team the routing rules give a new client's deal ({@link #newClientsTeam}). A client whose
     * people are all away, or a new one whose rules name no team, has nobody yet: its deadline still passes and its
     * supervisors hear of it.
     */
    @Transactional
    public Placement place(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        List<CrmClient> clients = naming(call, "finding the client", () -> crm.clientsByPhone(call.clientNumber()));
        CrmClient client = clients.isEmpty() ? null : clients.get(0);
        CrmDeal deal = client == null ? null : openDeal(client);
        Long responsible = client == null ? null : client.responsibleId();
        Long holder = deal == null ? null : deal.responsibleId();
        Long teamId = client == null ? newClientsTeam(call) : team(holder != null ? holder : responsible);
        List<CallbackChooser.Candidate> team = (teamId == null ? List.<Long>of() : placement.availableMembers(teamId))
                .stream().map(m -> new CallbackChooser.Candidate(m, ledger.openCount(m))).toList();
        Long chosen = CallbackChooser.choose(responsible, holder, team, placement::available).orElse(null);
        String supervisors = teamId == null ? TeamDistribution.DEFAULT_SUPERVISOR_GROUP : teams.findById(teamId)
                .map(TeamDistribution::supervisorGroup).orElse(TeamDistribution.DEFAULT_SUPERVISOR_GROUP);
        Placement placed = new Placement(client == null ? null : client.contactId(), deal == null ? null : deal.id(),
                teamId, chosen, supervisors, call.firstMissedAt().plus(properties.callbackDeadline()),
                call.clientNumber(), call.firstMissedAt());
        ledger.placed(id, placed.contactId(), placed.dealId(), teamId, chosen);
        log.info("Missed call {} from {}: client {}, deal {}, callback by {}", id, call.clientNumber(),
                placed.contactId(), placed.dealId(), chosen == null ? "nobody yet" : chosen);
        return placed;
    }

    /**
     * The client's SMS, once per callback and once per number within the throttle window. When nobody can call back
     * now it says when the team's next shift starts, if a schedule says so.
     */
    @Transactional
    public SmsSending.Outcome textClient(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        Optional<Instant> opens = call.managerId() != null || call.teamId() == null ? Optional.empty()
                : nextOpening(call.teamId());
        SmsSending.Outcome outcome = opens.isPresent()
                ? sms.send("missed-call:" + id, call.clientNumber(), closedText(opens.get()))
                : sms.send("missed-call:" + id, call.clientNumber());
        ledger.smsSent(id, outcome.name());
        return outcome;
    }

    /** The text for a client who rang while nobody is at work: when they will be called back. */
    String closedText(Instant opens) {
        String when = DateTimeFormatter.ofPattern("dd.MM в HH:mm").format(opens.atZone(properties.timeZone()));
        return properties.closedSmsText().replace("{opensAt}", when)
                + (smsProperties.chatLink().isEmpty() ? "" : " Написать нам в чат: " + smsProperties.chatLink());
    }

    /** The earliest next shift of the team's active members; none without schedules. */
    private Optional<Instant> nextOpening(long teamId) {
        Instant now = clock.instant();
        return managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId).stream()
                .map(m -> schedules.nextStart(m.getId(), now))
                .flatMap(Optional::stream)
                .map(shift -> shift.start().toInstant())
                .min(Comparator.naturalOrder());
    }

    /**
     * The CRM task for the chosen manager, due by the deadline; created once (the ledger keeps its id). A callback
     * given to nobody yet has no task. A repeat that came before the task is in the task's text. The text asked for is
     * written down before the CRM is asked: when its answer was lost, the step run again looks for that task first
     * and creates one only if the CRM has none.
     */
    @Transactional
    public Optional<Long> createTask(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        if (call.taskId() != null) {
            return Optional.of(call.taskId());
        }
        if (call.managerId() == null) {
            return Optional.empty();
        }
        Instant deadline = call.firstMissedAt().plus(properties.callbackDeadline());
        String text = call.taskRequest() != null ? call.taskRequest() : "Клиент " + display(call.clientNumber())
                + " звонил в " + time(call.firstMissedAt()) + " и не дозвонился. Перезвонить до " + time(deadline) + "."
                + (call.repeats() > 0 ? " Звонил ещё " + call.repeats() + " раз, последний в "
                + time(call.lastMissedAt()) + "." : "");
        CrmTaskRequest request = new CrmTaskRequest(call.dealId(), call.contactId(), call.managerId(),
                properties.taskTitle(), text, deadline, "missed-call:" + id);
        Optional<Long> earlier = Optional.empty();
        if (call.taskRequest() == null) {
            done.executeWithoutResult(status -> ledger.taskRequested(id, text, call.repeats()));
        } else {
            earlier = naming(call, "looking for the task asked for before", () -> crm.findTask(request));
            earlier.ifPresent(found -> log.info("Missed call {}: the task asked for before exists as {}, none is"
                    + " created", id, found));
        }
        long task = earlier.isPresent() ? earlier.get()
                : naming(call, "creating the task", () -> crm.createTask(request));
        // The repeats the text tells of: those of the request that was first sent, whose text the task has.
        int counted = call.taskRequest() == null ? call.repeats() : call.repeatsNoted();
        done.executeWithoutResult(status -> ledger.taskCreated(id, task, properties.taskTitle() + "\n" + text, deadline,
                counted));
        return Optional.of(task);
    }

    /** A repeated missed call while the task is open: a comment with its time, never a second task. */
    @Transactional
    public void commentRepeat(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        if (call.taskId() == null || call.repeatsNoted() >= call.repeats()) {
            return;
        }
        String comment = "Повторный звонок в " + time(call.lastMissedAt());
        naming(call, "commenting on the task", () -> {
            crm.commentOnTask(call.taskId(), call.dealId(), call.taskText(), comment);
            return null;
        });
        String text = call.taskText() == null ? null : call.taskText() + "\n" + comment;
        done.executeWithoutResult(status -> ledger.repeatsNoted(id, call.repeats(), text));
    }

    /**
     * Just before the process waits for the callback, with the callback's row locked: a repeat or a callback that the
     * intake wrote meanwhile (and could not tell a process that was not waiting yet) is found here, and one written
     * later waits for this transaction, which leaves the process waiting, and then reaches it. A repeat found is
     * commented now; a callback found means the process closes the task at once (true). A manager who left meanwhile
     * is found here too: their leaving locks their callbacks' rows ({@link #on(ManagerWentOffline)}), so it either
     * waits for this transaction and then reaches the waiting process, or came first and is seen here.
     */
    @Transactional
    public boolean settleBeforeWaiting(long id) {
        MissedCall call = ledger.lock(id).orElseThrow();
        if (call.calledBackAt() != null) {
            return true;
        }
        if (call.managerId() != null && !placement.available(call.managerId())) {
            // They left while the process was busy: their ManagerWentOffline found it not waiting yet.
            log.info("Missed call {}: manager {} left before the wait, the callback moves on", id, call.managerId());
            reassign(id);
        }
        if (call.taskId() != null && call.repeats() > call.repeatsNoted()) {
            String comment = "Повторный звонок в " + time(call.lastMissedAt());
            naming(call, "commenting on the task", () -> {
                crm.commentOnTask(call.taskId(), call.dealId(), call.taskText(), comment);
                return null;
            });
            ledger.repeatsNoted(id, call.repeats(), call.taskText() == null ? null : call.taskText() + "\n" + comment);
        }
        return false;
    }

    /** The deadline passed without a callback: a comment on the CRM task; nothing is closed. */
    @Transactional
    public void escalate(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        if (call.escalatedAt() != null) {
            return;
        }
        if (call.taskId() != null) {
            crm.commentOnTask(call.taskId(), call.dealId(), call.taskText(), "Срок перезвона (" + time(call.deadline())
                    + ") прошёл, клиент ждёт звонка");
        }
        done.executeWithoutResult(status -> ledger.escalated(id, clock.instant()));
    }

    /** Somebody talked to the client: the task completed with what happened, a note on the deal, the callback done. */
    @Transactional
    public void close(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        if (call.closedAt() != null) {
            return;
        }
        String result = (call.calledBackBy() != null && call.calledBackBy().equals(call.managerId())
                ? "Перезвонили в " : "Поговорили с клиентом в ") + time(call.calledBackAt()) + ", разговор "
                + duration(call.callbackSeconds() == null ? 0 : call.callbackSeconds());
        if (call.taskId() != null && call.taskCompletedAt() == null) {
            naming(call, "closing the task", () -> {
                crm.completeTask(call.taskId(), result);
                return null;
            });
            // Written at once: a step run again after the deal's note failed does not complete the task twice.
            done.executeWithoutResult(status -> ledger.taskCompleted(id, clock.instant()));
        }
        naming(call, "noting the callback on the deal", () -> {
            if (call.dealId() != null) {
                crm.addDealNote(call.dealId(), "Пропущенный звонок с " + display(call.clientNumber()) + " закрыт: "
                        + result);
            }
            return null;
        });
        done.executeWithoutResult(status -> ledger.closed(id, clock.instant()));
    }

    /**
     * The callback's manager left before calling back, or nobody could take it when it came: it goes to somebody who
     * can take it now, task and all.
     */
    @Transactional
    public Optional<Long> reassign(long id) {
        MissedCall call = ledger.find(id).orElseThrow();
        if (call.managerId() != null && placement.available(call.managerId())) {
            return Optional.of(call.managerId());
        }
        List<CallbackChooser.Candidate> team = (call.teamId() == null ? List.<Long>of()
                : placement.availableMembers(call.teamId())).stream()
                .map(m -> new CallbackChooser.Candidate(m, ledger.openCount(m))).toList();
        Optional<Long> chosen = CallbackChooser.choose(null, null, team, placement::available);
        chosen.ifPresent(manager -> {
            ledger.reassigned(id, manager);
            if (call.taskId() != null) {
                crm.reassignTask(call.taskId(), manager);
            } else {
                // Nobody could take it when it came: the task is created now, for the first one who can.
                createTask(id);
            }
        });
        return chosen;
    }

    /** The manager went OFFLINE: each callback they owe moves on, with their deals, to somebody on shift. */
    @EventListener
    void on(ManagerWentOffline offline) {
        ledger.lockOpenOf(offline.managerId()).forEach(call -> signals.managerLeft(call.id()));
    }

    /** A team's member came ONLINE: a callback of the team that nobody could take yet is theirs to take now. */
    @EventListener
    void on(ManagerCameOnline online) {
        if (online.teamId() != null) {
            ledger.unplacedOf(online.teamId()).forEach(call -> signals.managerLeft(call.id()));
        }
    }

    public Optional<MissedCall> find(long id) {
        return ledger.find(id);
    }

    /**
     * A CRM call of a step: a failure says whose callback it was, so the step's incident in Cockpit names the
     * client's number; the job is retried all the same.
     */
    private static <T> T naming(MissedCall call, String step, java.util.function.Supplier<T> crmCall) {
        try {
            return crmCall.get();
        } catch (CrmException e) {
            throw new CrmException("Missed call from " + display(call.clientNumber()) + ": " + step + " failed: "
                    + e.getMessage(), e);
        }
    }

    private CrmDeal openDeal(CrmClient client) {
        if (client.dealIds().isEmpty()) {
            return null;
        }
        return crm.deals(client.dealIds()).stream().filter(deal -> !deal.closed())
                .max(Comparator.comparingLong(CrmDeal::id)).orElse(null);
    }

    /**
     * The team of a caller the CRM does not know: the routing rules as they stand now, asked about the deal a new
     * client would have ({@code shiftrelay.calls.new-client}: its pipeline, stage and tags). A rule that names no
     * team ("the holder's team") or no rule at all leaves the callback with nobody: a new client has no holder.
     */
    private Long newClientsTeam(MissedCall call) {
        CallsProperties.NewClient newClient = properties.newClient();
        CrmDeal notional = new CrmDeal(0, "Новый клиент " + display(call.clientNumber()), 0, newClient.pipelineId(),
                newClient.statusId(), Set.of(), call.firstMissedAt(), 0, newClient.tags(), 0);
        Route route = routing.current().route(notional);
        log.info("Missed call {} from {}, a number the CRM does not know: routed as a new client by {} to team {}",
                call.id(), call.clientNumber(), route.matched() ? "rule " + route.ruleId() : "no rule",
                route.teamId());
        return route.matched() ? route.teamId() : null;
    }

    private Long team(Long managerId) {
        return managerId == null ? null : managers.findById(managerId).map(Manager::getTeamId).orElse(null);
    }

    /** A moment as the task's text gives it: 14:32 in the managers' zone. */
    public String time(Instant at) {
        return at == null ? "?" : TIME.format(at.atZone(properties.timeZone()));
    }

    /** +7 916 123-45-67. */
    public static String display(String number) {
        if (number.length() == 11 && number.startsWith("7")) {
            return "+7 " + number.substring(1, 4) + " " + number.substring(4, 7) + "-" + number.substring(7, 9) + "-"
                    + number.substring(9);
        }
        return "+" + number;
    }

    /** 3 мин 10 с. */
    static String duration(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toMinutes() > 0 ? d.toMinutes() + " мин " + d.toSecondsPart() + " с" : d.toSecondsPart() + " с";
    }
}
