package com.shiftrelay.sandbox;

/** A sandbox user group (a team). */
public record SandboxTeam(long id, String name) {
}
