package com.shiftrelay.handover;

import static com.shiftrelay.handover.HandoverPlannerTest.ALL_PIPELINES;
import static com.shiftrelay.handover.HandoverPlannerTest.EVERY_DEAL_IS_SALES;
import static com.shiftrelay.handover.HandoverPlannerTest.TEAM;
import static com.shiftrelay.handover.HandoverPlannerTest.deal;
import static com.shiftrelay.handover.HandoverPlannerTest.pinned;
import static com.shiftrelay.handover.HandoverPlannerTest.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.handover.ReturnPlanner.Outstanding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnPlannerTest {

    static final long ANNA = 1, BORIS = 2, VERA = 3;

    @Test
    void dealsStillWithTheirTakerGoBack() {
        var moves = ReturnPlanner.plan(ANNA, List.of(new Outstanding(1, BORIS), new Outstanding(2, VERA)),
                Map.of(1L, deal(1, BORIS), 2L, deal(2, VERA)), ALL_PIPELINES, EVERY_DEAL_IS_SALES).moves();

        assertThat(moves).containsExactly(new PlannedMove(1, BORIS, ANNA), new PlannedMove(2, VERA, ANNA));
    }

    @Test
    void dealsReassignedByHandClosedPinnedOrGoneStay() {
        var moves = ReturnPlanner.plan(ANNA,
                List.of(new Outstanding(1, BORIS), new Outstanding(2, BORIS), new Outstanding(3, BORIS),
                        new Outstanding(4, BORIS), new Outstanding(5, BORIS)),
                Map.<Long, CrmDeal>of(1L, deal(1, VERA), 2L, withStatus(2, BORIS, CrmDeal.STATUS_WON),
                        3L, pinned(3, BORIS), 4L, deal(4, BORIS)),
                ALL_PIPELINES, EVERY_DEAL_IS_SALES).moves();

        assertThat(moves).containsExactly(new PlannedMove(4, BORIS, ANNA));
    }

    @Test
    void aRuleThatKeepsDealsWithTheirTakerOrPinsThemSaysSo() {
        var curators = new Route(true, "Rule_VisitsControl", "Кураторы", 1, TEAM, null, true, false, false);
        var vip = new Route(true, "Rule_Vip", "VIP", 1, TEAM, null, false, false, true);
        var plan = ReturnPlanner.plan(ANNA,
                List.of(new Outstanding(1, BORIS), new Outstanding(2, BORIS), new Outstanding(3, BORIS),
                        new Outstanding(4, BORIS)),
                Map.of(1L, deal(1, BORIS), 2L, deal(2, BORIS), 3L, deal(3, BORIS), 4L, deal(4, BORIS)),
                ALL_PIPELINES, deal -> deal.id() == 1 ? curators : deal.id() == 2 ? vip
                        : deal.id() == 3 ? Route.noRule(1) : HandoverPlannerTest.SALES);

        assertThat(plan.moves()).containsExactly(new PlannedMove(4, BORIS, ANNA));
        assertThat(plan.kept()).extracting(kept -> kept.dealId() + ": " + kept.why()).containsExactly(
                "1: its rule says its deals stay with the colleague who took them",
                "2: its rule pins it to the colleague who holds it",
                "3: no routing rule matches it any more");
    }
}
