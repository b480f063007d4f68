package com.shiftrelay.presence.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.shiftrelay.presence.PresenceNotices;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of PresenceCheckNotice, with the real delegates over a stand-in for the CRM's notifications. */
@Deployment(resources = "processes/PresenceCheckNotice.bpmn")
class PresenceCheckNoticeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final PresenceNotices notices = mock(PresenceNotices.class);

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(T0));
        Mocks.register("notifyPresenceCheckDelegate", new NotifyPresenceCheckDelegate(notices));
        Mocks.register("withdrawPresenceNoticeDelegate", new WithdrawPresenceNoticeDelegate(notices));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theNotificationStaysUntilTheWindowClosesAndIsThenWithdrawn() {
        when(notices.send(5, "Подтвердите, что вы на работе", "08:01:00 (время московское)", "task-1"))
                .thenReturn(OptionalLong.of(12345));
        ProcessInstance pi = start();

        execute(job(pi));
        assertThat(pi).hasPassed("Task_NotifyInCrm").isWaitingAt("Event_WindowClosed");
        verify(notices).send(5, "Подтвердите, что вы на работе", "08:01:00 (время московское)", "task-1");

        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(60)));
        execute(job(pi));
        execute(job(pi));

        assertThat(pi).hasPassed("Task_WithdrawNotice").isEnded();
        verify(notices).withdraw(12345);
    }

    @Test
    void aCrmThatMadeNoNotificationHasNothingToWithdraw() {
        when(notices.send(5, "Подтвердите, что вы на работе", "08:01:00 (время московское)", "task-1"))
                .thenReturn(OptionalLong.empty());
        ProcessInstance pi = start();

        execute(job(pi));

        assertThat(pi).hasPassed("EndEvent_NothingToWithdraw").isEnded();
        verify(notices).send(5, "Подтвердите, что вы на работе", "08:01:00 (время московское)", "task-1");
        verifyNoMoreInteractions(notices);
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("managerId", 5L);
        variables.put("presenceCheckTitle", "Подтвердите, что вы на работе");
        variables.put("confirmationDeadline", "08:01:00 (время московское)");
        variables.put("confirmationDueAt", Date.from(T0.plusSeconds(60)));
        variables.put("taskId", "task-1");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("PresenceCheckNotice", "5", variables);
        assertThat(pi).isWaitingAt("Task_NotifyInCrm");
        return pi;
    }
}
