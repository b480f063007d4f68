package com.shiftrelay.presence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every manager known from the CRM, with their presence. */
public interface Managers extends JpaRepository<Manager, Long> {

    Optional<Manager> findByLogin(String login);

    List<Manager> findByTeamIdAndStateAndActiveTrue(Long teamId, PresenceState state);

    List<Manager> findAllByOrderByIdAsc();
}
