package com.shiftrelay.engine;

import com.shiftrelay.security.WebappSessions;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads what the Camunda webapps keep in their HTTP session: the {@link Authentications} their login stores
 * (one per engine; ShiftRelay runs one) and the token of their {@code CsrfPreventionFilter}. The roles come
 * from the engine's groups as they are now, exactly as for HTTP Basic, not from what the session remembered
 * when the user signed in (the webapps cache it for five minutes); a user deleted since (a CRM user
 * deactivated) is nobody. Used by the API and by the sandbox's pages.
 */
@Component
class CamundaWebappSessions implements WebappSessions {

    /**
     * The session attribute of the webapps' logins: {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, which
     * Camunda does not make public. {@code AuthenticationUtil.getAuthsFromSession} is public but stores an
     * empty set of logins in a session that has none, and reading must change nothing.
     */
    static final String LOGINS_ATTRIBUTE = "authenticatedUser";

    private final String engineName;
    private final EngineUserAuthentication users;

    CamundaWebappSessions(ProcessEngine engine, EngineUserAuthentication users) {
        this.engineName = engine.getName();
        this.users = users;
    }

    @Override
    public Optional<Authentication> signedInUser(HttpSession session) {
        Object logins = attribute(session, LOGINS_ATTRIBUTE);
        if (!(logins instanceof Authentications webapps)
                || !(webapps.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication login)) {
            return Optional.empty();
        }
        String userId = login.getIdentityId();
        if (userId == null || !users.exists(userId)) {
            return Optional.empty();
        }
        return Optional.of(users.signedIn(userId));
    }

    @Override
    public Optional<String> csrfToken(HttpSession session) {
        return attribute(session, CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token && !token.isBlank()
                ? Optional.of(token)
                : Optional.empty();
    }

    /** A session signed out while the request was on its way holds nothing. */
    private static Object attribute(HttpSession session, String name) {
        try {
            return session.getAttribute(name);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
