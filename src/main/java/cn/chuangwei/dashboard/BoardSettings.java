package cn.chuangwei.dashboard;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The command board ({@code chuangwei.board}).
 *
 * @param refreshSeconds Seconds after which the big-screen mode (大屏) reloads itself.
 */
@Validated
@ConfigurationProperties("chuangwei.board")
record BoardSettings(@NotNull @Positive Integer refreshSeconds) {
}
