package com.shiftrelay.crm.sandbox;

/** A sandbox user group (a team). */
public record SandboxTeam(long id, String name) {
}
