package com.shiftrelay.handover.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.shiftrelay.crm.CrmUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** The hand-over and return processes on their own: every end, and a CRM that does not answer. */
@Deployment(resources = {"processes/DealHandover.bpmn", "processes/DealReturn.bpmn"})
class DealHandoverProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    private String outcome;
    private int batches;
    private final List<Integer> written = new ArrayList<>();
    /** From this batch on the CRM does not answer; null while it does. */
    private Integer unavailableFromBatch;

    @BeforeEach
    void scriptDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        JavaDelegate plan = execution -> {
            execution.setVariable("planOutcome", outcome);
            execution.setVariable("handoverId", "h-7");
            execution.setVariable("batchCount", batches);
        };
        Mocks.register("planHandoverDelegate", plan);
        Mocks.register("planReturnDelegate", plan);
        Mocks.register("writeHandoverBatchDelegate", (JavaDelegate) this::write);
        Mocks.register("completeHandoverDelegate", (JavaDelegate) execution -> written.add(-1));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void write(DelegateExecution execution) {
        Assertions.assertThat(execution.getVariable("handoverId")).isEqualTo("h-7");
        int batchNo = (Integer) execution.getVariable("loopCounter");
        if (unavailableFromBatch != null && batchNo >= unavailableFromBatch) {
            throw new CrmUnavailableException("CRM down");
        }
        written.add(batchNo);
    }

    @Test
    void eachBatchIsItsOwnJobInOrder() {
        outcome = "PLANNED";
        batches = 3;
        ProcessInstance pi = start("DealHandover");
        execute(next());
        execute(next());
        assertThat(pi).isWaitingAt("Task_WriteBatch");

        execute(next());
        Assertions.assertThat(written).as("one batch per job").containsExactly(0);
        assertThat(pi).isWaitingAt("Task_WriteBatch");
        runJobs();

        Assertions.assertThat(written).containsExactly(0, 1, 2, -1);
        assertThat(pi).isEnded().hasPassed("EndEvent_DealsMoved").variables().containsEntry("planOutcome", "PLANNED");
    }

    @Test
    void everyOtherOutcomeEndsWithoutWriting() {
        for (var end : Map.of("WAITING", "EndEvent_DealsWait", "SWITCHED_OFF", "EndEvent_SwitchedOff",
                "NOTHING_TO_MOVE", "EndEvent_NothingToMove").entrySet()) {
            outcome = end.getKey();
            batches = 0;
            ProcessInstance pi = start("DealHandover");
            runJobs();
            assertThat(pi).isEnded().hasPassed(end.getValue());
        }
        Assertions.assertThat(written).isEmpty();
    }

    @Test
    void theReturnHasTheSameShape() {
        outcome = "PLANNED";
        batches = 1;
        ProcessInstance planned = start("DealReturn");
        runJobs();
        assertThat(planned).isEnded().hasPassed("Task_WriteBatch", "EndEvent_DealsMoved");

        outcome = "SWITCHED_OFF";
        ProcessInstance off = start("DealReturn");
        runJobs();
        assertThat(off).isEnded().hasPassed("EndEvent_SwitchedOff");

        outcome = "NOTHING_TO_MOVE";
        ProcessInstance nothing = start("DealReturn");
        runJobs();
        assertThat(nothing).isEnded().hasPassed("EndEvent_NothingToMove");
    }

    @Test
    void aBatchTheCrmCannotTakeIsRetriedAndEndsAsAnIncidentOnTheWriteStep() {
        outcome = "PLANNED";
        batches = 2;
        // The first batch is written; the CRM is down when the second one is due.
        unavailableFromBatch = 1;
        ProcessInstance pi = start("DealHandover");
        execute(next());
        execute(next());
        execute(next());
        Assertions.assertThat(written).containsExactly(0);

        Job batch = jobQuery().processInstanceId(pi.getId()).singleResult();
        int retries = batch.getRetries();
        Assertions.assertThat(retries).as("the engine's retries").isPositive();
        for (int left = retries - 1; left >= 0; left--) {
            Assertions.assertThatThrownBy(() -> managementService().executeJob(batch.getId()))
                    .isInstanceOf(CrmUnavailableException.class);
            Assertions.assertThat(jobQuery().jobId(batch.getId()).singleResult().getRetries())
                    .as("retries left after a failed attempt").isEqualTo(left);
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_WriteBatch");
        Assertions.assertThat(incident.getConfiguration()).isEqualTo(batch.getId());
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).withRetriesLeft().count())
                .as("nothing left for the job executor to pick up").isZero();
        assertThat(pi).isNotEnded().isWaitingAt("Task_WriteBatch").hasNotPassed("Task_Complete");
        Assertions.assertThat(written).as("the run is not closed").containsExactly(0);
    }

    private ProcessInstance start(String key) {
        return runtimeService().startProcessInstanceByKey(key, "5", Map.of("managerId", 5L));
    }

    private void runJobs() {
        for (Job job = next(); job != null; job = next()) {
            execute(job);
        }
    }

    private Job next() {
        return jobQuery().messages().list().stream().findFirst().orElse(null);
    }
}
