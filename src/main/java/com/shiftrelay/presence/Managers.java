package com.shiftrelay.presence;

import com.shiftrelay.crm.WorkDay;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.transaction.annotation.Transactional;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every manager known from the CRM, with their presence. */
public interface Managers extends JpaRepository<Manager, Long> {

    Optional<Manager> findByLogin(String login);

    List<Manager> findByTeamIdAndStateAndActiveTrue(Long teamId, PresenceState state);

    List<Manager> findAllByOrderByIdAsc();

    List<Manager> findByTeamIdAndActiveTrueOrderByIdAsc(Long teamId);

    List<Manager> findByActiveTrue();

    /**
     * Reads and locks the manager's row. A process step that decides on what the manager did locks it,
     * and a use case that records what they did writes it before signalling the process, so the two
     * never miss each other (the step sees the news, or the signal finds the step's wait state).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Manager m where m.id = :id")
    Optional<Manager> lockById(@Param("id") long id);

    /**
     * Records the work day the CRM's time clock shows. A bulk update, so the manager's version stays: the presence
     * process, which writes the same row, never meets an optimistic-lock conflict because of it.
     */
    @Modifying
    @Transactional
    @Query("update Manager m set m.workDay = :workDay where m.id = :id")
    int noteWorkDay(@Param("id") long id, @Param("workDay") WorkDay workDay);

    /** Locks a whole team's rows, always in id order so that two teams' members never deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Manager m where m.teamId = :teamId order by m.id")
    List<Manager> lockTeam(@Param("teamId") long teamId);
}
