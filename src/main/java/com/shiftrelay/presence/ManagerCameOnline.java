package com.shiftrelay.presence;

/**
 * A manager became ONLINE (started a shift, confirmed, came back). Published inside the transaction of the step that
 * made them ONLINE, so what listeners start commits with it.
 */
public record ManagerCameOnline(long managerId, Long teamId) {
}
