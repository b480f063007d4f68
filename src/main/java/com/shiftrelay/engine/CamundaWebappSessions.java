package com.shiftrelay.engine;

import com.shiftrelay.security.WebappSessions;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
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
 * when the user signed in; a user deleted since (a CRM user deactivated) is nobody.
 */
@Component
class CamundaWebappSessions implements WebappSessions {

    /**
     * The session attribute of the webapps' logins: {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, which
     * Camunda does not make public. {@code AuthenticationUtil.getAuthsFromSession} is public but stores an
     * empty set of logins in a session that has none, and reading must change nothing.
     */
    static final String LOGINS_ATTRIBUTE = "authenticatedUser";

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final EngineUserAuthentication users;

    CamundaWebappSessions(ProcessEngine engine, EngineUserAuthentication users) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
        this.users = users;
    }

    @Override
    public Optional<Authentication> signedInUser(HttpSession session) {
        if (!(session.getAttribute(LOGINS_ATTRIBUTE) instanceof Authentications logins)
                || !(logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication login)) {
            return Optional.empty();
        }
        String userId = login.getIdentityId();
        if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(users.signedIn(userId));
    }

    @Override
    public Optional<String> csrfToken(HttpSession session) {
        return session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token && !token.isBlank()
                ? Optional.of(token)
                : Optional.empty();
    }
}
