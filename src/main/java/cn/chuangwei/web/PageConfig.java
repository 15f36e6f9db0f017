package cn.chuangwei.web;

import cn.chuangwei.kernel.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The pages speak Chinese unless the reader chose English: {@code ?lang=en} or {@code ?lang=zh} on any page switches,
 * and a cookie remembers the choice. Other values are ignored.
 */
@Configuration
class PageConfig implements WebMvcConfigurer {

    static final String LANG_COOKIE = "chuangwei-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANG_COOKIE);
        resolver.setDefaultLocale(Texts.ZH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Locale chosen = Pages.locale(request.getParameter("lang"));
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (chosen != null && resolver != null) {
                    resolver.setLocale(request, response, chosen);
                }
                return true;
            }
        }).addPathPatterns("/", "/login", "/board/**", "/m/**", "/work/**");
    }
}
