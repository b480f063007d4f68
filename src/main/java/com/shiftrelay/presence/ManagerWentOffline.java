package com.shiftrelay.presence;

/**
 * A manager became OFFLINE (left, or did not answer the presence check). Published inside the transaction of the step
 * that made them OFFLINE, so what listeners start commits with it.
 */
public record ManagerWentOffline(long managerId, Long teamId) {
}
