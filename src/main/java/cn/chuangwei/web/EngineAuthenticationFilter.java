package cn.chuangwei.web;

import cn.chuangwei.kernel.CurrentUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the engine for the length of the request, so that the engine's
 * authorizations (a unit head sees only their unit's tasks) and its tenant check (a town's people see only their town's
 * work) apply to everything the request does.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final CurrentUser currentUser;

    EngineAuthenticationFilter(IdentityService identityService, CurrentUser currentUser) {
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        identityService.setAuthentication(auth.getName(), groups, currentUser.tenants());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
