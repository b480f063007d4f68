package com.shiftrelay.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDeal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an update that names only the deal is told by: the deal's pipeline and stage against how it was last seen. */
class DealSnapshotTest {

    private static final Instant SEEN = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void aMoveBetweenTwoOpenStagesOfBitrix24IsAStageChangeThoughBothAreStageZero() {
        DealSnapshot seen = new DealSnapshot(bitrix24Deal(1, "C1:NEW"), SEEN);

        assertThat(seen.stageDiffers(bitrix24Deal(1, "C1:PREPARATION"))).isTrue();
        assertThat(seen.stageDiffers(bitrix24Deal(1, "C1:NEW"))).isFalse();
        assertThat(seen.stageDiffers(bitrix24Deal(3, "C3:NEW"))).as("another pipeline").isTrue();
    }

    @Test
    void anAmoCrmDealsStageIsItsStatusId() {
        DealSnapshot seen = new DealSnapshot(new CrmDeal(7, "Сделка", 5, 7001, 70011, Set.of(), SEEN), SEEN);

        assertThat(seen.stageDiffers(new CrmDeal(7, "Сделка", 6, 7001, 70011, Set.of(), SEEN)))
                .as("only its responsible changed").isFalse();
        assertThat(seen.stageDiffers(new CrmDeal(7, "Сделка", 5, 7001, 70012, Set.of(), SEEN))).isTrue();
    }

    private static CrmDeal bitrix24Deal(long category, String stage) {
        return new CrmDeal(42, "Сделка", 5, category, 0, Set.of(), SEEN, 0, List.of(), 0, stage);
    }
}
