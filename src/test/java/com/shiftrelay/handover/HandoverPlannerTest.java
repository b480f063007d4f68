package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.handover.HandoverPlanner.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HandoverPlannerTest {

    static final long PINNED_FIELD = 900001L;
    static final PlanningRules ALL_PIPELINES = new PlanningRules(PINNED_FIELD, Set.of());
    static final long ANNA = 1, BORIS = 2, VERA = 3, GLEB = 4;

    static CrmDeal deal(long id, long responsible) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, 70011, Set.of(), Instant.EPOCH);
    }

    static CrmDeal pinned(long id, long responsible) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, 70011, Set.of(PINNED_FIELD), Instant.EPOCH);
    }

    static CrmDeal withStatus(long id, long responsible, long status) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, status, Set.of(), Instant.EPOCH);
    }

    static List<CrmDeal> deals(int count, long responsible) {
        List<CrmDeal> deals = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            deals.add(deal(i, responsible));
        }
        return deals;
    }

    static Map<Long, Long> perTaker(HandoverPlanner.Plan plan) {
        return plan.moves().stream().collect(Collectors.groupingBy(PlannedMove::toId, Collectors.counting()));
    }

    @Test
    void equalColleaguesGetEqualShares() {
        var plan = HandoverPlanner.plan(ANNA, deals(28, ANNA), List.of(new Candidate(BORIS, 0), new Candidate(VERA, 0)),
                ALL_PIPELINES);

        assertThat(perTaker(plan)).containsEntry(BORIS, 14L).containsEntry(VERA, 14L);
        assertThat(plan.moves()).allSatisfy(move -> assertThat(move.fromId()).isEqualTo(ANNA));
        assertThat(plan.isWaiting()).isFalse();
    }

    @Test
    void theLessLoadedColleagueCatchesUpFirst() {
        var plan = HandoverPlanner.plan(ANNA, deals(10, ANNA), List.of(new Candidate(BORIS, 8), new Candidate(VERA, 2)),
                ALL_PIPELINES);

        // Vera takes 6 to reach 8, then the remaining 4 alternate: 8+2 and 8+2.
        assertThat(perTaker(plan)).containsEntry(VERA, 8L).containsEntry(BORIS, 2L);
    }

    @Test
    void loadsEndWithinOneDealOfEachOther() {
        var plan = HandoverPlanner.plan(ANNA, deals(31, ANNA),
                List.of(new Candidate(BORIS, 5), new Candidate(VERA, 3), new Candidate(GLEB, 0)), ALL_PIPELINES);

        Map<Long, Long> given = perTaker(plan);
        long boris = 5 + given.getOrDefault(BORIS, 0L);
        long vera = 3 + given.getOrDefault(VERA, 0L);
        long gleb = given.getOrDefault(GLEB, 0L);
        assertThat(List.of(boris, vera, gleb)).allSatisfy(load -> assertThat(load).isBetween(13L, 14L));
        assertThat(plan.moves()).hasSize(31);
    }

    @Test
    void tiesGoToTheLowerManagerIdSoThePlanIsRepeatable() {
        var candidates = List.of(new Candidate(VERA, 0), new Candidate(BORIS, 0));
        var first = HandoverPlanner.plan(ANNA, List.of(deal(2, ANNA), deal(1, ANNA)), candidates, ALL_PIPELINES);
        var second = HandoverPlanner.plan(ANNA, List.of(deal(1, ANNA), deal(2, ANNA)), candidates, ALL_PIPELINES);

        assertThat(first.moves()).containsExactly(new PlannedMove(1, ANNA, BORIS), new PlannedMove(2, ANNA, VERA));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void pinnedClosedAndUncoveredDealsStay() {
        var rules = new PlanningRules(PINNED_FIELD, Set.of(7001L));
        var uncovered = new CrmDeal(5, "other pipeline", ANNA, 7002, 70021, Set.of(), Instant.EPOCH);
        var plan = HandoverPlanner.plan(ANNA,
                List.of(deal(1, ANNA), pinned(2, ANNA), withStatus(3, ANNA, CrmDeal.STATUS_WON),
                        withStatus(4, ANNA, CrmDeal.STATUS_LOST), uncovered),
                List.of(new Candidate(BORIS, 0)), rules);

        assertThat(plan.moves()).containsExactly(new PlannedMove(1, ANNA, BORIS));
        assertThat(plan.kept()).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void withoutAPinnedFieldConfiguredNothingCountsAsPinned() {
        var plan = HandoverPlanner.plan(ANNA, List.of(pinned(1, ANNA)), List.of(new Candidate(BORIS, 0)),
                new PlanningRules(null, Set.of()));

        assertThat(plan.moves()).hasSize(1);
    }

    @Test
    void withNobodyOnlineTheMovableDealsWait() {
        var plan = HandoverPlanner.plan(ANNA, List.of(deal(1, ANNA), pinned(2, ANNA), deal(3, ANNA)), List.of(),
                ALL_PIPELINES);

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.isWaiting()).isTrue();
        assertThat(plan.waiting()).containsExactly(1L, 3L);
        assertThat(plan.kept()).containsExactly(2L);
    }

    @Test
    void theManagerIsNeverTheirOwnTakerAndOthersDealsAreIgnored() {
        var plan = HandoverPlanner.plan(ANNA, List.of(deal(1, ANNA), deal(2, BORIS)),
                List.of(new Candidate(ANNA, 0)), ALL_PIPELINES);

        assertThat(plan.isWaiting()).isTrue();
        assertThat(plan.waiting()).containsExactly(1L);
    }

    @Test
    void nothingToMoveGivesAnEmptyPlan() {
        var plan = HandoverPlanner.plan(ANNA, List.of(pinned(1, ANNA)), List.of(new Candidate(BORIS, 0)), ALL_PIPELINES);

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.isWaiting()).isFalse();
    }
}
