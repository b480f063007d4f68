package com.shiftrelay.calls.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.calls.MissedCalls;
import com.shiftrelay.sms.SmsRejectedException;
import com.shiftrelay.sms.SmsSending;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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

/** Every path of MissedCall, with the real delegates and signals over a stand-in for the missed-call use cases. */
@Deployment(resources = {"processes/MissedCall.bpmn", "forms/missed-call-overdue.form"})
class MissedCallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private static final Instant MISSED = Instant.parse("2026-12-03T11:32:00Z");
    private static final long ID = 7;
    private static final String NUMBER = "79161234567";

    private final MissedCalls calls = mock(MissedCalls.class);
    private ProcessCallbackSignals signals;

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MISSED));
        Mocks.register("placeCallbackDelegate", new PlaceCallbackDelegate(calls));
        Mocks.register("textClientDelegate", new TextClientDelegate(calls));
        Mocks.register("createCallbackTaskDelegate", new CreateCallbackTaskDelegate(calls));
        Mocks.register("commentRepeatDelegate", new CommentRepeatDelegate(calls));
        Mocks.register("escalateCallbackDelegate", new EscalateCallbackDelegate(calls));
        Mocks.register("closeCallbackDelegate", new CloseCallbackDelegate(calls));
        Mocks.register("reassignCallbackDelegate", new ReassignCallbackDelegate(calls));
        signals = new ProcessCallbackSignals(runtimeService());
        when(calls.place(ID)).thenReturn(new MissedCalls.Placement(3071L, 15L, 1L, 5L, "supervisors",
                MISSED.plusSeconds(1800), NUMBER, MISSED));
        when(calls.time(MISSED)).thenReturn("14:32");
        when(calls.time(MISSED.plusSeconds(1800))).thenReturn("15:02");
        when(calls.textClient(ID)).thenReturn(SmsSending.Outcome.SENT);
        when(calls.createTask(ID)).thenReturn(Optional.of(4745251L));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theFirstMissedCallTextsTheClientGivesTheManagerATaskAndACallbackClosesIt() {
        ProcessInstance pi = start();
        execute(job(pi));
        execute(jobAt(pi, "Task_TextClient"));
        execute(jobAt(pi, "Task_CreateCallbackTask"));

        assertThat(pi).hasPassed("Task_PlaceCallback", "Task_TextClient", "Task_CreateCallbackTask")
                .isWaitingAt("Task_WaitForCallback")
                .variables().containsEntry("managerId", 5L).containsEntry("crmTaskId", 4745251L)
                .containsEntry("smsOutcome", "SENT").containsEntry("clientNumber", "+7 916 123-45-67");

        signals.calledBack(ID);
        execute(job(pi));

        assertThat(pi).hasPassed("Task_CloseCallback", "EndEvent_CalledBack").isEnded();
        verify(calls).close(ID);
    }

    @Test
    void aRepeatedMissedCallAddsACommentAndTheProcessGoesOnWaiting() {
        ProcessInstance pi = waiting();

        signals.callRepeated(ID);
        execute(jobAt(pi, "Task_CommentRepeat"));
        signals.callRepeated(ID);
        execute(jobAt(pi, "Task_CommentRepeat"));

        verify(calls, times(2)).commentRepeat(ID);
        verify(calls, times(1)).createTask(ID);
        assertThat(pi).hasPassed("Task_CommentRepeat", "EndEvent_RepeatCommented").isWaitingAt("Task_WaitForCallback");
    }

    @Test
    void aCallbackMadeBeforeTheTaskExistedClosesItAtOnce() {
        when(calls.settleBeforeWaiting(ID)).thenReturn(true);
        ProcessInstance pi = start();
        execute(job(pi));
        execute(jobAt(pi, "Task_TextClient"));
        execute(jobAt(pi, "Task_CreateCallbackTask"));
        execute(jobAt(pi, "Task_CloseCallback"));

        assertThat(pi).hasPassed("Gateway_CalledBackMeanwhile", "Task_CloseCallback").hasNotPassed("Task_WaitForCallback")
                .isEnded();
        verify(calls).close(ID);
    }

    @Test
    void theDeadlinePassingEscalatesToTheSupervisorsAndClosesNothing() {
        ProcessInstance pi = waiting();

        ClockUtil.setCurrentTime(Date.from(MISSED.plusSeconds(1801)));
        execute(job(pi));
        execute(job(pi));

        verify(calls).escalate(ID);
        verify(calls, never()).close(ID);
        assertThat(pi).isWaitingAt("Task_WaitForCallback", "UserTask_CallbackOverdue");
        assertThat(task("UserTask_CallbackOverdue", pi)).hasCandidateGroup("supervisors");
        Assertions.assertThat(taskService().getVariables(task("UserTask_CallbackOverdue", pi).getId()))
                .containsEntry("clientNumber", "+7 916 123-45-67").containsEntry("missedAt", "14:32")
                .containsEntry("deadlineAt", "15:02");

        // The callback comes late: the task in the CRM closes, and so does the supervisors' one.
        signals.calledBack(ID);
        execute(job(pi));
        assertThat(pi).hasPassed("Task_CloseCallback").isEnded();
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void theManagerLeavingBeforeCallingBackHandsTheCallbackOn() {
        when(calls.reassign(ID)).thenReturn(Optional.of(6L));
        ProcessInstance pi = waiting();

        signals.managerLeft(ID);
        execute(jobAt(pi, "Task_ReassignCallback"));

        verify(calls).reassign(ID);
        assertThat(pi).hasPassed("Task_ReassignCallback").isWaitingAt("Task_WaitForCallback")
                .variables().containsEntry("managerId", 6L);
    }

    @Test
    void nobodyAtWorkMeansNoTaskYetButTheDeadlineStillReachesTheSupervisors() {
        when(calls.place(ID)).thenReturn(new MissedCalls.Placement(null, null, null, null, "supervisors",
                MISSED.plusSeconds(1800), NUMBER, MISSED));
        when(calls.createTask(ID)).thenReturn(Optional.empty());
        ProcessInstance pi = waiting();
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), "crmTaskId")).isNull();

        ClockUtil.setCurrentTime(Date.from(MISSED.plusSeconds(1801)));
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_WaitForCallback", "UserTask_CallbackOverdue");
    }

    @Test
    void aThrottledSmsSendsNothingAndTheCallbackGoesOn() {
        when(calls.textClient(ID)).thenReturn(SmsSending.Outcome.THROTTLED);
        ProcessInstance pi = waiting();

        assertThat(pi).variables().containsEntry("smsOutcome", "THROTTLED");
        verify(calls).createTask(ID);
    }

    /** The SMS and the task go separate ways: a refused SMS is an incident of its own, and the task is there. */
    @Test
    void anSmsTheGatewayRefusesIsRetriedAndEndsAsAnIncidentNamingTheNumberWhileTheTaskIsCreated() {
        doThrow(new SmsRejectedException(NUMBER, 202, "Неправильно указан номер телефона получателя"))
                .when(calls).textClient(ID);
        ProcessInstance pi = start();
        execute(job(pi));
        execute(jobAt(pi, "Task_CreateCallbackTask"));
        verify(calls).createTask(ID);

        Job sms = jobAt(pi, "Task_TextClient");
        for (int left = sms.getRetries() - 1; left >= 0; left--) {
            Assertions.assertThatThrownBy(() -> managementService().executeJob(sms.getId()))
                    .isInstanceOf(SmsRejectedException.class);
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_TextClient");
        Assertions.assertThat(incident.getIncidentMessage()).contains(NUMBER);
        assertThat(pi).isWaitingAt("Task_TextClient", "Task_WaitForCallback");
    }

    /** The step's job: a waiting callback also has its deadline's timer. */
    private static Job jobAt(ProcessInstance pi, String activity) {
        return jobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    private ProcessInstance start() {
        signals.callbackOwed(ID, NUMBER);
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER)
                .singleResult();
        assertThat(pi).isWaitingAt("Task_PlaceCallback").variables().containsEntry("missedCallId", ID);
        return pi;
    }

    private ProcessInstance waiting() {
        ProcessInstance pi = start();
        execute(job(pi));
        execute(jobAt(pi, "Task_TextClient"));
        execute(jobAt(pi, "Task_CreateCallbackTask"));
        assertThat(pi).isWaitingAt("Task_WaitForCallback");
        return pi;
    }

}
