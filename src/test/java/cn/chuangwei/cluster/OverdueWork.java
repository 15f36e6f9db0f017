package cn.chuangwei.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.calendar.WorkCalendar;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.support.Fixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the cluster and restart tests share: a campaign whose tasks are all overdue by the real clock (their deadline
 * timer and both reminders due at once), and the check that every row escalated exactly once.
 */
final class OverdueWork {

    private OverdueWork() {
    }

    /** A campaign of {@code tasks} tasks over the fixture's units, due on the latest working day two or more days ago. */
    static long campaign(ConfigurableApplicationContext app, Fixture f, int tasks) {
        WorkCalendar calendar = app.getBean(WorkCalendar.class);
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
        while (!calendar.isWorkingDay(deadline)) {
            deadline = deadline.minusDays(1);
        }
        List<TaskRequest> rows = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            rows.add(new TaskRequest("MOBILIZATION", "整治任务" + i, null, f.units.get(i % f.units.size()).code(), null,
                    deadline.toString(), false, null));
        }
        return app.getBean(CampaignSetupService.class).create(f.small(deadline.minusDays(1), rows, false), f.office);
    }

    /** Every row of the campaigns reached the ladder, and no step is recorded twice. */
    static void assertEscalatedOnce(JdbcClient jdbc, List<Long> campaigns, int rows) {
        assertThat(jdbc.sql("select count(distinct task_row_id) from escalation_step where campaign_id in (:c)")
                .param("c", campaigns).query(Long.class).single()).as("every row escalated").isEqualTo(rows);
        assertThat(jdbc.sql("""
                select count(*) from (select task_row_id, level from escalation_step where campaign_id in (:c)
                group by task_row_id, level having count(*) > 1) d""").param("c", campaigns).query(Long.class).single())
                .as("steps recorded twice").isZero();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
