package cn.chuangwei.kernel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings several modules share ({@code chuangwei.zone}, {@code chuangwei.base-url}).
 *
 * @param zone The campaign's time zone: deadlines, working days and dates given without a time are reckoned in it.
 * @param baseUrl Where links in mails and notices point: the address at which users reach this application (through
 *         its reverse proxy), e.g. https://chuangwei.example.gov.cn. Outside the demo it may not be a localhost address.
 */
@Validated
@ConfigurationProperties("chuangwei")
public record SiteSettings(@NotNull ZoneId zone, @NotNull @Pattern(regexp = "https?://[^/\\s]+(/\\S*)?") String baseUrl) {

    /** Where Tasklist is, as mails link to it. */
    public static final String TASKLIST = "/camunda/app/tasklist/";

    /** The address of a path of this application ("/api/…"), as links in mails and notices give it. */
    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }

    /** Whether the base URL names the machine the browser runs on (localhost, 127.x, ::1): useless in anyone's mail. */
    public boolean local() {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            return true;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("0.0.0.0");
    }
}
