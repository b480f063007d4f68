package com.shiftrelay.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls that are ShiftRelay's own doing, not the user's: a signal sent from inside an engine command that runs
 * for a Tasklist user (completing a task, say) must not be judged by that user's authorizations.
 */
public final class ShiftRelayCommands {

    private ShiftRelayCommands() {
    }

    public static <T> T withoutUserAuthorization(Callable<T> call) {
        CommandContext command = Context.getCommandContext();
        try {
            return command == null ? call.call() : command.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
