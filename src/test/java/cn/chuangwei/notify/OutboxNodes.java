package cn.chuangwei.notify;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A node of the outbox for a channel's test: an {@link OutboxSender} with the shared context's outbox, directory,
 * routes, quiet hours and clock, and the test's own channel senders (pointed at its local server, each with its own
 * token). Two of them are two nodes on one database.
 */
final class OutboxNodes {

    private OutboxNodes() {
    }

    static OutboxSender node(ApplicationContext context, ChannelSender... senders) {
        return new OutboxSender(context.getBean(JdbcClient.class), List.of(senders), context.getBean(MailOutbox.class),
                context.getBean(Recipients.class), context.getBean(QuietHours.class),
                context.getBeanProvider(JavaMailSender.class), context.getBean(Clock.class),
                context.getEnvironment().getProperty("spring.mail.host", ""), context.getBean(MailSettings.class),
                context.getBean(cn.chuangwei.kernel.Database.class),
                context.getBean(io.micrometer.core.instrument.MeterRegistry.class));
    }
}
