package com.shiftrelay.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The Camunda webapps' own login as the API reads it: who signed in to Cockpit, Tasklist or Admin with a
 * session, and the CSRF token the webapps gave that session. Reading only: nothing here makes, renews or
 * changes a session.
 */
public interface WebappSessions {

    /**
     * The user signed in to the webapps with this session, as an authenticated caller of the API with the
     * roles HTTP Basic would give them; empty when nobody is signed in, or the user no longer exists.
     */
    Optional<Authentication> signedInUser(HttpSession session);

    /** The webapps' CSRF token of this session; empty until the webapps have handed one out. */
    Optional<String> csrfToken(HttpSession session);
}
