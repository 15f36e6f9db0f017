package cn.chuangwei.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A page's refusal is the API's refusal shown as a page: the same status and message (in the reader's language, the
 * field named), and a way back; never a stack trace.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final ApiExceptionHandler errors;

    PageErrors(ApiExceptionHandler errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView page(Exception e, HttpServletRequest request, HttpServletResponse response) {
        ApiError error = errors.describe(e).getBody();
        Locale locale = RequestContextUtils.getLocale(request);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", error.status());
        page.addObject("code", error.code());
        page.addObject("message", "en".equals(Pages.lang(locale)) ? error.messageEn() : error.message());
        page.addObject("field", error.field());
        page.addObject("back", back(request));
        page.addObject("lang", Pages.lang(locale));
        page.setStatus(org.springframework.http.HttpStatus.valueOf(error.status()));
        return page;
    }

    /** Back to the page the reader came from when it is one of ours (same host), else to the board. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI from = new URI(referer);
            if (!request.getServerName().equalsIgnoreCase(from.getHost()) || from.getRawPath() == null
                    || !from.getRawPath().startsWith("/") || from.getRawPath().startsWith("//")) {
                return "/";
            }
            String back = from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return back.equals(here) ? "/" : back;
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
