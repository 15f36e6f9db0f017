package cn.chuangwei.supervision;

import cn.chuangwei.escalation.EscalationRepository;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit task due on Wednesday 30 September 2026 walks up every rung of the ladder, across weekends, the National Day
 * holiday (1–7 October) and its make-up working day (Saturday 10 October), with the engine's clock under control.
 */
@H2Test
class EscalationLadderProcessTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    EscalationRepository steps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    long campaignId;
    long rowId;
    ProcessInstance pi;

    @BeforeEach
    void start() {
        clock.set(LocalDateTime.of(2026, 9, 21, 10, 0));
        f = new Fixture(identity);
        identity.setUserInfo(f.deputies.get(1), "locale", "en");
        campaignId = setup.register(f.small(LocalDate.of(2026, 9, 21), List.of(
                new TaskRequest("MOBILIZATION", "设置健康教育宣传栏", "每村一处", f.unit("cgzx"), null, "2026-09-30", false, null)),
                true), f.office);
        rowId = jdbc.sql("select id from task_row where campaign_id = :c").param("c", campaignId).query(Long.class).single();
        pi = runtime.startProcessInstanceByKey("campaign-phase", "campaign-" + campaignId,
                Map.of("campaignId", campaignId, "phase", "MOBILIZATION"));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Job job(String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    /** Runs the day's 09:00 check on that day (its job is due by then). */
    void dailyCheck(int month, int day) {
        clock.set(LocalDateTime.of(2026, month, day, 9, 0, 1));
        Job daily = job("UnitDailyCheck");
        assertThat(daily.getDuedate()).isBeforeOrEqualTo(java.util.Date.from(clock.instant()));
        management.executeJob(daily.getId());
    }

    List<LadderLevel> levels() {
        return steps.ofTask(rowId).stream().map(EscalationRepository.Step::level).toList();
    }

    Set<String> recipients(LadderLevel level) {
        return jdbc.sql("select recipient_user from mail_outbox where idempotency_key like :k")
                .param("k", "escalation:" + rowId + ":" + level.name() + ":%").query(String.class).list().stream()
                .collect(Collectors.toSet());
    }

    int mails() {
        return jdbc.sql("select count(*) from mail_outbox where idempotency_key like :k")
                .param("k", "%:" + rowId + ":%").query(Integer.class).single();
    }

    @Test
    void walksEveryRungOnceAcrossWeekendsTheHolidayAndItsMakeUpDay() {
        String head = f.head("cgzx");
        String deputy = f.deputies.get(1);  // the fixture puts cgzx (second unit) under the second deputy
        Task unitTask = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("unitTask").singleResult();
        assertThat(jdbc.sql("select recipient_user from mail_outbox where idempotency_key like :k")
                .param("k", "assigned:" + unitTask.getId() + ":%").query(String.class).list()).as("assignment mail")
                .containsExactly(head);

        dailyCheck(9, 22);
        dailyCheck(9, 28);  // 4 of 6 working days used (25th is the Mid-Autumn holiday, 26/27 the weekend): not yet 80%
        assertThat(levels()).isEmpty();

        // reminders: two working days before (Monday 28th) and on the day
        clock.set(LocalDateTime.of(2026, 9, 28, 9, 0, 1));
        management.executeJob(job("UnitReminderBefore").getId());
        assertThat(jdbc.sql("select count(*) from mail_outbox where idempotency_key = :k")
                .param("k", "reminder:BEFORE:" + rowId + ":0:" + head).query(Integer.class).single()).isEqualTo(1);

        dailyCheck(9, 29);  // 5 of 6: yellow
        assertThat(levels()).containsExactly(LadderLevel.YELLOW);
        assertThat(recipients(LadderLevel.YELLOW)).containsExactly(head);

        clock.set(LocalDateTime.of(2026, 9, 30, 9, 0, 1));
        management.executeJob(job("UnitReminderOnDay").getId());
        clock.set(LocalDateTime.of(2026, 9, 30, 18, 0, 1));
        management.executeJob(job("UnitDeadline").getId());  // the deadline passes: red and a reminder notice
        assertThat(levels()).containsExactly(LadderLevel.YELLOW, LadderLevel.RED);
        assertThat(recipients(LadderLevel.RED)).containsExactlyInAnyOrder(head, f.office);

        int before = mails();
        dailyCheck(10, 8);  // 1 working day overdue (1-7 October are the holiday)
        dailyCheck(10, 9);  // 2
        assertThat(levels()).containsExactly(LadderLevel.YELLOW, LadderLevel.RED);
        assertThat(mails()).as("no step repeats").isEqualTo(before);

        dailyCheck(10, 10);  // Saturday, make-up working day: 3 working days overdue -> circular
        assertThat(levels()).containsExactly(LadderLevel.YELLOW, LadderLevel.RED, LadderLevel.CIRCULAR);
        assertThat(recipients(LadderLevel.CIRCULAR)).containsExactlyInAnyOrder(head, deputy, f.office,
                f.supervisors.get(0), f.supervisors.get(1));
        dailyCheck(10, 11);  // Sunday: no working day added
        assertThat(steps.ofTask(rowId).get(2).workingDaysOverdue()).isEqualTo(3);

        dailyCheck(10, 19);  // 9
        assertThat(levels()).hasSize(3);
        dailyCheck(10, 20);  // 10 -> interview by the deputy in charge
        assertThat(levels()).endsWith(LadderLevel.INTERVIEW);
        assertThat(steps.ofTask(rowId).get(3).interviewer()).isEqualTo(deputy);
        assertThat(recipients(LadderLevel.INTERVIEW)).containsExactlyInAnyOrder(head, deputy, f.office);

        dailyCheck(11, 2);   // 19
        dailyCheck(11, 3);   // 20 -> accountability
        dailyCheck(11, 4);
        assertThat(levels()).containsExactly(LadderLevel.YELLOW, LadderLevel.RED, LadderLevel.CIRCULAR,
                LadderLevel.INTERVIEW, LadderLevel.ACCOUNTABILITY);
        assertThat(recipients(LadderLevel.ACCOUNTABILITY)).containsExactlyInAnyOrder(head, deputy, f.leader, f.office,
                f.supervisors.get(0), f.supervisors.get(1));
        assertThat(steps.ofTask(rowId)).extracting(s -> s.reachedAt().atZone(TestClock.ZONE).toLocalDate()).containsExactly(
                LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10),
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 3));

        // the mails speak the recipient's language; the task's history in Tasklist shows each step
        String zh = jdbc.sql("select subject from mail_outbox where idempotency_key = :k")
                .param("k", "escalation:" + rowId + ":CIRCULAR:" + head).query(String.class).single();
        assertThat(zh).contains("通报批评").contains("设置健康教育宣传栏");
        String en = jdbc.sql("select subject from mail_outbox where idempotency_key = :k")
                .param("k", "escalation:" + rowId + ":CIRCULAR:" + deputy).query(String.class).single();
        assertThat(en).startsWith("[Supervision: circular]");
        String body = jdbc.sql("select body from mail_outbox where idempotency_key = :k")
                .param("k", "escalation:" + rowId + ":INTERVIEW:" + head).query(String.class).single();
        assertThat(body).contains("已超过完成时限10个工作日").contains("约谈")
                .as("links from chuangwei.base-url").contains("https://chuangwei.example.org/camunda/app/tasklist/");
        assertThat(tasks.getTaskComments(unitTask.getId())).hasSize(5)
                .allMatch(c -> c.getFullMessage().startsWith("【督查督办】"));

        // once the unit submits, the checks stop with the task
        tasks.complete(unitTask.getId(), Map.of("resultSummary", "已整改完成"));
        assertThat(job("UnitDailyCheck")).isNull();
    }
}
