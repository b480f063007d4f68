package com.shiftrelay.distribution;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.intake.DealChangeAccepted;
import com.shiftrelay.presence.Managers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What distribution makes of an update event: amoCRM's needs nothing, Bitrix24's is read back unless it is an echo. */
class DealChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final DistributionSignals signals = mock(DistributionSignals.class);
    private final DealMoves moves = mock(DealMoves.class);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final DealChanges changes = new DealChanges(signals, moves, mock(WaitingQueue.class),
            mock(AssignmentLog.class), mock(Managers.class), Clock.fixed(NOW, ZoneOffset.UTC), WINDOW);

    @Test
    void anUpdateNamingOnlyTheDealIsRoutedToBeReadBack() {
        changes.on(new DealChangeAccepted(7, "bitrix24", idOnly(42)));
        verify(signals).dealChanged(7, 42, CrmDealChange.Kind.UPDATED);
    }

    @Test
    void anUpdateJustAfterShiftRelaysOwnWriteIsItsEchoAndIsNotReadBack() {
        when(moves.touchedSince(42, NOW.minus(WINDOW))).thenReturn(true);
        changes.on(new DealChangeAccepted(7, "bitrix24", idOnly(42)));
        verify(signals, never()).dealChanged(anyLong(), anyLong(), any());
    }

    @Test
    void anUpdateThatCarriesTheDealsFieldsNeedsNothing() {
        changes.on(new DealChangeAccepted(8, "amocrm", new CrmDealChange(CrmDealChange.Kind.UPDATED, 43, "Сделка",
                7001L, 70011L, null, null, 5L, null, 0L, List.of(), 5L, NOW)));
        verify(signals, never()).dealChanged(anyLong(), eq(43L), any());
    }

    private static CrmDealChange idOnly(long dealId) {
        return new CrmDealChange(CrmDealChange.Kind.UPDATED, dealId, null, null, null, null, null, null, null, null,
                List.of(), null, NOW);
    }
}
