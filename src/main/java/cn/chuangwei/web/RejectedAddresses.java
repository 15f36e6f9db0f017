package cn.chuangwei.web;

import cn.chuangwei.kernel.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An address no part of the application may answer (an encoded "/" or "\", an encoded "%", ";", "..", "//", a control
 * character in the path) is refused by Spring Security's firewall, in the application's words: the API
 * ({@code /api}, {@code /engine-rest}) with a JSON {@link ApiError}, a page with the error page in the reader's
 * language. Tomcat itself would refuse an encoded "/" or "\" first, with its own HTML page: it hands them on instead
 * ({@code encodedSolidusHandling} and {@code encodedReverseSolidusHandling} {@code passthrough}, never decoded), and
 * the firewall refuses them. (A NUL, {@code %00}, Tomcat still refuses at the door.)
 */
@Configuration
class RejectedAddresses {

    /** The request attribute that tells the error page which refusal to name. */
    static final String REFUSAL = RejectedAddresses.class.getName() + ".refusal";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        String passThrough = EncodedSolidusHandling.PASS_THROUGH.getValue();
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(passThrough);
            connector.setEncodedReverseSolidusHandling(passThrough);
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(Texts texts, ObjectMapper json) {
        return (req, res, e) -> {
            String path = req.getRequestURI();
            if (path != null && (path.startsWith("/api/") || path.startsWith("/engine-rest/"))) {
                SecurityConfig.write(res, json, HttpServletResponse.SC_BAD_REQUEST, "invalid-url", texts);
            } else {
                req.setAttribute(REFUSAL, "invalid-url");
                res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
    }

    /**
     * The servlet container's error page (an address the firewall refused, a page that does not exist) is the pages'
     * error page in the reader's language; a refused address is named, with the way back to the board.
     */
    @Bean
    ErrorViewResolver errorPages(Texts texts) {
        return (request, status, model) -> {
            Locale locale = RequestContextUtils.getLocale(request);
            Map<String, Object> page = new LinkedHashMap<>(model);
            page.put("lang", Pages.lang(locale));
            if (request.getAttribute(REFUSAL) instanceof String code) {
                page.put("code", code);
                page.put("message", texts.get("error." + code, locale));
                page.put("back", "/");
            }
            return new ModelAndView("error", page, status);
        };
    }
}
