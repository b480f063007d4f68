package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceNotices;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of ManagerPresence, with the real DealHandover and DealReturn as called processes and the
 * delegates replaced by scripted stand-ins. Jobs are executed by hand, timers by moving the engine clock.
 */
@Deployment(resources = {"processes/ManagerPresence.bpmn", "processes/DealHandover.bpmn", "processes/DealReturn.bpmn",
        "processes/PresenceCheckNotice.bpmn",
        "forms/confirm-presence.form", "forms/confirm-return.form"})
class ManagerPresenceProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** What the scripted delegates answer, and what they were asked. */
    private String whileAway;
    private boolean inactive;
    private Instant nextCheckAt;
    private boolean wentOffline;
    private final Deque<String> handoverOutcomes = new ArrayDeque<>();
    private String returnOutcome;
    private String completedOutcome;
    private final List<String> calls = new ArrayList<>();
    private final PresenceNotices notices = org.mockito.Mockito.mock(PresenceNotices.class);

    @BeforeEach
    void scriptDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(T0));
        whileAway = "WAIT";
        inactive = false;
        nextCheckAt = T0.plusSeconds(900);
        wentOffline = true;
        returnOutcome = "PLANNED";
        register("checkWhileAwayDelegate", e -> e.setVariable("whileAway", whileAway));
        register("markOnlineDelegate", e -> {
            e.setVariable("handoverOutcome", "NONE");
            e.setVariable("nextCheckAt", Date.from(nextCheckAt));
        });
        register("checkActivityDelegate", e -> {
            e.setVariable("inactive", inactive);
            e.setVariable("nextCheckAt", Date.from(nextCheckAt));
        });
        register("askForConfirmationDelegate", e -> {
            e.setVariable("confirmationDueAt", Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
            PresenceVariables.presenceCheckWording(e);
        });
        Mocks.register("presenceCheckNoticeListener", new PresenceCheckNoticeListener(notices));
        Mocks.register("notifyPresenceCheckDelegate", (JavaDelegate) e -> e.setVariable("noticeId", null));
        register("keepOnlineDelegate", e -> { });
        register("markOfflineIfSilentDelegate", e -> e.setVariable("wentOffline", wentOffline));
        register("markOfflineDelegate", e -> { });
        register("planHandoverDelegate", e -> plan(e, handoverOutcomes.isEmpty() ? "PLANNED" : handoverOutcomes.poll()));
        register("planReturnDelegate", e -> plan(e, returnOutcome));
        register("writeHandoverBatchDelegate", e -> calls.add("write batch " + e.getVariable("loopCounter")));
        register("completeHandoverDelegate", e -> {
            if (completedOutcome != null) {
                e.setVariable("planOutcome", completedOutcome);
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aNewManagerWaitsOffline() {
        ProcessInstance pi = startPresence();
        assertThat(pi).isWaitingAt("Task_CheckWhileAway");
        runJobs(pi);
        assertOffline(pi);
        Assertions.assertThat(calls).containsExactly("checkWhileAwayDelegate");
    }

    @Test
    void confirmingPresenceBringsTheManagerOnlineAndReturnsTheDeals() {
        ProcessInstance pi = startPresence();
        runJobs(pi);
        assertOffline(pi);

        confirm();
        runJobs(pi);

        assertThat(pi).hasPassed("Task_MarkOnline", "CallActivity_ReturnDeals", "Task_CheckActivity")
                .isWaitingAt("Gateway_Online");
        Assertions.assertThat(calls).contains("planReturnDelegate", "write batch 0", "write batch 1", "completeHandoverDelegate");
    }

    @Test
    void activitySinceTheLastCheckKeepsTheManagerOnlineAndMovesTheTimer() {
        ProcessInstance pi = onlineManager();
        Job timer = timerJob(pi);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(T0.plusSeconds(900)));

        nextCheckAt = T0.plusSeconds(900 + 300);
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(900)));
        execute(timer);
        runJobs(pi);

        assertThat(pi).isWaitingAt("Gateway_Online").hasNotPassed("Task_AskForConfirmation");
        Assertions.assertThat(timerJob(pi).getDuedate()).isEqualTo(Date.from(T0.plusSeconds(1200)));
    }

    @Test
    void confirmingTheTaskKeepsTheManagerOnline() {
        ProcessInstance pi = askedToConfirm();
        assertThat(task(pi)).isAssignedTo("anna").hasFormKey(null);

        inactive = false;
        complete(task(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("Task_KeepOnline").isWaitingAt("Gateway_Online");
        Assertions.assertThat(calls).doesNotContain("markOfflineIfSilentDelegate", "planHandoverDelegate");
    }

    @Test
    void anInactivityCheckIsWordedForInactivity() {
        ProcessInstance pi = askedToConfirm();

        assertThat(task(pi)).hasName("Подтвердите, что вы на работе");
    }

    @Test
    void aCrmWithoutNotificationsGetsNoNoticeOfTheCheck() {
        askedToConfirm();

        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("PresenceCheckNotice").count()).isZero();
    }

    @Test
    void inACrmWithNotificationsTheCheckStartsItsNoticeWithTheTaskAndItsDeadline() {
        org.mockito.Mockito.when(notices.wanted()).thenReturn(true);
        ProcessInstance pi = askedToConfirm();

        // The notice's own jobs ran with the check's (its stand-in made no notification), so it is read from history.
        var notice = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("PresenceCheckNotice").singleResult();
        Assertions.assertThat(notice.getBusinessKey()).isEqualTo("5");
        Map<String, Object> variables = new java.util.HashMap<>();
        historyService().createHistoricVariableInstanceQuery().processInstanceId(notice.getId()).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        Assertions.assertThat(variables).containsEntry("taskId", task(pi).getId()).containsEntry("managerId", 5L)
                .containsEntry("presenceCheckTitle", "Подтвердите, что вы на работе")
                .containsEntry("confirmationDueAt", runtimeService().getVariable(pi.getId(), "confirmationDueAt"));
    }

    @Test
    void theShiftsEndAsksAnOnlineManagerAtOnceWordedForTheShiftsEndAndUnansweredHandsTheDealsOver() {
        ProcessInstance pi = onlineManager();

        runtimeService().createMessageCorrelation("ShiftEnded").processInstanceBusinessKey("5")
                .setVariable("presenceCheckReason", "SHIFT_END").correlate();
        runJobs(pi);

        assertThat(pi).hasPassed("Event_ShiftEnded", "Task_AskForConfirmation").isWaitingAt("UserTask_ConfirmPresence");
        assertThat(task(pi)).hasName("Смена закончилась. Вы ещё на работе?").isAssignedTo("anna");
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), "presenceCheckWhy").toString())
                .startsWith("Ваша смена по графику закончилась");

        // No answer in the window: OFFLINE and handed over, as after inactivity.
        execute(managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("BoundaryEvent_ConfirmationTimedOut").singleResult());
        runJobs(pi);
        assertThat(pi).hasPassed("Task_MarkOfflineIfSilent", "CallActivity_HandOverDeals");
        // The next check after inactivity is worded for inactivity again.
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), "presenceCheckReason")).isEqualTo("INACTIVITY");
    }

    @Test
    void aManagerWhoAnswersTheShiftsEndCheckStaysOnlineAndIsNextAskedForInactivity() {
        ProcessInstance pi = onlineManager();
        runtimeService().createMessageCorrelation("ShiftEnded").processInstanceBusinessKey("5")
                .setVariable("presenceCheckReason", "SHIFT_END").correlate();
        runJobs(pi);
        assertThat(task(pi)).hasName("Смена закончилась. Вы ещё на работе?");

        inactive = false;
        complete(task(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("Task_KeepOnline").isWaitingAt("Gateway_Online");
        Assertions.assertThat(calls).doesNotContain("markOfflineIfSilentDelegate", "planHandoverDelegate");
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), "presenceCheckReason")).isEqualTo("INACTIVITY");
    }

    @Test
    void activityDuringTheConfirmationWindowKeepsTheManagerOnline() {
        ProcessInstance pi = askedToConfirm();

        inactive = false;
        runtimeService().correlateMessage("ActivityNoticed", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_ActivityDuringConfirmation", "Task_KeepOnline").isWaitingAt("Gateway_Online");
    }

    @Test
    void confirmingByRestDuringTheWindowKeepsTheManagerOnline() {
        ProcessInstance pi = askedToConfirm();

        inactive = false;
        calls.clear();
        confirm();
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_ConfirmedElsewhere", "Task_KeepOnline").isWaitingAt("Gateway_Online");
    }

    @Test
    void anUnansweredConfirmationHandsTheDealsOver() {
        ProcessInstance pi = askedToConfirm();
        Job timeout = timerJob(pi);
        Assertions.assertThat(timeout.getDuedate()).isEqualTo(Date.from(T0.plusSeconds(900 + 60)));
        Assertions.assertThat(task(pi).getDueDate()).as("Tasklist shows when the check runs out")
                .isEqualTo(timeout.getDuedate());

        ClockUtil.setCurrentTime(timeout.getDuedate());
        execute(timeout);
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_ConfirmationTimedOut", "Task_MarkOfflineIfSilent", "CallActivity_HandOverDeals");
        assertOffline(pi);
        Assertions.assertThat(calls).containsSubsequence("planHandoverDelegate", "write batch 0", "write batch 1",
                "completeHandoverDelegate");
    }

    @Test
    void activityThatArrivedLateStopsTheHandover() {
        ProcessInstance pi = askedToConfirm();
        wentOffline = false;
        inactive = false;

        execute(timerJob(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("Task_MarkOfflineIfSilent").hasNotPassed("CallActivity_HandOverDeals")
                .isWaitingAt("Gateway_Online");
    }

    @Test
    void withNobodyOnlineTheDealsWaitUntilATeamMemberComesOnline() {
        ProcessInstance pi = askedToConfirm();
        handoverOutcomes.add("WAITING");

        execute(timerJob(pi));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Gateway_OfflineDealsWaiting");
        Assertions.assertThat(calls).doesNotContain("write batch 0");

        runtimeService().createMessageCorrelation("TeamMemberCameOnline").processInstanceVariableEquals("teamId", 12L)
                .correlateAll();
        runJobs(pi);

        Assertions.assertThat(calls).contains("write batch 0", "completeHandoverDelegate");
        assertOffline(pi);
    }

    @Test
    void aColleagueWhoCameOnlineWhileTheProcessWasBusyStillGetsTheWaitingDeals() {
        ProcessInstance pi = askedToConfirm();
        handoverOutcomes.add("WAITING");
        execute(timerJob(pi));
        // The hand-over ends WAITING; before the process waits again, it sees a colleague ONLINE.
        whileAway = "COLLEAGUE_ONLINE";
        runUntil(pi, () -> calls.contains("checkWhileAwayDelegate"));
        whileAway = "WAIT";
        runJobs(pi);

        assertThat(pi).hasPassed("CallActivity_HandOverDeals");
        Assertions.assertThat(calls).containsSubsequence("planHandoverDelegate", "checkWhileAwayDelegate",
                "planHandoverDelegate", "write batch 0");
        assertOffline(pi);
    }

    @Test
    void aManagerWhoReturnsWhileTheirDealsWaitGoesStraightOnline() {
        ProcessInstance pi = askedToConfirm();
        handoverOutcomes.add("WAITING");
        execute(timerJob(pi));
        runJobs(pi);

        returnOutcome = "NOTHING_TO_MOVE";
        inactive = false;
        calls.clear();
        confirm();
        runJobs(pi);

        assertThat(pi).hasPassed("Event_ConfirmedWhileDealsWait", "Task_MarkOnline").isWaitingAt("Gateway_Online");
    }

    @Test
    void withHandoverSwitchedOffTheManagerGoesOfflineKeepingTheDeals() {
        ProcessInstance pi = askedToConfirm();
        handoverOutcomes.add("SWITCHED_OFF");

        execute(timerJob(pi));
        runJobs(pi);

        assertOffline(pi);
        Assertions.assertThat(calls).doesNotContain("write batch 0");
    }

    @Test
    void activityWhileOfflineAsksTheManagerToConfirmTheReturn() {
        ProcessInstance pi = startPresence();
        runJobs(pi);

        runtimeService().correlateMessage("ActivityNoticed", "5");
        assertThat(pi).isWaitingAt("UserTask_ConfirmReturn");
        assertThat(task(pi)).isAssignedTo("anna");

        complete(task(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("Task_MarkOnline", "CallActivity_ReturnDeals").isWaitingAt("Gateway_Online");
    }

    @Test
    void aReturnConfirmedByRestClosesTheReturnTask() {
        ProcessInstance pi = startPresence();
        runJobs(pi);
        runtimeService().correlateMessage("ActivityNoticed", "5");

        confirm();
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_ReturnConfirmedElsewhere").isWaitingAt("Gateway_Online");
    }

    @Test
    void whatHappenedWhileAwayDecidesTheNextStep() {
        whileAway = "CONFIRMED";
        returnOutcome = "SWITCHED_OFF";
        ProcessInstance confirmed = startPresence();
        runJobs(confirmed);
        assertThat(confirmed).hasPassed("Task_MarkOnline").isWaitingAt("Gateway_Online");
        Assertions.assertThat(calls).doesNotContain("write batch 0");

        whileAway = "ACTIVE";
        ProcessInstance active = runtimeService().startProcessInstanceByKey("ManagerPresence", "6",
                Map.of("managerId", 6L, "managerLogin", "boris", "teamId", 12L, "handoverOutcome", "NONE"));
        runJobs(active);
        assertThat(active).isWaitingAt("UserTask_ConfirmReturn");
    }

    @Test
    void signingOffHandsTheDealsOverAtOnce() {
        ProcessInstance pi = onlineManager();

        runtimeService().correlateMessage("WentOffline", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("Event_SignedOff", "Task_MarkOffline", "CallActivity_HandOverDeals");
        assertOffline(pi);
    }

    @Test
    void signingOffDuringTheConfirmationWindowHandsTheDealsOver() {
        ProcessInstance pi = askedToConfirm();

        runtimeService().correlateMessage("WentOffline", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_SignedOffDuringConfirmation", "Task_MarkOffline");
        assertOffline(pi);
    }

    @Test
    void aReturnWithNothingToGiveBackStillBringsTheManagerOnline() {
        returnOutcome = "NOTHING_TO_MOVE";
        ProcessInstance pi = onlineManager();
        assertThat(pi).isWaitingAt("Gateway_Online");
        Assertions.assertThat(calls).doesNotContain("write batch 0");
    }

    @Test
    void dealsLeftWaitingWhenTheColleaguesLeftDuringTheHandoverWaitForTheNextOne() {
        ProcessInstance pi = askedToConfirm();
        completedOutcome = "WAITING";
        whileAway = "WAIT";
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(960)));
        execute(timerJob(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("CallActivity_HandOverDeals").isWaitingAt("Gateway_OfflineDealsWaiting");
    }

    @Test
    void confirmingWhileTheHandoverRunsBringsTheManagerBackAtOnce() {
        ProcessInstance pi = askedToConfirm();
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(960)));
        execute(timerJob(pi));
        runUntil(pi, () -> calls.contains("planHandoverDelegate"));
        Assertions.assertThat(calls).doesNotContain("write batch 0");

        inactive = false;
        calls.clear();
        confirm();
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_ConfirmedDuringHandover", "Task_MarkOnline", "CallActivity_ReturnDeals")
                .isWaitingAt("Gateway_Online");
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("DealHandover").count())
                .as("the hand-over stopped").isZero();
        Assertions.assertThat(calls).startsWith("markOnlineDelegate", "planReturnDelegate")
                .doesNotContain("planHandoverDelegate");
    }

    @Test
    void signingOffWhileTheDealsComeBackHandsThemOverAgain() {
        ProcessInstance pi = startPresence();
        runJobs(pi);
        confirm();
        runUntil(pi, () -> calls.contains("planReturnDelegate"));
        calls.clear();

        runtimeService().correlateMessage("WentOffline", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("BoundaryEvent_SignedOffDuringReturn", "Task_MarkOffline", "CallActivity_HandOverDeals");
        Assertions.assertThat(calls).contains("markOfflineDelegate", "planHandoverDelegate").doesNotContain("checkActivityDelegate");
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("DealReturn").count())
                .isZero();
    }

    @Test
    void aReturnStuckPastTheFirstInactivityCheckGivesWayToTheCheck() {
        ProcessInstance pi = startPresence();
        runJobs(pi);
        confirm();
        runUntil(pi, () -> calls.contains("planReturnDelegate"));
        Job stuck = jobQuery().processDefinitionKey("DealReturn").messages().singleResult();
        Assertions.assertThat(stuck).as("a batch the CRM does not take").isNotNull();

        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(900)));
        nextCheckAt = T0.plusSeconds(1800);
        execute(jobQuery().processInstanceId(pi.getId()).timers().singleResult());
        runUntil(pi, () -> calls.contains("checkActivityDelegate"));

        assertThat(pi).hasPassed("BoundaryEvent_InactivityDueDuringReturn").isWaitingAt("Gateway_Online");
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("DealReturn").count())
                .isZero();
    }

    @Test
    void aManagerDeactivatedInTheCrmIsHandedOverAndNoLongerTracked() {
        ProcessInstance pi = onlineManager();
        calls.clear();

        runtimeService().correlateMessage("ManagerDeactivated", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("Task_MarkDeactivatedOffline", "CallActivity_HandOverDealsOfDeactivated")
                .isEnded();
        Assertions.assertThat(calls).contains("markOfflineDelegate", "planHandoverDelegate", "write batch 0");
    }

    @Test
    void aDeactivatedManagersDealsWaitForTheFirstColleagueOnline() {
        ProcessInstance pi = askedToConfirm();
        handoverOutcomes.add("WAITING");

        runtimeService().correlateMessage("ManagerDeactivated", "5");
        runJobs(pi);
        assertThat(pi).isWaitingAt("Event_TeamMemberCameOnlineForDeactivated");
        Assertions.assertThat(BpmnAwareTests.taskQuery().processInstanceId(pi.getId()).count())
                .as("the presence check is gone").isZero();

        runtimeService().createMessageCorrelation("TeamMemberCameOnline").processInstanceVariableEquals("teamId", 12L)
                .correlateAll();
        runJobs(pi);
        assertThat(pi).isEnded();
        Assertions.assertThat(calls).contains("write batch 0");
    }

    @Test
    void aDeactivatedManagersWaitingDealsGoToAColleagueWhoCameOnlineMeanwhile() {
        ProcessInstance pi = onlineManager();
        handoverOutcomes.add("WAITING");
        whileAway = "COLLEAGUE_ONLINE";

        runtimeService().correlateMessage("ManagerDeactivated", "5");
        runJobs(pi);

        assertThat(pi).hasPassed("Task_CheckColleaguesOfDeactivated").isEnded();
        Assertions.assertThat(calls.stream().filter("planHandoverDelegate"::equals).count()).isEqualTo(2);
    }

    private ProcessInstance startPresence() {
        return runtimeService().startProcessInstanceByKey("ManagerPresence", "5",
                Map.of("managerId", 5L, "managerLogin", "anna", "teamId", 12L, "handoverOutcome", "NONE"));
    }

    private ProcessInstance onlineManager() {
        ProcessInstance pi = startPresence();
        runJobs(pi);
        confirm();
        runJobs(pi);
        assertThat(pi).isWaitingAt("Gateway_Online");
        return pi;
    }

    private ProcessInstance askedToConfirm() {
        ProcessInstance pi = onlineManager();
        inactive = true;
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(900)));
        execute(timerJob(pi));
        runJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_ConfirmPresence");
        calls.clear();
        return pi;
    }

    private void confirm() {
        runtimeService().correlateMessage("PresenceConfirmed", "5");
    }

    private void assertOffline(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Gateway_Offline");
    }

    private Job timerJob(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    /** Runs jobs one at a time until the condition holds. */
    private void runUntil(ProcessInstance pi, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            execute(jobQuery().messages().list().get(0));
        }
    }

    /** Runs every due asynchronous continuation of the instance and of the processes it calls. */
    private void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 100; i++) {
            Job next = jobQuery().messages().list().stream().findFirst().orElse(null);
            if (next == null) {
                return;
            }
            execute(next);
        }
        throw new AssertionError("jobs keep coming");
    }

    private void register(String name, JavaDelegate delegate) {
        Mocks.register(name, (JavaDelegate) execution -> {
            calls.add(name);
            delegate.execute(execution);
        });
    }

    private static void plan(org.camunda.bpm.engine.delegate.DelegateExecution execution, String outcome) {
        execution.setVariable("planOutcome", outcome);
        execution.setVariable("handoverId", "PLANNED".equals(outcome) ? "h-1" : null);
        execution.setVariable("batchCount", "PLANNED".equals(outcome) ? 2 : 0);
    }
}
