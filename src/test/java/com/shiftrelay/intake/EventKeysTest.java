package com.shiftrelay.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.CrmDealChange.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When two reports of a deal change are the same change. */
class EventKeysTest {

    private static final Instant AT = Instant.ofEpochSecond(1764672000);

    @Test
    void aDealIsAddedAndDeletedOnceWhateverElseTheReportSays() {
        assertThat(EventKeys.of(change(Kind.ADDED, 70011L, 5001L, AT)))
                .isEqualTo(EventKeys.of(change(Kind.ADDED, 70012L, 5002L, AT.plusSeconds(60))))
                .isEqualTo("add:42");
        assertThat(EventKeys.of(change(Kind.DELETED, 70011L, 5001L, AT))).isEqualTo("delete:42");
    }

    @Test
    void otherChangesCountOncePerTargetAndMoment() {
        assertThat(EventKeys.of(change(Kind.STATUS_CHANGED, 142L, 5001L, AT))).isEqualTo("status:42:142:1764672000");
        assertThat(EventKeys.of(change(Kind.STATUS_CHANGED, 142L, 5001L, null))).isEqualTo("status:42:142:-");
        assertThat(EventKeys.of(change(Kind.STATUS_CHANGED, null, 5001L, AT))).isEqualTo("status:42:-:1764672000");
        assertThat(EventKeys.of(change(Kind.RESPONSIBLE_CHANGED, 142L, 5003L, AT)))
                .isEqualTo("responsible:42:5003:1764672000");
        assertThat(EventKeys.of(change(Kind.UPDATED, 142L, 5001L, AT))).isEqualTo("update:42:1764672000");
        assertThat(EventKeys.of(change(Kind.RESTORED, 142L, 5001L, null))).isEqualTo("restore:42:-");
    }

    private static CrmDealChange change(Kind kind, Long statusId, Long responsibleId, Instant at) {
        return new CrmDealChange(kind, 42, "Сделка", 7001L, statusId, null, null, responsibleId, null, null, List.of(),
                5001L, at);
    }
}
