package com.shiftrelay.handover;

import static com.shiftrelay.handover.HandoverPlannerTest.ALL_PIPELINES;
import static com.shiftrelay.handover.HandoverPlannerTest.deal;
import static com.shiftrelay.handover.HandoverPlannerTest.pinned;
import static com.shiftrelay.handover.HandoverPlannerTest.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.handover.ReturnPlanner.Outstanding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnPlannerTest {

    static final long ANNA = 1, BORIS = 2, VERA = 3;

    @Test
    void dealsStillWithTheirTakerGoBack() {
        var moves = ReturnPlanner.plan(ANNA, List.of(new Outstanding(1, BORIS), new Outstanding(2, VERA)),
                Map.of(1L, deal(1, BORIS), 2L, deal(2, VERA)), ALL_PIPELINES);

        assertThat(moves).containsExactly(new PlannedMove(1, BORIS, ANNA), new PlannedMove(2, VERA, ANNA));
    }

    @Test
    void dealsReassignedByHandClosedPinnedOrGoneStay() {
        var moves = ReturnPlanner.plan(ANNA,
                List.of(new Outstanding(1, BORIS), new Outstanding(2, BORIS), new Outstanding(3, BORIS),
                        new Outstanding(4, BORIS), new Outstanding(5, BORIS)),
                Map.<Long, CrmDeal>of(1L, deal(1, VERA), 2L, withStatus(2, BORIS, CrmDeal.STATUS_WON),
                        3L, pinned(3, BORIS), 4L, deal(4, BORIS)),
                ALL_PIPELINES);

        assertThat(moves).containsExactly(new PlannedMove(4, BORIS, ANNA));
    }
}
