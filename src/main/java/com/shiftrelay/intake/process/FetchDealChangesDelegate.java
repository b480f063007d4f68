package com.shiftrelay.intake.process;

import com.shiftrelay.intake.feed.DealChangeFeed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ActivityPolling, Task_FetchDealChanges: the deal changes a CRM kept to be fetched, stored once. */
@Component
class FetchDealChangesDelegate implements JavaDelegate {

    private final DealChangeFeed feed;

    FetchDealChangesDelegate(DealChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("dealChangesStored", feed.poll());
    }
}
