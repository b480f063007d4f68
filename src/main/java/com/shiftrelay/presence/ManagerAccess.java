package com.shiftrelay.presence;

import com.shiftrelay.security.ApiRoles;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may act for a manager through the API: an administrator for anybody, a manager only for themselves
 * (the manager whose login is the caller's user name). Used by the API's {@code @PreAuthorize} rules as
 * {@code @managerAccess}.
 */
@Component("managerAccess")
public class ManagerAccess {

    private final Managers managers;

    ManagerAccess(Managers managers) {
        this.managers = managers;
    }

    /** An id no manager has is nobody's own: a manager is refused (403) for it, an administrator is let through. */
    public boolean isSelfOrAdmin(Authentication caller, long managerId) {
        return ApiRoles.isAdmin(caller) || managers.findById(managerId)
                .map(manager -> manager.getLogin().equals(caller.getName()))
                .orElse(false);
    }

    /** The caller's own manager id; empty for a user who is no manager (the admin, say). */
    public Optional<Long> managerIdOf(Authentication caller) {
        return managers.findByLogin(caller.getName()).map(Manager::getId);
    }
}
