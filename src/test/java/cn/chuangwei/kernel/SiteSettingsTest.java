package cn.chuangwei.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Links in mails start at the configured base URL; a localhost address is recognised as one (StartupGuard). */
class SiteSettingsTest {

    private static SiteSettings at(String baseUrl) {
        return new SiteSettings(ZoneId.of("Asia/Shanghai"), baseUrl);
    }

    @Test
    void linksStartAtTheBaseUrl() {
        assertThat(at("https://cw.example.gov.cn/").link(SiteSettings.TASKLIST))
                .isEqualTo("https://cw.example.gov.cn/camunda/app/tasklist/");
        assertThat(at("https://example.gov.cn/chuangwei").link("/api/x")).isEqualTo("https://example.gov.cn/chuangwei/api/x");
    }

    @Test
    void localhostAddressesAreLocal() {
        for (String local : new String[] {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:8081/",
                "http://[::1]:8080", "http://0.0.0.0:8080", "http://app.localhost"}) {
            assertThat(at(local).local()).as(local).isTrue();
        }
        for (String remote : new String[] {"https://cw.example.gov.cn", "http://10.1.2.3:8080", "https://localhost.example.org"}) {
            assertThat(at(remote).local()).as(remote).isFalse();
        }
    }
}
