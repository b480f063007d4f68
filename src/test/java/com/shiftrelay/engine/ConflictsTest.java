package com.shiftrelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class ConflictsTest {

    @Test
    void racesAreTheEnginesOptimisticLockAndTheDatabasesBrokenOffWaits() {
        assertThat(Conflicts.lostARace(new OptimisticLockingException("busy"))).isTrue();
        assertThat(Conflicts.lostARace(new CannotAcquireLockException("lock wait"))).isTrue();
        assertThat(Conflicts.lostARace(new ProcessEngineException("flush failed",
                new PersistenceException(new SQLException("deadlock detected", "40P01"))))).isTrue();
        assertThat(Conflicts.lostARace(new ProcessEngineException("flush failed",
                new SQLException("could not serialize access", "40001")))).isTrue();
        assertThat(Conflicts.lostARace(new RuntimeException(new SQLException("lock not available", "55P03"))))
                .isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(Conflicts.lostARace(new ProcessEngineException("no such process definition"))).isFalse();
        assertThat(Conflicts.lostARace(new ProcessEngineException("bad",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(Conflicts.lostARace(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Conflicts.lostARace(new IllegalStateException())).isFalse();
    }
}
