package cn.chuangwei.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing out of Tasklist, Cockpit or Admin signs the person out of the application: Camunda's logout (behind the
 * webapps' CSRF check, which it passes through unchanged) forgets the webapps' authentication; once it has succeeded,
 * the whole session ends as {@code /logout} ends it. The webapp then shows its login route, which our script in the
 * webapps turns into {@code /login?logout}.
 */
class WebappLogout extends OncePerRequestFilter {

    private static final RequestMatcher LOGOUT = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, WebappSignOn.WEBAPPS + "/api/admin/auth/user/*/logout");

    private final SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGOUT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
            endSession.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        }
    }
}
