package com.shiftrelay.handover;

import com.shiftrelay.support.OnSandboxBitrix24;
import com.shiftrelay.support.ShiftRelayIntegrationTest;

/**
 * The hand-over and return end to end with the sandbox speaking Bitrix24: the Bitrix24 adapter reads the deals with
 * {@code crm.deal.list}, the colleagues' calls and tasks as {@code crm.activity.list}, and moves the deals in
 * {@code batch}es of {@code crm.deal.update}, behind the portal's leaky bucket.
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24
class ShiftHandoverOnBitrix24IT extends ShiftHandoverIT {
}
