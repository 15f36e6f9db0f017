package cn.chuangwei.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One deadline policy: a deadline falls at 18:00 Beijing time on its day. At 17:59 on the deadline day no task is
 * overdue anywhere; at 19:00 the board's overdue count, the supervisors' overdue list, Tasklist's 已逾期 filter, the
 * escalation ladder and the month's assessment all name the same two tasks (the one handed in before the deadline and
 * the one due next week are in none of them).
 */
@H2Test
class OverdueAgreementTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    long id;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void at19OnTheDeadlineDayEveryViewCountsTheSameTasksAndAt1759None() {
        clock.set(LocalDateTime.of(2026, 9, 21, 10, 0));
        f = new Fixture(identity);
        id = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2026, 9, 21), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2026-09-23", false, null),
                new TaskRequest("MOBILIZATION", "健康教育培训", null, f.unit("wsy"), null, "2026-09-23", false, null),
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2026-09-23", false, null),
                new TaskRequest("MOBILIZATION", "学校卫生检查", null, f.unit("zx"), null, "2026-09-30", false, null)),
                false)).id();
        // the town office hands its task in on the deadline day, before 18:00
        clock.set(LocalDateTime.of(2026, 9, 23, 16, 0));
        Api head = as(f.head("dzb"));
        String task = head.get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        assertThat(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "已召开")).status()).isEqualTo(200);

        clock.set(LocalDateTime.of(2026, 9, 23, 17, 59));
        runDueJobs();
        assertThat(board()).isEmpty();
        assertThat(supervisionList()).isEmpty();
        assertThat(tasklistFilter()).isEmpty();
        assertThat(ladder()).isEmpty();
        assertThat(assessment()).isEmpty();

        clock.set(LocalDateTime.of(2026, 9, 23, 19, 0));
        runDueJobs();
        Set<String> late = Set.of(f.unit("cgzx"), f.unit("wsy"));
        assertThat(board()).as("the board's red cells").isEqualTo(late);
        assertThat(supervisionList()).as("the supervisors' overdue list").isEqualTo(late);
        assertThat(tasklistFilter()).as("Tasklist's 已逾期").isEqualTo(late);
        assertThat(ladder()).as("the ladder's red steps").isEqualTo(late);
        assertThat(assessment()).as("the September assessment's overdue tasks").isEqualTo(late);
    }

    private Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    /** What the job executor would run now: every due job of the campaign's processes. */
    private void runDueJobs() {
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id).list()) {
            for (Job j : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                management.executeJob(j.getId());
            }
        }
    }

    private Set<String> board() {
        Set<String> units = new TreeSet<>();
        as(f.supervisors.get(0)).get("/api/dashboard/" + id).json().get("heatMap").forEach(cell -> {
            if (cell.get("overdue").asInt() > 0) {
                units.add(cell.get("unitCode").asText());
            }
        });
        return units;
    }

    private Set<String> supervisionList() {
        Set<String> units = new TreeSet<>();
        as(f.supervisors.get(0)).get("/api/supervision/overdue?campaignId=" + id).json()
                .forEach(t -> units.add(t.get("unitCode").asText()));
        return units;
    }

    private Set<String> tasklistFilter() {
        String filter = filters.createFilterQuery().filterName("已逾期").singleResult().getId();
        Set<String> units = new TreeSet<>();
        List<Task> due = filters.list(filter, tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + id));
        for (Task t : due) {
            units.add((String) tasks.getVariable(t.getId(), "unitCode"));
        }
        return units;
    }

    private Set<String> ladder() {
        return new TreeSet<>(jdbc.sql("select unit_code from escalation_step where campaign_id = :c and level_rank >= 2")
                .param("c", id).query(String.class).list());
    }

    private Set<String> assessment() {
        Set<String> units = new TreeSet<>();
        JsonNode month = as(f.office).get("/api/campaigns/" + id + "/assessment/2026-09").json();
        month.get("scores").forEach(s -> {
            if (s.get("overdueTasks").asInt() > 0) {
                units.add(s.get("unitCode").asText());
            }
        });
        return units;
    }
}
