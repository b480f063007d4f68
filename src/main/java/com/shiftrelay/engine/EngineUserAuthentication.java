package com.shiftrelay.engine;

import com.shiftrelay.security.ApiRoles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The API's users are the engine's users, the same logins and passwords as in Tasklist; members of
 * {@code camunda-admin} are ShiftRelay's administrators. Being a bean, it also keeps Spring Boot from
 * making its own in-memory user with a generated password.
 */
@Component
class EngineUserAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    EngineUserAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String login = attempt.getName();
        if (login == null || login.isBlank() || !(attempt.getCredentials() instanceof String password)
                || !identity.checkPassword(login, password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return signedIn(login);
    }

    /**
     * The API's caller for a user whose identity is settled (by password here, by the webapps' login for
     * {@link CamundaWebappSessions}), with the roles the engine's groups give today.
     */
    Authentication signedIn(String login) {
        boolean admin = identity.createGroupQuery().groupMember(login).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
        List<GrantedAuthority> authorities = admin ? List.of(new SimpleGrantedAuthority(ApiRoles.ADMIN_AUTHORITY)) : List.of();
        return UsernamePasswordAuthenticationToken.authenticated(login, null, authorities);
    }

    /** Whether the engine still has this user: a session outlives a user deleted since it began. */
    boolean exists(String login) {
        return identity.createUserQuery().userId(login).count() > 0;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
