package com.shiftrelay.crm;

import java.time.Instant;

/** Something a user did in the CRM; {@code id} is the CRM's own event id. */
public record CrmActivity(String id, long userId, ActivityType type, Instant at) {
}
