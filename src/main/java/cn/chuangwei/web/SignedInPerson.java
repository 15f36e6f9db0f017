package cn.chuangwei.web;

import cn.chuangwei.kernel.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The person signed in to the application (Spring Security's session, from {@code /login}) as the Camunda webapps'
 * user: Camunda's {@code ContainerBasedAuthenticationFilter} names this class in its init-param and asks it on every
 * request of Tasklist, Cockpit and Admin ({@link WebappSignOn}). Their groups are those the sign-in found, and their
 * tenants (towns) are {@link CurrentUser#tenants()}, as for the board and the API ({@link EngineAuthenticationFilter}).
 * The filter keeps the webapps' authentication in the session and asks for groups and tenants only when it creates it,
 * so the tenants are looked up then, not on every request.
 *
 * <p>Public with a public constructor: the filter instantiates it by reflection from its class name.
 */
public class SignedInPerson implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth.getName() == null || auth.getName().isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        CurrentUser currentUser = WebApplicationContextUtils
                .getRequiredWebApplicationContext(request.getServletContext()).getBean(CurrentUser.class);
        AuthenticationResult result = new AuthenticationResult(auth.getName(), true) {
            @Override
            public List<String> getTenants() {
                return currentUser.tenants();
            }
        };
        result.setGroups(currentUser.groups());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // signed out: Spring Security has already sent the browser to /login (or answered 401) before the filter
    }
}
