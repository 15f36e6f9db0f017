package cn.chuangwei.ops;

import cn.chuangwei.notify.Channel;
import cn.chuangwei.notify.Deliveries;
import cn.chuangwei.notify.MailOutbox;
import cn.chuangwei.notify.OutboxStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What to watch in production, as Micrometer gauges (at {@code /actuator/prometheus} and {@code /actuator/metrics}):
 * jobs due and jobs out of retries, open incidents, the outbox by status with the age of its oldest waiting message,
 * and by channel and status ({@code chuangwei.outbox.messages}, tags channel and status; {@code chuangwei.outbox.mails}
 * keeps its name and counts every channel's). Each is one count query when scraped.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final MailOutbox outbox;
    private final Deliveries deliveries;
    private final Clock clock;

    OperationsMetrics(ManagementService management, RuntimeService runtime, MailOutbox outbox, Deliveries deliveries,
                      Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chuangwei.jobs.due", management, m -> m.createJobQuery().executable().count())
                .description("Jobs (timers, async steps) due now and with retries left").register(registry);
        Gauge.builder("chuangwei.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries: each is an incident in Cockpit").register(registry);
        Gauge.builder("chuangwei.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents").register(registry);
        for (OutboxStatus status : OutboxStatus.values()) {
            Gauge.builder("chuangwei.outbox.mails", outbox, o -> o.count(status))
                    .tag("status", status.name()).description("Mails in the outbox by status").register(registry);
            for (Channel channel : Channel.values()) {
                Gauge.builder("chuangwei.outbox.messages", deliveries, d -> d.count(channel, status))
                        .tag("channel", channel.name()).tag("status", status.name())
                        .description("Messages in the outbox by channel and status").register(registry);
            }
        }
        Gauge.builder("chuangwei.outbox.oldest.pending.seconds", outbox, o -> o.oldestPending()
                        .map(t -> Math.max(0, clock.millis() - t.toEpochMilli()) / 1000.0).orElse(0.0))
                .description("Age of the oldest mail waiting to be sent").register(registry);
    }
}
