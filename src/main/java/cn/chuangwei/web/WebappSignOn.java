package cn.chuangwei.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * One sign-in for the board and the Camunda webapps (Tasklist, Cockpit, Admin), as Camunda documents for Spring
 * Security: the webapps take the person signed in on {@code /login} through Camunda's container-based authentication.
 * {@link SecurityConfig#webappSecurity} sends a signed-out browser to {@code /login} and back; behind it, Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks {@link SignedInPerson} who that is and keeps the webapps' own
 * authentication (groups, tenants, the apps they may open) in the same session. Logging out of a webapp ends that
 * session ({@link WebappLogout}).
 *
 * <p>The webapps' copy of the engine's REST API ({@code /camunda/api/engine}, what Tasklist calls) is registered here
 * under the name Camunda's own initializer uses, which then leaves it in place: the same JAX-RS application, with the
 * application's {@link EngineRestRule}s, so a refusal in Tasklist reads as it does on {@code /engine-rest}.
 */
@Configuration
class WebappSignOn {

    /** Where the webapps live ({@code camunda.bpm.webapp.application-path}, the default). */
    static final String WEBAPPS = "/camunda";
    /** Camunda's name for the filter's init-param that names the authentication provider. */
    private static final String PROVIDER_PARAM = "authentication-provider";

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSignOnFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> filter =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        filter.setName("Container Based Authentication Filter");
        filter.setInitParameters(Map.of(PROVIDER_PARAM, SignedInPerson.class.getName()));
        // right after Spring Security's filters (whose security context it reads), before the webapps' own filters
        filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        filter.addUrlPatterns(WEBAPPS + "/app/*", WEBAPPS + "/api/*");
        filter.setDispatcherTypes(DispatcherType.REQUEST);
        return filter;
    }

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(List<EngineRestRule> rules) {
        ResourceConfig config = ResourceConfig.forApplication(new EngineRestApplication());
        rules.forEach(rule -> rule.customize(config));
        ServletRegistrationBean<ServletContainer> servlet =
                new ServletRegistrationBean<>(new ServletContainer(config), WEBAPPS + "/api/engine/*");
        // Camunda's CamundaBpmWebappInitializer registers "Engine Api" only when no servlet of that name exists yet
        servlet.setName("Engine Api");
        servlet.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return servlet;
    }
}
