package cn.chuangwei.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /api/**} and {@code /engine-rest/**} take HTTP Basic logins checked against Camunda's identity service
 * (stateless, so no session cookie and no CSRF token); the Camunda webapps keep their own login and CSRF protection.
 */
@Configuration
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, Texts texts, ObjectMapper json)
            throws Exception {
        // Path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Chuangwei").authenticationEntryPoint((req, res, ex) ->
                        write(res, json, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", texts)))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        write(res, json, HttpServletResponse.SC_FORBIDDEN, "forbidden", texts)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // The Camunda webapps authenticate against the same identity service and enforce their own CSRF token.
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    private static void write(HttpServletResponse res, ObjectMapper json, int status, String code, Texts texts)
            throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Chuangwei\", charset=\"UTF-8\"");
        }
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        String key = "error." + code;
        json.writeValue(res.getOutputStream(), new ApiError(status, code, texts.zh(key), texts.en(key), null, null));
    }
}
