package com.shiftrelay.engine;

import com.shiftrelay.security.WebappSessions;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads the sign-in the Camunda webapps keep in the HTTP session after their login form, for this process
 * engine. The user is looked up in the engine on every request, not taken from the webapps' cached copy
 * (kept five minutes): a user deleted or taken out of {@code camunda-admin} loses the rights at once.
 */
@Component
class CamundaWebappSessions implements WebappSessions {

    /** Where the webapps keep their sign-ins: {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, not public. */
    static final String SIGN_INS = "authenticatedUser";

    private final String engineName;
    private final EngineUserAuthentication users;

    CamundaWebappSessions(ProcessEngine engine, EngineUserAuthentication users) {
        this.engineName = engine.getName();
        this.users = users;
    }

    @Override
    public Optional<Authentication> signedIn(HttpSession session) {
        Object signIns;
        try {
            signIns = session.getAttribute(SIGN_INS);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(signIns instanceof Authentications webapps)) {
            return Optional.empty();
        }
        var signIn = webapps.getAuthenticationForProcessEngine(engineName);
        if (signIn == null || signIn.getIdentityId() == null || !users.exists(signIn.getIdentityId())) {
            return Optional.empty();
        }
        return Optional.of(users.authenticated(signIn.getIdentityId()));
    }
}
