package com.shiftrelay.sandbox;

/**
 * A sandbox user; {@code login} is the local part of the email, the Camunda user id it maps to; {@code workDay} their
 * work day as the Bitrix24 dialect reports it.
 */
public record SandboxUser(long id, String name, String email, String login, Long teamId, boolean active,
                          String workDay) {

    static SandboxUser of(User user) {
        return new SandboxUser(user.getId(), user.getName(), user.getEmail(), user.login(), user.getGroupId(),
                user.isActive(), user.getWorkDay());
    }
}
