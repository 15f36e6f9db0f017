package cn.chuangwei.web;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code /api/**} and {@code /engine-rest/**} take HTTP Basic logins checked against Camunda's identity service
 * (stateless, so no session cookie and no CSRF token); the command board's pages take a form login with a session and
 * CSRF tokens; the Camunda webapps take the same sign-in and session ({@link WebappSignOn}) and keep their own CSRF
 * protection.
 */
@Configuration
class SecurityConfig {

    /** The pages load scripts, styles and images from the app only; no inline script, no framing, forms to the app. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** HTTP Basic without a session or CSRF token; refusals as bilingual JSON (401 with a challenge, 403). */
    private static HttpSecurity basic(HttpSecurity http, Texts texts, ObjectMapper json) throws Exception {
        return http.httpBasic(b -> b.realmName("Chuangwei").authenticationEntryPoint((req, res, ex) ->
                        write(res, json, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", texts)))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        write(res, json, HttpServletResponse.SC_FORBIDDEN, "forbidden", texts)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
    }

    /** Health for load balancers and probes, open; metrics and the rest of Actuator for administrators (HTTP Basic). */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, Texts texts, ObjectMapper json) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return basic(http, texts, json).securityMatcher(paths.matcher("/actuator/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/actuator/health"),
                                paths.matcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasAuthority(Groups.ADMIN))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, CurrentUser currentUser,
                                    Texts texts, ObjectMapper json) throws Exception {
        // Path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return basic(http, texts, json)
                .securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterAfter(new EngineAuthenticationFilter(identityService, currentUser), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * The command board's pages ({@code /}, {@code /board/**}, {@code /m/**}, the workbench's {@code /work/**}): a form
     * login against the same identities, a session and Spring Security's CSRF token on every form.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, IdentityService identityService, CurrentUser currentUser)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/"), paths.matcher("/login"),
                        paths.matcher("/logout"), paths.matcher("/board/**"), paths.matcher("/m/**"),
                        paths.matcher("/work/**")))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/login")).permitAll()
                        .anyRequest().authenticated())
                .requestCache(c -> c.requestCache(requestCache()))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "geolocation=(self), camera=(self), microphone=(), payment=()")))
                .addFilterAfter(new EngineAuthenticationFilter(identityService, currentUser), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** Back to the page asked for after signing in, without Spring Security's "?continue" marker in its address. */
    private static HttpSessionRequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * The Camunda webapps ({@code /camunda/**}: Tasklist, Cockpit, Admin) on the board's sign-in ({@link WebappSignOn}):
     * signed out, a webapp's page sends the browser to {@code /login} and back, its API answers 401; the webapps' own
     * login form is closed, so nobody signs in to them under another name than the session's. The webapps keep their
     * own CSRF token (Camunda's filter, behind this chain) and their own headers (their CSP needs inline styles).
     */
    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        String webapps = WebappSignOn.WEBAPPS;
        RequestMatcher api = paths.matcher(webapps + "/api/**");
        HttpSessionRequestCache pagesOnly = requestCache();
        pagesOnly.setRequestMatcher(paths.matcher(HttpMethod.GET, webapps + "/app/**"));
        return http.securityMatcher(paths.matcher(webapps + "/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths.matcher(HttpMethod.POST, webapps + "/api/admin/auth/user/*/login/*"))
                        .denyAll()
                        .requestMatchers(paths.matcher(webapps + "/lib/**"), paths.matcher(webapps + "/assets/**"),
                                paths.matcher(webapps + "/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                .requestCache(c -> c.requestCache(pagesOnly))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .addFilterAfter(new WebappLogout(), AuthorizationFilter.class)
                .build();
    }

    /** Everything else (the pages' static assets, error pages): open, as files of the app. */
    @Bean
    @Order(4)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /** A refusal of the security filters as a JSON {@link ApiError} (the API's). */
    static void write(HttpServletResponse res, ObjectMapper json, int status, String code, Texts texts)
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
