package cn.chuangwei.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What to watch in production, as Micrometer gauges (at {@code /actuator/prometheus} and {@code /actuator/metrics}):
 * jobs due and jobs out of retries, open incidents, and the mail outbox by status with the age of its oldest waiting
 * mail. Each is one count query when scraped.
 */
@Component
class OperationsMetrics implements MeterBinder {

    static final List<String> OUTBOX_STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED", "UNCONFIRMED");

    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final Clock clock;

    OperationsMetrics(ManagementService management, RuntimeService runtime, JdbcClient jdbc, Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.jdbc = jdbc;
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
        for (String status : OUTBOX_STATUSES) {
            Gauge.builder("chuangwei.outbox.mails", jdbc, j -> j.sql("select count(*) from mail_outbox where status = :s")
                            .param("s", status).query(Long.class).single())
                    .tag("status", status).description("Mails in the outbox by status").register(registry);
        }
        Gauge.builder("chuangwei.outbox.oldest.pending.seconds", jdbc, j -> {
            List<Timestamp> oldest = j.sql("select created_at from mail_outbox where status = 'PENDING' "
                    + "order by created_at fetch first 1 rows only").query(Timestamp.class).list();
            return oldest.isEmpty() ? 0 : Math.max(0, clock.millis() - oldest.get(0).getTime()) / 1000.0;
        }).description("Age of the oldest mail waiting to be sent").register(registry);
    }
}
