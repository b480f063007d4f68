package com.shiftrelay.web;

import jakarta.servlet.http.HttpServletRequest;

/** Who called the REST API: a Tasklist login, and whether they administer ShiftRelay. */
public record ApiUser(String login, boolean admin) {

    public static final String REQUEST_ATTRIBUTE = ApiUser.class.getName();

    public static ApiUser of(HttpServletRequest request) {
        ApiUser user = (ApiUser) request.getAttribute(REQUEST_ATTRIBUTE);
        if (user == null) {
            throw new ForbiddenException("Not authenticated");
        }
        return user;
    }

    /** Admins act for anybody; a manager only for themselves. */
    public void requireSelfOrAdmin(String managerLogin) {
        if (!admin && !login.equals(managerLogin)) {
            throw new ForbiddenException("Only an administrator may act for another manager");
        }
    }

    public void requireAdmin() {
        if (!admin) {
            throw new ForbiddenException("Only an administrator may do this");
        }
    }
}
