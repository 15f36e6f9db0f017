package cn.chuangwei.web;

import cn.chuangwei.kernel.AppRights;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page shows in its header: who is signed in (by name; the login only for a user without one) and the page's language. */
@ControllerAdvice(annotations = Page.class)
class PageModel {

    private final IdentityService identity;
    private final AppRights appRights;

    PageModel(IdentityService identity, AppRights appRights) {
        this.identity = identity;
        this.appRights = appRights;
    }

    @ModelAttribute("me")
    String me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        User user = appRights.lookUp(() -> identity.createUserQuery().userId(auth.getName()).singleResult());
        if (user == null) {
            return auth.getName();
        }
        return cn.chuangwei.kernel.PersonNames.display(user.getFirstName(), user.getLastName(), auth.getName());
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return Pages.lang(locale);
    }

    /** This page in the other language, its filters kept. */
    @ModelAttribute("otherLang")
    String otherLang(HttpServletRequest request, Locale locale) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", "en".equals(Pages.lang(locale)) ? "zh" : "en").build(true).toUriString();
    }
}
