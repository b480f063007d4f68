package com.shiftrelay.crm;

/** A CRM user; {@code teamId} is null for a user in no team. */
public record CrmUser(long id, String name, String email, Long teamId, boolean active) {
}
