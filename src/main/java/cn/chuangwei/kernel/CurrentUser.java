package cn.chuangwei.kernel;

import cn.chuangwei.kernel.ApiException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The user behind the current API request, the Camunda groups they belong to and the tenants (towns) they work in. */
@Component
public class CurrentUser {

    private static final String TENANTS = CurrentUser.class.getName() + ".tenants";

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", null, null);
        }
        return auth.getName();
    }

    public List<String> groups() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return List.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    /** The Camunda tenants the user is a member of (by name or group): the towns whose work they see. */
    public List<String> tenants() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        @SuppressWarnings("unchecked")
        List<String> known = request == null ? null
                : (List<String>) request.getAttribute(TENANTS, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return known;
        }
        List<String> tenants = identity.createTenantQuery().userMember(id()).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        if (request != null) {
            request.setAttribute(TENANTS, tenants, RequestAttributes.SCOPE_REQUEST);
        }
        return tenants;
    }

    public boolean inGroup(String group) {
        return groups().contains(group);
    }

    public boolean isAdmin() {
        return inGroup(Groups.ADMIN);
    }

    /** The campaign office (创卫办) or an administrator. */
    public boolean isOffice() {
        return inGroup(Groups.OFFICE) || isAdmin();
    }

    public void requireOffice() {
        if (!isOffice()) {
            throw ApiException.forbidden("office-only");
        }
    }
}
