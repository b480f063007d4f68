package com.shiftrelay.security;

import org.springframework.security.core.Authentication;

/** The one role the API knows: an administrator acts for anybody, every other user only for themselves. */
public final class ApiRoles {

    public static final String ADMIN = "ADMIN";
    public static final String ADMIN_AUTHORITY = "ROLE_" + ADMIN;

    private ApiRoles() {
    }

    public static boolean isAdmin(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
    }
}
