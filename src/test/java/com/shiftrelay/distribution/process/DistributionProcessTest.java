package com.shiftrelay.distribution.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/** DealAssignment and QueueDrain on their own, every path: the steps' outcomes are scripted, the engine is real. */
@Deployment(resources = {"processes/DealAssignment.bpmn", "processes/QueueDrain.bpmn", "forms/deal-waits.form"})
class DistributionProcessTest {

    private static final long DEAL = 501;
    private static final long ENTRY = 77;

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    /** What Task_RouteDeal decides, then what Task_SettleAssignment decides. */
    private final List<Map<String, Object>> decisions = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private String drainOutcome;

    @BeforeEach
    void scriptDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        JavaDelegate decide = execution -> {
            steps.add(execution.getCurrentActivityId());
            execution.setVariables(decisions.remove(0));
        };
        Mocks.register("routeDealDelegate", decide);
        Mocks.register("settleAssignmentDelegate", decide);
        Mocks.register("writeHandoverBatchDelegate", (JavaDelegate) execution ->
                steps.add("batch " + execution.getVariable("loopCounter") + " of " + execution.getVariable("handoverId")));
        Mocks.register("dealWaitsTooLongListener", (TaskListener) task -> task.setDescription("ждёт 15 мин"));
        Mocks.register("planDrainDelegate", (JavaDelegate) execution -> {
            steps.add("plan drain of team " + execution.getVariable("teamId"));
            execution.setVariable("drainOutcome", drainOutcome);
            execution.setVariable("handoverId", "drain-1");
            execution.setVariable("batchCount", "PLANNED".equals(drainOutcome) ? 2 : 0);
        });
        Mocks.register("settleDrainDelegate", (JavaDelegate) execution -> steps.add("settle drain"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private static Map<String, Object> assigned(String runId, int batches) {
        return Map.of("assignmentOutcome", "ASSIGNED", "handoverId", runId == null ? "" : runId, "batchCount", batches);
    }

    private static Map<String, Object> queued() {
        return Map.of("assignmentOutcome", "QUEUED", "handoverId", "", "batchCount", 0, "queueEntryId", ENTRY,
                "queueWaitLimit", "PT15M", "supervisorGroup", "supervisors");
    }

    private static Map<String, Object> leftAlone() {
        return Map.of("assignmentOutcome", "LEFT_ALONE", "handoverId", "", "batchCount", 0);
    }

    @Test
    void aDealForSomebodyAtWorkIsWrittenToTheCrmAndEnds() {
        decisions.add(assigned("run-1", 1));
        decisions.add(assigned(null, 0));
        ProcessInstance pi = dealChanged();
        runMessageJobs();

        Assertions.assertThat(steps).containsExactly("Task_RouteDeal", "batch 0 of run-1", "Task_SettleAssignment");
        assertThat(pi).isEnded().hasPassed("EndEvent_DealAssigned");
    }

    @Test
    void aDealThatStaysWhereItIsEndsWithoutWriting() {
        for (Map<String, Object> decision : List.of(assigned(null, 0), leftAlone())) {
            decisions.add(decision);
            ProcessInstance pi = dealChanged();
            runMessageJobs();
            assertThat(pi).isEnded().hasPassed("EndEvent_NoReassignment").hasNotPassed("Task_WriteBatch");
        }
    }

    @Test
    void aQueuedDealEndsWhenItLeavesTheQueueBeforeAnybodyIsAsked() {
        decisions.add(queued());
        ProcessInstance pi = dealChanged();
        runMessageJobs();
        assertThat(pi).isWaitingAt("Gateway_InQueue");
        Assertions.assertThat(jobQuery().timers().processInstanceId(pi.getId()).singleResult().getDuedate()).isNotNull();

        dealLeftQueue();

        assertThat(pi).isEnded().hasPassed("EndEvent_DealTakenFromQueue").hasNotPassed("UserTask_DealWaitsTooLong");
    }

    @Test
    void aDealThatWaitsTooLongAsksTheSupervisorsAndTheirTaskEndsByItselfWhenTheDealLeaves() {
        decisions.add(queued());
        ProcessInstance pi = dealChanged();
        runMessageJobs();
        execute(jobQuery().timers().processInstanceId(pi.getId()).singleResult());

        assertThat(pi).isWaitingAt("UserTask_DealWaitsTooLong");
        assertThat(task(pi)).hasCandidateGroup("supervisors").hasDescription("ждёт 15 мин");
        dealLeftQueue();

        assertThat(pi).isEnded().hasPassed("EndEvent_EscalationNoLongerNeeded");
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aSupervisorWhoTakesTheTaskLeavesTheDealWatchedUntilItLeavesTheQueue() {
        decisions.add(queued());
        ProcessInstance pi = dealChanged();
        runMessageJobs();
        execute(jobQuery().timers().processInstanceId(pi.getId()).singleResult());

        complete(task(pi));
        assertThat(pi).isWaitingAt("Event_DealLeftQueueAfterEscalation");
        dealLeftQueue();

        assertThat(pi).isEnded().hasPassed("EndEvent_DealLeftQueueAfterEscalation");
    }

    @Test
    void aManagerWhoLeftBeforeTheWriteSendsTheDealToTheQueue() {
        decisions.add(assigned("run-2", 1));
        decisions.add(queued());
        ProcessInstance pi = dealChanged();
        runMessageJobs();

        assertThat(pi).isWaitingAt("Gateway_InQueue").hasPassed("Task_SettleAssignment");
    }

    @Test
    void aDealAPersonChangedBeforeTheWriteEndsAsChanged() {
        decisions.add(assigned("run-3", 1));
        decisions.add(leftAlone());
        ProcessInstance pi = dealChanged();
        runMessageJobs();

        assertThat(pi).isEnded().hasPassed("EndEvent_ChangedMeanwhile");
    }

    @Test
    void aDrainRequestedByAnArrivalWaitsItsDelayThenDealsOutInBatches() {
        drainOutcome = "PLANNED";
        ProcessInstance pi = drainRequested("PT15M");
        assertThat(pi).isWaitingAt("Event_DrainDelayOver");
        Assertions.assertThat(steps).isEmpty();

        execute(jobQuery().timers().processInstanceId(pi.getId()).singleResult());
        runMessageJobs();

        Assertions.assertThat(steps).containsExactly("plan drain of team 3", "batch 0 of drain-1", "batch 1 of drain-1",
                "settle drain");
        assertThat(pi).isEnded().hasPassed("EndEvent_QueueDealtOut");
    }

    @Test
    void aDrainWithNoDelayAndNobodyToTakeTheDealsEndsAtOnce() {
        drainOutcome = "NOTHING";
        ProcessInstance pi = drainRequested("PT0S");
        runMessageJobs();

        assertThat(pi).isEnded().hasPassed("EndEvent_NothingToDealOut").hasNotPassed("Event_DrainDelayOver");
    }

    private ProcessInstance dealChanged() {
        return runtimeService().createMessageCorrelation("DealChanged").processInstanceBusinessKey(String.valueOf(DEAL))
                .setVariable("dealId", DEAL).setVariable("dealEventId", 9L).setVariable("changeKind", "ADDED")
                .correlateStartMessage();
    }

    private ProcessInstance drainRequested(String delay) {
        return runtimeService().createMessageCorrelation("QueueDrainRequested").processInstanceBusinessKey("3")
                .setVariable("teamId", 3L).setVariable("drainDelay", delay).correlateStartMessage();
    }

    private void dealLeftQueue() {
        runtimeService().createMessageCorrelation("DealLeftQueue").processInstanceVariableEquals("queueEntryId", ENTRY)
                .correlateAll();
    }

    private void runMessageJobs() {
        for (Job job = nextMessageJob(); job != null; job = nextMessageJob()) {
            execute(job);
        }
    }

    private Job nextMessageJob() {
        return jobQuery().messages().list().stream().findFirst().orElse(null);
    }
}
