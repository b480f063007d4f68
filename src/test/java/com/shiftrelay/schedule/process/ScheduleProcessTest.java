package com.shiftrelay.schedule.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
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
 * ManagerShifts and TeamSweeps on their own, every path, with the engine's clock driven: the prompt at a shift's start
 * and its end, the check at the shift's end, a schedule changed meanwhile, the sweeps at their times.
 */
@Deployment(resources = {"processes/ManagerShifts.bpmn", "processes/TeamSweeps.bpmn", "processes/DealHandover.bpmn",
        "forms/shift-starts.form"})
class ScheduleProcessTest {

    /** 08:00 Moscow on the day of the test. */
    private static final Instant SHIFT_START = Instant.parse("2026-12-03T05:00:00Z");
    private static final Instant SHIFT_END = Instant.parse("2026-12-03T17:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

    /** The shifts Task_FindNextShift finds, one per call; empty: none. */
    private final Deque<Instant[]> shifts = new ArrayDeque<>();
    private final Deque<Instant> sweepTimes = new ArrayDeque<>();
    private String offline = "";
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void scriptDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SHIFT_START.minusSeconds(3600)));
        Mocks.register("findNextShiftDelegate", (JavaDelegate) e -> {
            Instant[] next = shifts.poll();
            calls.add("find shift");
            e.setVariable("hasShift", next != null);
            e.setVariable("shiftStartsAt", next == null ? null : Date.from(next[0]));
            e.setVariable("shiftEndsAt", next == null ? null : Date.from(next[1]));
            e.setVariable("shiftHours", "08:00–20:00");
        });
        Mocks.register("startScheduledShiftDelegate", (JavaDelegate) e -> calls.add("started"));
        Mocks.register("endScheduledShiftDelegate", (JavaDelegate) e -> calls.add("ended"));
        Mocks.register("findNextSweepDelegate", (JavaDelegate) e -> {
            Instant at = sweepTimes.poll();
            e.setVariable("hasSweep", at != null);
            e.setVariable("sweepAt", at == null ? null : Date.from(at));
        });
        Mocks.register("findOfflineManagersDelegate", (JavaDelegate) e -> {
            calls.add("find offline");
            e.setVariable("offlineManagerIds", offline);
        });
        Mocks.register("sweepIds", new SweepIds());
        Mocks.register("planHandoverDelegate", (JavaDelegate) e -> {
            calls.add("hand over " + e.getVariable("managerId"));
            e.setVariable("planOutcome", "NOTHING_TO_MOVE");
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void atTheShiftsStartTheManagerIsPromptedAndCompletingItStartsTheShiftAndItsEndAsks() {
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END});
        ProcessInstance pi = startShifts();
        runMessageJobs();
        assertThat(pi).isWaitingAt("Gateway_BeforeShift");
        Assertions.assertThat(timer(pi, "Event_ShiftStarts").getDuedate()).isEqualTo(Date.from(SHIFT_START));

        fire(pi, "Event_ShiftStarts", SHIFT_START);
        assertThat(pi).isWaitingAt("UserTask_StartShift");
        assertThat(task(pi)).isAssignedTo("anna").hasName("Начать смену");
        Assertions.assertThat(task(pi).getDueDate()).isEqualTo(Date.from(SHIFT_END));

        complete(task(pi));
        runMessageJobs();
        assertThat(pi).isWaitingAt("Gateway_OnShift");
        fire(pi, "Event_ShiftEnds", SHIFT_END);

        Assertions.assertThat(calls).containsExactly("find shift", "started", "ended", "find shift");
        assertThat(pi).isEnded().hasPassed("EndEvent_NoSchedule");
    }

    @Test
    void aPromptNeverAnsweredGoesAwayByItselfAtTheShiftsEnd() {
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END});
        shifts.add(new Instant[] {SHIFT_START.plusSeconds(86_400 * 2), SHIFT_END.plusSeconds(86_400 * 2)});
        ProcessInstance pi = startShifts();
        runMessageJobs();
        fire(pi, "Event_ShiftStarts", SHIFT_START);
        fire(pi, "BoundaryEvent_ShiftOverUnstarted", SHIFT_END);

        assertThat(pi).hasPassed("BoundaryEvent_ShiftOverUnstarted").isWaitingAt("Gateway_BeforeShift");
        Assertions.assertThat(calls).containsExactly("find shift", "find shift");
        Assertions.assertThat(timer(pi, "Event_ShiftStarts").getDuedate())
                .isEqualTo(Date.from(SHIFT_START.plusSeconds(86_400 * 2)));
    }

    @Test
    void aChangedScheduleMovesTheTimersWhereverTheInstanceWaits() {
        Instant tomorrow = SHIFT_START.plusSeconds(86_400);
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END});
        shifts.add(new Instant[] {tomorrow, SHIFT_END.plusSeconds(86_400)});
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END});
        shifts.add(new Instant[] {tomorrow, SHIFT_END.plusSeconds(86_400)});
        ProcessInstance pi = startShifts();
        runMessageJobs();

        scheduleChanged();
        assertThat(pi).hasPassed("Event_ScheduleChangedBeforeShift").isWaitingAt("Gateway_BeforeShift");
        Assertions.assertThat(timer(pi, "Event_ShiftStarts").getDuedate()).isEqualTo(Date.from(tomorrow));

        scheduleChanged();
        fire(pi, "Event_ShiftStarts", SHIFT_START);
        scheduleChanged();
        assertThat(pi).hasPassed("BoundaryEvent_ScheduleChangedDuringPrompt").isWaitingAt("Gateway_BeforeShift");
        Assertions.assertThat(task(pi)).as("the prompt is gone with the old schedule").isNull();
    }

    @Test
    void aScheduleChangedDuringTheShiftMovesItsEnd() {
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END});
        shifts.add(new Instant[] {SHIFT_START, SHIFT_END.minusSeconds(6 * 3600)});
        ProcessInstance pi = startShifts();
        runMessageJobs();
        fire(pi, "Event_ShiftStarts", SHIFT_START);
        complete(task(pi));
        runMessageJobs();

        scheduleChanged();

        assertThat(pi).hasPassed("Event_ScheduleChangedDuringShift").isWaitingAt("Gateway_BeforeShift");
    }

    @Test
    void atEachSweepTimeTheOfflineManagersDealsAreHandedOverOneByOne() {
        Instant at0815 = SHIFT_START.plusSeconds(15 * 60);
        sweepTimes.add(at0815);
        offline = "7,9";
        ProcessInstance pi = startSweeps();
        runMessageJobs();
        assertThat(pi).isWaitingAt("Gateway_BeforeSweep");
        Assertions.assertThat(timer(pi, "Event_SweepDue").getDuedate()).isEqualTo(Date.from(at0815));

        fire(pi, "Event_SweepDue", at0815);

        Assertions.assertThat(calls).containsExactly("find offline", "hand over 7", "hand over 9");
        assertThat(pi).isEnded().hasPassed("CallActivity_SweepDeals", "EndEvent_NoSweeps");
    }

    @Test
    void aSweepWithNobodyToTakeTheDealsMovesNothingAndWaitsForTheNext() {
        Instant at0815 = SHIFT_START.plusSeconds(15 * 60);
        sweepTimes.add(at0815);
        sweepTimes.add(at0815.plusSeconds(6 * 3600 - 15 * 60));
        offline = "";
        ProcessInstance pi = startSweeps();
        runMessageJobs();
        fire(pi, "Event_SweepDue", at0815);

        Assertions.assertThat(calls).containsExactly("find offline");
        assertThat(pi).isWaitingAt("Gateway_BeforeSweep");
    }

    @Test
    void changedSweepTimesMoveTheNextTimer() {
        sweepTimes.add(SHIFT_START.plusSeconds(900));
        sweepTimes.add(SHIFT_START.plusSeconds(1800));
        ProcessInstance pi = startSweeps();
        runMessageJobs();

        runtimeService().createMessageCorrelation("TeamScheduleChanged").processInstanceBusinessKey("12").correlateAll();
        runMessageJobs();

        assertThat(pi).hasPassed("Event_SweepTimesChanged").isWaitingAt("Gateway_BeforeSweep");
        Assertions.assertThat(timer(pi, "Event_SweepDue").getDuedate()).isEqualTo(Date.from(SHIFT_START.plusSeconds(1800)));
    }

    private ProcessInstance startShifts() {
        return runtimeService().startProcessInstanceByKey("ManagerShifts", "5",
                Map.of("managerId", 5L, "managerLogin", "anna"));
    }

    private ProcessInstance startSweeps() {
        return runtimeService().startProcessInstanceByKey("TeamSweeps", "12", Map.of("teamId", 12L));
    }

    private void scheduleChanged() {
        runtimeService().createMessageCorrelation("ScheduleChanged").processInstanceBusinessKey("5").correlateAll();
        runMessageJobs();
    }

    private Job timer(ProcessInstance pi, String activity) {
        return jobQuery().processInstanceId(pi.getId()).timers().activityId(activity).singleResult();
    }

    /** The engine's clock reaches the timer's time and the timer fires; the steps after it run. */
    private void fire(ProcessInstance pi, String activity, Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        execute(timer(pi, activity));
        runMessageJobs();
    }

    private void runMessageJobs() {
        for (int i = 0; i < 50; i++) {
            Job job = jobQuery().messages().list().stream().findFirst().orElse(null);
            if (job == null) {
                return;
            }
            execute(job);
        }
        throw new AssertionError("jobs keep coming");
    }
}
