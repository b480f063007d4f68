package com.shiftrelay.presence.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Presence;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StartShift, ActivityPolling and ManagerDirectorySync: the small processes around presence. */
class ShiftAndPollingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();
    private boolean knownManager = true;
    private final Set<String> managers = new HashSet<>(Set.of("anna", "boris"));
    private String deploymentId;

    /** Stands in for the Spring bean the timer cycles are read from. */
    public static class Timers {
        public String getActivityPollCycle() {
            return "R/PT20S";
        }

        public String getDirectorySyncCycle() {
            return "R/PT10M";
        }
    }

    @BeforeEach
    void deploy() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-23T08:00:00Z")));
        // The timer cycles are expressions, evaluated at deployment: the bean must exist first.
        Mocks.register("presenceTimers", new Timers());
        // The real listener: who starts a shift is the point of these tests.
        Presence presence = mock(Presence.class);
        when(presence.findByLogin(any())).thenAnswer(call -> managers.contains(call.getArgument(0, String.class))
                ? Optional.of(mock(Manager.class)) : Optional.empty());
        Mocks.register("shiftStarter", new ShiftStarter(presence));
        Mocks.register("confirmShiftStartDelegate", (JavaDelegate) e -> {
            calls.add("confirm " + e.getVariable(PresenceVariables.STARTER_LOGIN));
            e.setVariable("knownManager", knownManager);
        });
        Mocks.register("pollCrmActivityDelegate", (JavaDelegate) e -> calls.add("poll"));
        Mocks.register("fetchDealChangesDelegate", (JavaDelegate) e -> calls.add("fetch deal changes"));
        Mocks.register("syncManagersDelegate", (JavaDelegate) e -> calls.add("sync"));
        deploymentId = repositoryService().createDeployment()
                .addClasspathResource("processes/StartShift.bpmn")
                .addClasspathResource("processes/ActivityPolling.bpmn")
                .addClasspathResource("processes/ManagerDirectorySync.bpmn")
                .addClasspathResource("forms/start-shift.form")
                .addClasspathResource("forms/not-a-manager.form")
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aManagerStartsAShiftFromTasklist() {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("anna");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift");
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

        assertThat(pi).isEnded().hasPassed("EndEvent_ShiftStarted");
        Assertions.assertThat(calls).containsExactly("confirm anna");
    }

    @Test
    void theStarterIsTheAuthenticatedUserWhateverTheStartVariablesSay() {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("boris");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift",
                Map.of(PresenceVariables.STARTER_LOGIN, "anna"));
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

        assertThat(pi).isEnded().hasPassed("EndEvent_ShiftStarted");
        Assertions.assertThat(calls).containsExactly("confirm boris");
    }

    @Test
    void aStartWithoutAnAuthenticatedUserHasNoStarterAndConfirmsNobody() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift",
                Map.of(PresenceVariables.STARTER_LOGIN, "anna"));

        assertThat(pi).isWaitingAt("UserTask_ExplainNotAManager");
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isOne();
        Assertions.assertThat(calls).isEmpty();
    }

    @Test
    void somebodyWhoIsNoManagerIsToldAtOnceAndNothingChanges() {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("admin");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift");
        engine.getProcessEngine().getIdentityService().clearAuthentication();

        // Synchronously, in the start's transaction: Tasklist finds the task when the start returns.
        assertThat(pi).isWaitingAt("UserTask_ExplainNotAManager").task().isAssignedTo("admin");
        complete(task(pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_NotAManager").hasNotPassed("Task_ConfirmShiftStart");
        Assertions.assertThat(calls).isEmpty();
    }

    @Test
    void anUnreadExplanationClosesItselfAfterTenMinutes() {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("admin");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift");
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        Job timer = jobQuery().processInstanceId(pi.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(java.time.Instant.parse("2026-11-23T08:10:00Z")));

        execute(timer);

        assertThat(pi).isEnded().hasPassed("BoundaryEvent_ExplanationUnread", "EndEvent_NotAManager");
    }

    @Test
    void aManagerDeactivatedBetweenTheStartAndTheConfirmationEndsQuietly() {
        knownManager = false;
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("anna");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("StartShift");
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

        assertThat(pi).isEnded().hasPassed("EndEvent_ManagerGone");
        Assertions.assertThat(calls).containsExactly("confirm anna");
    }

    @Test
    void theActivityPollRunsOnTheEnginesTimer() {
        Job timer = timerOf("ActivityPolling");
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(java.time.Instant.parse("2026-11-23T08:00:20Z")));

        execute(timer);
        execute(jobQuery().messages().singleResult());
        // each step its own job: a failed fetch of deal changes does not read the activity again
        execute(jobQuery().messages().singleResult());

        Assertions.assertThat(calls).containsExactly("poll", "fetch deal changes");
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("ActivityPolling")
                .completed().count()).isEqualTo(1);
        Assertions.assertThat(timerOf("ActivityPolling")).as("the next poll is scheduled").isNotNull();
    }

    @Test
    void theDirectorySyncRunsAtStartAndOnTheEnginesTimer() {
        ProcessInstance atStart = runtimeService().startProcessInstanceByMessage("DirectorySyncRequested");
        execute(jobQuery().processInstanceId(atStart.getId()).singleResult());
        assertThat(atStart).isEnded().hasPassed("StartEvent_SyncRequested", "EndEvent_DirectorySynced");

        execute(timerOf("ManagerDirectorySync"));
        execute(jobQuery().messages().singleResult());

        Assertions.assertThat(calls).containsExactly("sync", "sync");
    }

    private Job timerOf(String processKey) {
        String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .singleResult().getId();
        return jobQuery().timers().processDefinitionId(definitionId).singleResult();
    }
}
