package com.shiftrelay.calls;

import com.shiftrelay.sandbox.SandboxClients;
import com.shiftrelay.support.OnSandboxBitrix24;
import com.shiftrelay.support.ShiftRelayIntegrationTest;

/**
 * The missed-call scenario with the sandbox speaking Bitrix24: the client by crm.duplicate.findbycomm, the callback a
 * task bound to the deal (tasks.task.add), each repeat a task comment, the callback's result the last comment of the
 * completed task.
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24
class MissedCallOnBitrix24IT extends MissedCallIT {

    @Override
    String shown(SandboxClients.Task task) {
        return task.title() + "\n" + task.text();
    }

    @Override
    long repeatComments(long deal) {
        return tasksOf(deal).stream().flatMap(task -> task.comments().stream())
                .filter(comment -> comment.startsWith("Повторный звонок")).count();
    }

    @Override
    String result(SandboxClients.Task task) {
        return task.comments().isEmpty() ? null : task.comments().get(task.comments().size() - 1);
    }
}
