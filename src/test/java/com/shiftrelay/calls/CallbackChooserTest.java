package com.shiftrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackChooserTest {

    private static final List<CallbackChooser.Candidate> TEAM = List.of(new CallbackChooser.Candidate(7, 2),
            new CallbackChooser.Candidate(8, 0), new CallbackChooser.Candidate(9, 0));

    @Test
    void theResponsibleManagerAtWorkCallsBack() {
        assertThat(CallbackChooser.choose(5L, 6L, TEAM, Set.of(5L, 6L, 7L, 8L)::contains)).contains(5L);
    }

    @Test
    void theResponsibleAwayLeavesItToWhoeverHoldsTheDealNow() {
        assertThat(CallbackChooser.choose(5L, 6L, TEAM, Set.of(6L, 7L, 8L)::contains)).contains(6L);
    }

    @Test
    void bothAwayLeaveItToTheTeamMemberWithTheFewestCallbacksTheLowestIdOnATie() {
        assertThat(CallbackChooser.choose(5L, 6L, TEAM, Set.of(7L, 8L, 9L)::contains)).contains(8L);
        assertThat(CallbackChooser.choose(5L, 6L, TEAM, Set.of(7L)::contains)).contains(7L);
    }

    @Test
    void nobodyAtWorkIsNobody() {
        assertThat(CallbackChooser.choose(5L, 6L, TEAM, id -> false)).isEmpty();
        assertThat(CallbackChooser.choose(null, null, List.of(), id -> true)).isEmpty();
    }
}
