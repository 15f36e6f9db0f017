package cn.chuangwei.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is polled on a schedule. */
@Configuration
@EnableScheduling
class MailConfig {
}
