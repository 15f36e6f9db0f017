package cn.chuangwei.kernel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings several modules share ({@code chuangwei.zone}, {@code chuangwei.base-url}).
 *
 * @param zone The campaign's time zone: deadlines, working days and dates given without a time are reckoned in it.
 * @param baseUrl Where links in mails and notices point: the address at which users reach this application.
 */
@Validated
@ConfigurationProperties("chuangwei")
public record SiteSettings(@NotNull ZoneId zone, @NotBlank String baseUrl) {
}
