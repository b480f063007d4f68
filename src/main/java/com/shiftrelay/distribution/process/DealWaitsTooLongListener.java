package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.WaitingQueue;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN DealAssignment, UserTask_DealWaitsTooLong (create): tells the supervisors, in the task itself, which deal waits,
 * for which team, since how long and in which place of the queue, so Tasklist's list shows it without opening the form.
 */
@Component
class DealWaitsTooLongListener implements TaskListener {

    private final WaitingQueue queue;
    private final Teams teams;
    private final Clock clock;

    DealWaitsTooLongListener(WaitingQueue queue, Teams teams, Clock clock) {
        this.queue = queue;
        this.teams = teams;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long entryId = ((Number) task.getVariable(DistributionVariables.QUEUE_ENTRY_ID)).longValue();
        queue.waitingEntry(entryId).ifPresent(waiting -> {
            String team = teams.findById(waiting.teamId()).map(Team::getName).orElse("команда " + waiting.teamId());
            long minutes = Duration.between(waiting.since(), clock.instant()).toMinutes();
            String deal = waiting.dealName() == null || waiting.dealName().isBlank()
                    ? "Сделка " + waiting.dealId() : "«" + waiting.dealName() + "» (сделка " + waiting.dealId() + ")";
            task.setName("Сделка ждёт в очереди " + minutes + " мин: " + deal);
            task.setDescription(deal + " ждёт в очереди команды «" + team + "» " + minutes + " мин (место в очереди: "
                    + waiting.position() + "): никого из команды нет на смене или у всех полный лимит сделок. "
                    + "Назначьте её менеджеру в CRM или попросите кого-то начать смену. Задача закроется сама, "
                    + "когда сделка уйдёт из очереди.");
            task.setVariableLocal("dealName", waiting.dealName());
            task.setVariableLocal("teamName", team);
            task.setVariableLocal("waitedMinutes", String.valueOf(minutes));
            task.setVariableLocal("queuePosition", String.valueOf(waiting.position()));
        });
    }
}
