package com.shiftrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTaskRequest;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.distribution.DealPlacement;
import com.shiftrelay.distribution.DealRouting;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.TeamDistributions;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.schedule.Schedules;
import com.shiftrelay.schedule.Shift;
import com.shiftrelay.sms.SmsProperties;
import com.shiftrelay.sms.SmsSending;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;

/** The missed-call steps' own rules, over stand-ins for the CRM, the SMS and the ledger. */
class MissedCallsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T19:30:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final MissedCallLedger ledger = mock(MissedCallLedger.class);
    private final CrmGateway crm = mock(CrmGateway.class);
    private final Managers managers = mock(Managers.class);
    private final Schedules schedules = mock(Schedules.class);
    private final SmsSending sms = mock(SmsSending.class);
    private final DealPlacement placement = mock(DealPlacement.class);
    private final TeamDistributions teams = mock(TeamDistributions.class);
    private final DealRouting routing = mock(DealRouting.class);
    private MissedCalls calls;

    @BeforeEach
    void calls() {
        calls = new MissedCalls(ledger, mock(CallbackSignals.class), crm, placement, teams, managers, sms,
                new CallsProperties(null, null, null, null, new CallsProperties.NewClient(7001, 0, null)),
                Clock.fixed(NOW, ZoneOffset.UTC), mock(PlatformTransactionManager.class), schedules,
                new SmsProperties(null, null, "https://clinic.example/chat", null, null), routing);
    }

    private static MissedCall call(Long manager, Long task, int repeats, int noted, Instant closedAt) {
        return asked(manager, task, repeats, noted, closedAt, null);
    }

    private static MissedCall asked(Long manager, Long task, int repeats, int noted, Instant closedAt, String request) {
        return new MissedCall(7, "79161234567", closedAt == null, NOW, NOW, repeats, 3071L, 15L, 1L, manager, task,
                "Пропущенный звонок", request, noted, NOW.plusSeconds(1800), null, null, null, null, null, null,
                closedAt);
    }

    /** A caller the CRM does not know: no contact, no deal; placed in {@code team} with {@code manager}, or not yet. */
    private static MissedCall unknownCaller(Long team, Long manager) {
        return new MissedCall(7, "79161234567", true, NOW, NOW, 0, null, null, team, manager, null, null, null, 0,
                null, null, null, null, null, null, null, null);
    }

    /** Nobody at work: the SMS says when the team's next shift starts, in the clinic's time. */
    @Test
    void aClientWhoRangWhileNobodyIsAtWorkIsToldWhenTheClinicOpens() {
        when(ledger.find(7)).thenReturn(Optional.of(call(null, null, 0, 0, null)));
        Manager anna = mock(Manager.class);
        when(anna.getId()).thenReturn(5L);
        when(managers.findByTeamIdAndActiveTrueOrderByIdAsc(1L)).thenReturn(List.of(anna));
        when(schedules.nextStart(5L, NOW)).thenReturn(Optional.of(new Shift(LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 4).atTime(8, 0).atZone(MOSCOW), LocalDate.of(2026, 12, 4).atTime(20, 0)
                .atZone(MOSCOW), Shift.Kind.PLANNED)));
        when(sms.send(any(), any(), any())).thenReturn(SmsSending.Outcome.SENT);

        calls.textClient(7);

        verify(sms).send("missed-call:7", "79161234567", "Мы видим ваш пропущенный звонок. Сейчас мы закрыты и"
                + " перезвоним, когда откроемся: 04.12 в 08:00. Написать нам в чат: https://clinic.example/chat");
    }

    @Test
    void aClientWithSomebodyToCallBackGetsTheUsualSms() {
        when(ledger.find(7)).thenReturn(Optional.of(call(5L, null, 0, 0, null)));
        when(sms.send(any(), any())).thenReturn(SmsSending.Outcome.SENT);

        calls.textClient(7);

        verify(sms).send("missed-call:7", "79161234567");
        verifyNoInteractions(schedules);
    }

    /** The step's incident in Cockpit says whose callback it was. */
    @Test
    void aCrmThatFailsAStepFailsItNamingTheClientsNumber() {
        when(ledger.find(7)).thenReturn(Optional.of(call(5L, null, 0, 0, null)));
        when(crm.createTask(any())).thenThrow(new CrmUnavailableException("amoCRM answered 503"));

        assertThatThrownBy(() -> calls.createTask(7)).isInstanceOf(CrmException.class)
                .hasMessageContaining("+7 916 123-45-67").hasMessageContaining("creating the task")
                .hasMessageContaining("amoCRM answered 503");
    }

    /** A step run again finds what it did: no second comment, no second closing. */
    @Test
    void aRepeatNotedAlreadyAndACallbackClosedAlreadyAreNotWrittenAgain() {
        when(ledger.find(7)).thenReturn(Optional.of(call(5L, 4745251L, 2, 2, null)));
        calls.commentRepeat(7);
        when(ledger.find(7)).thenReturn(Optional.of(call(5L, 4745251L, 2, 2, NOW)));
        calls.close(7);

        verify(crm, never()).commentOnTask(anyLong(), any(), any(), any());
        verify(crm, never()).completeTask(anyLong(), any());
        verify(crm, never()).addDealNote(anyLong(), any());
    }

    /**
     * The CRM created the task but its answer was lost: the text asked for was written down first, and the step run
     * again finds the task by it instead of creating a second one; with no such task in the CRM it asks again with
     * the very same text, though a repeat came meanwhile.
     */
    @Test
    void aTaskWhoseAnswerWasLostIsFoundWhenTheStepRunsAgain() {
        String asked = "Клиент +7 916 123-45-67 звонил в 22:30 и не дозвонился. Перезвонить до 23:00.";
        when(ledger.find(7)).thenReturn(Optional.of(call(5L, null, 0, 0, null)));
        when(crm.createTask(any())).thenThrow(new CrmUnavailableException("amoCRM answered 504"));

        assertThatThrownBy(() -> calls.createTask(7)).isInstanceOf(CrmException.class);
        verify(ledger).taskRequested(7, asked, 0);
        verify(crm, never()).findTask(any());

        // Run again, a repeat having come meanwhile: the task asked for is there.
        when(ledger.find(7)).thenReturn(Optional.of(asked(5L, null, 1, 0, null, asked)));
        when(crm.findTask(any())).thenReturn(Optional.of(4745251L));

        assertThat(calls.createTask(7)).contains(4745251L);
        ArgumentCaptor<CrmTaskRequest> looked = ArgumentCaptor.forClass(CrmTaskRequest.class);
        verify(crm).findTask(looked.capture());
        assertThat(looked.getValue().text()).isEqualTo(asked);
        assertThat(looked.getValue().deadline()).isEqualTo(NOW.plusSeconds(1800));
        verify(crm, times(1)).createTask(any());
        // The text tells of no repeat: the one that came meanwhile is still to be commented.
        verify(ledger).taskCreated(7, 4745251L, "Пропущенный звонок\n" + asked, NOW.plusSeconds(1800), 0);
    }

    @Test
    void aTaskAskedForBeforeButNotInTheCrmIsAskedForAgainWithTheSameText() {
        String asked = "Клиент +7 916 123-45-67 звонил в 22:30 и не дозвонился. Перезвонить до 23:00.";
        when(ledger.find(7)).thenReturn(Optional.of(asked(5L, null, 2, 0, null, asked)));
        when(crm.findTask(any())).thenReturn(Optional.empty());
        when(crm.createTask(any())).thenReturn(4745300L);

        assertThat(calls.createTask(7)).contains(4745300L);
        ArgumentCaptor<CrmTaskRequest> created = ArgumentCaptor.forClass(CrmTaskRequest.class);
        verify(crm).createTask(created.capture());
        assertThat(created.getValue().text()).isEqualTo(asked);
        verify(ledger, never()).taskRequested(anyLong(), any(), anyInt());
        verify(ledger).taskCreated(7, 4745300L, "Пропущенный звонок\n" + asked, NOW.plusSeconds(1800), 0);
    }

    /**
     * A number the CRM does not know: the routing rules are asked about the deal a new client would have (the
     * configured pipeline, an open stage, the tag "Пропущенный звонок"), and the callback goes to a member of the team
     * they name who is at work, the one with the fewest callbacks; the task is linked to nothing.
     */
    @Test
    void aNumberTheCrmDoesNotKnowIsRoutedAsANewClientsDeal() {
        MissedCall unknown = unknownCaller(null, null);
        when(ledger.find(7)).thenReturn(Optional.of(unknown));
        when(crm.clientsByPhone("79161234567")).thenReturn(List.of());
        DealRouting.RoutingTable table = mock(DealRouting.RoutingTable.class);
        when(routing.current()).thenReturn(table);
        ArgumentCaptor<CrmDeal> asked = ArgumentCaptor.forClass(CrmDeal.class);
        when(table.route(asked.capture())).thenReturn(new Route(true, "Rule_SalesTreatment", "Продажа лечения", 3, 1L,
                null, true, true, false));
        when(placement.availableMembers(1L)).thenReturn(List.of(5L, 6L));
        when(placement.available(anyLong())).thenReturn(true);
        when(ledger.openCount(5L)).thenReturn(2);
        when(ledger.openCount(6L)).thenReturn(0);
        when(teams.findById(1L)).thenReturn(Optional.empty());

        MissedCalls.Placement placed = calls.place(7);

        assertThat(asked.getValue().pipelineId()).isEqualTo(7001);
        assertThat(asked.getValue().closed()).isFalse();
        assertThat(asked.getValue().tags()).containsExactly("Пропущенный звонок");
        assertThat(placed.teamId()).isEqualTo(1L);
        assertThat(placed.managerId()).isEqualTo(6L);
        assertThat(placed.dealId()).isNull();
        assertThat(placed.contactId()).isNull();
        verify(ledger).placed(7, null, null, 1L, 6L);
    }

    /** No rule names a team for a new client: nobody yet, and its supervisors are the default group. */
    @Test
    void aNewClientWhoseRulesNameNoTeamHasNobodyYet() {
        MissedCall unknown = unknownCaller(null, null);
        when(ledger.find(7)).thenReturn(Optional.of(unknown));
        when(crm.clientsByPhone("79161234567")).thenReturn(List.of());
        DealRouting.RoutingTable table = mock(DealRouting.RoutingTable.class);
        when(routing.current()).thenReturn(table);
        when(table.route(any())).thenReturn(new Route(true, "Rule_AnyOtherOpenDeal", null, 3, null, null, true, true,
                false));

        MissedCalls.Placement placed = calls.place(7);

        assertThat(placed.teamId()).isNull();
        assertThat(placed.managerId()).isNull();
        assertThat(placed.supervisorGroup()).isEqualTo("supervisors");
    }

    @Test
    void theTaskOfACallerTheCrmDoesNotKnowIsLinkedToNothing() {
        MissedCall unknown = unknownCaller(1L, 6L);
        when(ledger.find(7)).thenReturn(Optional.of(unknown));
        when(crm.createTask(any())).thenReturn(4745400L);

        assertThat(calls.createTask(7)).contains(4745400L);
        ArgumentCaptor<CrmTaskRequest> created = ArgumentCaptor.forClass(CrmTaskRequest.class);
        verify(crm).createTask(created.capture());
        assertThat(created.getValue().dealId()).isNull();
        assertThat(created.getValue().contactId()).isNull();
        assertThat(created.getValue().responsibleId()).isEqualTo(6L);
        assertThat(created.getValue().text()).contains("+7 916 123-45-67");
    }

    /**
     * The manager left while the process was still busy (their ManagerWentOffline found it not waiting yet): the step
     * that settles what came before the wait finds them gone and gives the callback, task and all, to a colleague at
     * work.
     */
    @Test
    void aManagerWhoLeftBeforeTheWaitIsFoundThereAndTheCallbackMovesOn() {
        MissedCall call = call(5L, 4745251L, 0, 0, null);
        when(ledger.lock(7)).thenReturn(Optional.of(call));
        when(ledger.find(7)).thenReturn(Optional.of(call));
        when(placement.available(5L)).thenReturn(false);
        when(placement.available(6L)).thenReturn(true);
        when(placement.availableMembers(1L)).thenReturn(List.of(6L));

        assertThat(calls.settleBeforeWaiting(7)).isFalse();

        verify(ledger).reassigned(7, 6L);
        verify(crm).reassignTask(4745251L, 6L);
    }

    @Test
    void aManagerStillAtWorkKeepsTheCallback() {
        when(ledger.lock(7)).thenReturn(Optional.of(call(5L, 4745251L, 0, 0, null)));
        when(placement.available(5L)).thenReturn(true);

        assertThat(calls.settleBeforeWaiting(7)).isFalse();

        verify(ledger, never()).reassigned(anyLong(), anyLong());
        verify(crm, never()).reassignTask(anyLong(), anyLong());
    }

    /**
     * Closing is two writes: the task completed with its result, then a note on the deal. The note failing leaves the
     * completion written down, and the step run again writes the note alone.
     */
    @Test
    void aCloseWhoseNoteFailedDoesNotCompleteTheTaskTwice() {
        MissedCall calledBack = new MissedCall(7, "79161234567", true, NOW, NOW, 0, 3071L, 15L, 1L, 5L, 4745251L,
                "Пропущенный звонок", null, 0, NOW.plusSeconds(1800), null, null, NOW.plusSeconds(300), 5L, 190, null,
                null);
        when(ledger.find(7)).thenReturn(Optional.of(calledBack));
        org.mockito.Mockito.doThrow(new CrmUnavailableException("amoCRM answered 503")).when(crm)
                .addDealNote(anyLong(), any());

        assertThatThrownBy(() -> calls.close(7)).isInstanceOf(CrmException.class)
                .hasMessageContaining("noting the callback on the deal");
        verify(crm).completeTask(4745251L, "Перезвонили в 22:35, разговор 3 мин 10 с");
        verify(ledger).taskCompleted(7, NOW);
        verify(ledger, never()).closed(anyLong(), any());

        MissedCall completed = new MissedCall(7, "79161234567", true, NOW, NOW, 0, 3071L, 15L, 1L, 5L, 4745251L,
                "Пропущенный звонок", null, 0, NOW.plusSeconds(1800), null, null, NOW.plusSeconds(300), 5L, 190, NOW,
                null);
        when(ledger.find(7)).thenReturn(Optional.of(completed));
        org.mockito.Mockito.doNothing().when(crm).addDealNote(anyLong(), any());

        calls.close(7);

        verify(crm, times(1)).completeTask(anyLong(), any());
        verify(crm, times(2)).addDealNote(anyLong(), any());
        verify(ledger).closed(7, NOW);
    }
}
