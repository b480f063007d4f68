package com.shiftrelay.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in to the Camunda webapps (Tasklist, Cockpit, Admin) in an HTTP session, as the same user the
 * API knows by HTTP Basic: same login, same administrator rule. The engine side answers it, so that this
 * package stays free of Camunda's types.
 */
public interface WebappSessions {

    /** The signed-in user of the session, or empty when nobody is signed in there (or the user is gone). */
    Optional<Authentication> signedIn(HttpSession session);
}
