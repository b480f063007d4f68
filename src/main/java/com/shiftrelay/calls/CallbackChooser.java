package com.shiftrelay.calls;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Who calls the client back, decided without I/O: the client's responsible manager if they can take work now;
 * otherwise the colleague who holds the client's deal now, if they can; otherwise somebody of the deal's team who
 * can, the one with the fewest callbacks open; otherwise nobody yet (the callback waits for the first one).
 */
public final class CallbackChooser {

    private CallbackChooser() {
    }

    /** A team member who can take work, and how many callbacks they owe now. */
    public record Candidate(long managerId, int openCallbacks) {
    }

    public static Optional<Long> choose(Long responsibleId, Long dealHolderId, List<Candidate> team,
                                        LongPredicate available) {
        if (responsibleId != null && available.test(responsibleId)) {
            return Optional.of(responsibleId);
        }
        if (dealHolderId != null && available.test(dealHolderId)) {
            return Optional.of(dealHolderId);
        }
        return team.stream()
                .filter(candidate -> available.test(candidate.managerId()))
                .min((a, b) -> a.openCallbacks() != b.openCallbacks()
                        ? Integer.compare(a.openCallbacks(), b.openCallbacks())
                        : Long.compare(a.managerId(), b.managerId()))
                .map(Candidate::managerId);
    }
}
