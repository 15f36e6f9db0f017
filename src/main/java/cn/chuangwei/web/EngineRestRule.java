package cn.chuangwei.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;

/**
 * A rule of the application for Camunda's engine REST API, wherever that is served: Spring Boot applies it to
 * {@code /engine-rest} (as a {@link ResourceConfigCustomizer}), and {@link WebappSignOn} to the webapps' own copy of the
 * API, {@code /camunda/api/engine}, which Tasklist and Cockpit call. So a refusal reads the same in both.
 */
@FunctionalInterface
interface EngineRestRule extends ResourceConfigCustomizer {
}
