package cn.chuangwei.support;

import org.springframework.boot.test.context.TestConfiguration;
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
}
