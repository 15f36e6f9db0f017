package cn.chuangwei.notify;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The group robots ({@code chuangwei.robots}): where the office may point a robot's webhook. The server posts to it, so
 * any other host is refused (no requests to the intranet on an office's say-so).
 *
 * @param allowedHosts The hosts a robot's webhook may name (https only, the default port unless a host is given as
 *                     {@code host:port}): WeCom's and DingTalk's.
 */
@Validated
@ConfigurationProperties("chuangwei.robots")
record RobotSettings(@NotNull List<String> allowedHosts) {
}
