package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.Reassignment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoverBatchesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final CrmGateway crm = mock(CrmGateway.class);
    private final Handovers handovers = mock(Handovers.class);
    private final HandoverMoves moves = mock(HandoverMoves.class);
    private final HandoverBatches batches = new HandoverBatches(crm, handovers, moves, Clock.fixed(NOW, ZoneOffset.UTC));

    private final List<HandoverMove> batch = List.of(
            new HandoverMove("h-1", 11, 1, 1, 2L, 0, HandoverMove.Status.PLANNED, NOW),
            new HandoverMove("h-1", 12, 1, 1, 3L, 0, HandoverMove.Status.PLANNED, NOW));

    @Test
    void aBatchIsWrittenInOneRequestAndMarkedWritten() {
        when(moves.findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc("h-1", 0, HandoverMove.Status.PLANNED))
                .thenReturn(batch);

        assertThat(batches.write("h-1", 0)).isEqualTo(2);

        verify(crm).reassign(List.of(new Reassignment(11, 2), new Reassignment(12, 3)));
        assertThat(batch).allSatisfy(move -> {
            assertThat(move.getStatus()).isEqualTo(HandoverMove.Status.WRITTEN);
            assertThat(move.getWrittenAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aBatchWrittenBeforeIsNotSentAgain() {
        when(moves.findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc("h-1", 0, HandoverMove.Status.PLANNED))
                .thenReturn(List.of());

        assertThat(batches.write("h-1", 0)).isZero();

        verify(crm, never()).reassign(any());
    }

    @Test
    void aRejectedBatchNamesItsDealsAndStaysPlanned() {
        when(moves.findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc("h-1", 0, HandoverMove.Status.PLANNED))
                .thenReturn(batch);
        doThrow(new CrmRejectedException("The CRM refused the update", List.of("deal 12: responsible_user_id NotSupportedChoice")))
                .when(crm).reassign(any());

        assertThatThrownBy(() -> batches.write("h-1", 0))
                .isInstanceOf(HandoverBatchRejectedException.class)
                .hasMessageContaining("deals [11, 12]")
                .hasMessageContaining("batch 0 of hand-over h-1")
                .hasMessageContaining("NotSupportedChoice");
        assertThat(batch).allSatisfy(move -> assertThat(move.getStatus()).isEqualTo(HandoverMove.Status.PLANNED));
    }
}
