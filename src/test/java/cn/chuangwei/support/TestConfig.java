package cn.chuangwei.support;

import java.io.IOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test beans shared by every Spring test: the controllable clock, the fixture that creates people and campaigns. */
@TestConfiguration
public class TestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /**
     * No test contacts anything outside the machine: every HTTP client the application builds (WeCom, DingTalk, the SMS
     * gateway, group robots) refuses a host that is not this machine, as a connection failure its sender retries. A
     * test's robot saved with WeCom's or DingTalk's real webhook address (the pages only take those hosts) is thus never
     * called, whichever later test sends the outbox.
     */
    @Bean
    RestClientCustomizer onlyThisMachine() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            // by name only: resolving the host would already ask a name server outside
            String host = request.getURI().getHost();
            if (host == null || !(host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}")
                    || host.equals("[::1]") || host.equals("::1"))) {
                throw new IOException("a test may not leave the machine: " + host);
            }
            return execution.execute(request, body);
        });
    }
}
