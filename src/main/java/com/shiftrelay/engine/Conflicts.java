package com.shiftrelay.engine;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failed transaction lost a race with another one and may simply be run again: the engine's optimistic lock
 * (a process instance that a job was moving at the same moment), a lock wait or deadlock the database broke off, or a
 * serialization failure. The engine's own statements report these wrapped in its exceptions, not in Spring's, so the
 * SQL state is looked for along the whole chain of causes.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available (PostgreSQL; H2 uses 40001
                    // for a deadlock and HYT00 for a lock timeout).
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("55P03")
                    || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }
}
