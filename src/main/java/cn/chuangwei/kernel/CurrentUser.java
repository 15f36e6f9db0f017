package cn.chuangwei.kernel;

import cn.chuangwei.kernel.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user behind the current API request and the Camunda groups they belong to. */
@Component
public class CurrentUser {

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
