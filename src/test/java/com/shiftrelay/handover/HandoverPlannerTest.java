package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.Strategy;
import com.shiftrelay.handover.HandoverPlanner.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HandoverPlannerTest {

    static final long PINNED_FIELD = 900001L;
    static final PlanningRules ALL_PIPELINES = new PlanningRules(PINNED_FIELD, Set.of());
    static final long ANNA = 1, BORIS = 2, VERA = 3;
    static final long TEAM = 1;
    /** The rule every test deal matches unless a test says otherwise: hand over, come back, not pinned. */
    static final Route SALES = new Route(true, "Rule_Sales", "Продажи", 1, TEAM, Strategy.LEAST_LOADED, true, true,
            false);
    static final Function<CrmDeal, Route> EVERY_DEAL_IS_SALES = deal -> SALES;

    static CrmDeal deal(long id, long responsible) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, 70011, Set.of(), Instant.EPOCH);
    }

    static CrmDeal pinned(long id, long responsible) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, 70011, Set.of(PINNED_FIELD), Instant.EPOCH);
    }

    static CrmDeal withStatus(long id, long responsible, long status) {
        return new CrmDeal(id, "deal " + id, responsible, 7001, status, Set.of(), Instant.EPOCH);
    }

    @Test
    void theManagersOpenDealsMoveInIdOrderWithTheirRule() {
        var selection = HandoverPlanner.select(ANNA, List.of(deal(3, ANNA), deal(1, ANNA), deal(2, BORIS)),
                EVERY_DEAL_IS_SALES, ALL_PIPELINES);

        assertThat(selection.movable()).extracting(m -> m.deal().id()).containsExactly(1L, 3L);
        assertThat(selection.movable()).allSatisfy(m -> assertThat(m.route()).isEqualTo(SALES));
        assertThat(selection.kept()).isEmpty();
    }

    @Test
    void closedDealsAreNeitherMovedNorReported() {
        var selection = HandoverPlanner.select(ANNA, List.of(withStatus(1, ANNA, CrmDeal.STATUS_WON),
                withStatus(2, ANNA, CrmDeal.STATUS_LOST)), EVERY_DEAL_IS_SALES, ALL_PIPELINES);

        assertThat(selection.movable()).isEmpty();
        assertThat(selection.kept()).isEmpty();
    }

    @Test
    void eachDealThatStaysSaysWhy() {
        var noRule = deal(2, ANNA);
        var pinnedByRule = deal(3, ANNA);
        var notHandedOver = deal(4, ANNA);
        var uncovered = new CrmDeal(5, "other pipeline", ANNA, 7002, 70021, Set.of(), Instant.EPOCH);
        Function<CrmDeal, Route> routing = deal -> deal == noRule ? Route.noRule(1)
                : deal == pinnedByRule ? new Route(true, "Rule_Vip", "VIP", 1, TEAM, null, true, true, true)
                : deal == notHandedOver ? new Route(true, "Rule_Keep", "", 1, TEAM, null, false, true, false)
                : SALES;
        var selection = HandoverPlanner.select(ANNA, List.of(pinned(1, ANNA), noRule, pinnedByRule, notHandedOver,
                uncovered, deal(6, ANNA)), routing, new PlanningRules(PINNED_FIELD, Set.of(7001L)));

        assertThat(selection.movable()).extracting(m -> m.deal().id()).containsExactly(6L);
        assertThat(selection.kept()).extracting(kept -> kept.deal().id() + ": " + kept.why()).containsExactly(
                "1: it is pinned to its manager (the CRM's checkbox)",
                "2: no routing rule matches it",
                "3: its rule pins it to its manager",
                "4: its rule says its deals are not handed over",
                "5: its pipeline 7002 is not among shiftrelay.crm.pipelines");
    }

    @Test
    void withoutAPinnedFieldConfiguredNothingCountsAsPinned() {
        var selection = HandoverPlanner.select(ANNA, List.of(pinned(1, ANNA)), EVERY_DEAL_IS_SALES,
                new PlanningRules(null, Set.of()));

        assertThat(selection.movable()).hasSize(1);
    }

    @Test
    void aRedirectGivesEachDealToTheLeastLoadedTiesToTheLowerId() {
        var moves = HandoverPlanner.spread(ANNA, List.of(1L, 2L, 3L, 4L),
                List.of(new Candidate(VERA, 0), new Candidate(BORIS, 1)));

        assertThat(moves).containsExactly(new PlannedMove(1, ANNA, VERA), new PlannedMove(2, ANNA, BORIS),
                new PlannedMove(3, ANNA, VERA), new PlannedMove(4, ANNA, BORIS));
    }
}
