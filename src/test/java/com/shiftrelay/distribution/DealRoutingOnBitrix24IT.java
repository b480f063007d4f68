package com.shiftrelay.distribution;

import com.shiftrelay.support.OnSandboxBitrix24;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The routing scenario with the sandbox speaking Bitrix24: the portal's outbound events ({@code ONCRMDEALADD},
 * {@code ONCRMDEALUPDATE}, form-encoded, signed with the application token) bring the deals, which carry only their
 * id: ShiftRelay reads each deal back with {@code crm.deal.list} and tells a stage change from a reassignment by what
 * differs, a move between two open stages included (Bitrix24 names its stages: "C7002:70021").
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealRoutingOnBitrix24IT extends DealRoutingIT {

    /** The portal's events are signed with the sandbox's token (the sandbox-bitrix24 profile). */
    private static final String TOKEN = "sandbox-token";

    @Override
    String addedEvent(long deal, String name, long pipeline, long stage, long price, long responsible) {
        return event("ONCRMDEALADD", deal, Instant.now().getEpochSecond());
    }

    @Override
    String statusChangedEvent(long deal, long fromPipeline, long fromStage, long toPipeline, long toStage,
                              long responsible, long at) {
        return event("ONCRMDEALUPDATE", deal, at);
    }

    @Override
    String responsibleChangedEvent(long deal, long from, long to, long by, long at) {
        return event("ONCRMDEALUPDATE", deal, at);
    }

    @Override
    String webhookPath() {
        return "/webhooks/bitrix24";
    }

    /** shiftrelay.webhooks.own-update-window is PT2S in these tests (application-test-bitrix24.yaml). */
    @Override
    void afterShiftRelaysOwnWrite() {
        try {
            Thread.sleep(2_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event as a portal posts it to a handler (api-reference/crm/deals/events/on-crm-deal-add.md). */
    private static String event(String event, long deal, long ts) {
        return "event=" + event + "&event_handler_id=3&data%5BFIELDS%5D%5BID%5D=" + deal + "&ts=" + ts
                + "&auth%5Bdomain%5D=sandbox.bitrix24.local&auth%5Bapplication_token%5D=" + TOKEN;
    }
}
