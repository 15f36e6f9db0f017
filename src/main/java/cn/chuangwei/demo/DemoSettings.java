package cn.chuangwei.demo;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo ({@code chuangwei.demo}).
 *
 * @param enabled Whether the demo's town, logins and campaign are loaded at start-up; off, the start-up guard refuses
 *                the demo's passwords and a localhost chuangwei.base-url.
 */
@Validated
@ConfigurationProperties("chuangwei.demo")
record DemoSettings(@NotNull Boolean enabled) {
}
