package cn.chuangwei.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.demo.DemoData;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo town as the embedded default loads it: a demo unit head signs in to Tasklist and sees only their unit's
 * tasks, each with its Camunda Form; the office sees the start form.
 */
@H2Test
class DemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoData demo;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    cn.chuangwei.calendar.WorkCalendar calendar;

    @AfterEach
    void tearDown() {
        clock.reset();
        forgetDemoPasswords(identity, DemoData.logins());
    }

    /**
     * The shared test database is not the demo: a context started on it later must not find the demo's passwords
     * (StartupGuard refuses to start then).
     */
    static void forgetDemoPasswords(IdentityService identity, java.util.List<String> logins) {
        for (String id : logins) {
            org.camunda.bpm.engine.identity.User u = identity.createUserQuery().userId(id).singleResult();
            if (u != null) {
                u.setPassword("not-demo-" + java.util.UUID.randomUUID());
                identity.saveUser(u);
            }
        }
    }

    @Test
    void aDemoUnitHeadSeesOnlyTheirUnitsTasksEachWithItsForm() throws Exception {
        clock.set(LocalDateTime.of(2027, 11, 2, 9, 0));
        demo.load();
        long id = jdbc.sql("select id from campaign where town = :t").param("t", DemoData.TOWN).query(Long.class).single();
        String pi = jdbc.sql("select process_instance_id from campaign where id = :id").param("id", id)
                .query(String.class).single();
        for (Job j : management.createJobQuery().processInstanceId(pi).list()) {
            management.executeJob(j.getId());
        }
        assertThat(demo.load()).as("loaded once").isNull();
        // started two working days ago from the template: every deadline on a working day
        assertThat(jdbc.sql("select deadline from task_row where campaign_id = :id").param("id", id)
                .query(java.time.LocalDate.class).list()).isNotEmpty().allMatch(calendar::isWorkingDay);
        assertThat(jdbc.sql("select start_date from campaign_phase where campaign_id = :id and phase = 'MOBILIZATION'")
                .param("id", id).query(java.time.LocalDate.class).single())
                .isEqualTo(calendar.addWorkingDays(java.time.LocalDate.of(2027, 11, 2), -2));
        assertThat(identity.createUserQuery().memberOfGroup("leading-group").count()).isGreaterThanOrEqualTo(5);
        assertThat(identity.createUserQuery().memberOfGroup("supervisors").count()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from campaign_unit where campaign_id = :id").param("id", id)
                .query(Integer.class).single()).isGreaterThanOrEqualTo(10);

        // the demo's grid inspector reports a case in the grid they patrol
        Reply reported = new Api(port, "wanggy", DemoData.PASSWORD).post("/api/cases", java.util.Map.of("campaignId", id,
                "gridCode", "G3", "category", "CLUTTER", "description", "街边堆放杂物", "address", "青山街8号"));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);

        Api head = new Api(port, "head-wsy", DemoData.PASSWORD);
        Reply mine = head.get("/engine-rest/task");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().size()).isGreaterThan(0);
        for (JsonNode task : mine.json()) {
            Reply links = head.get("/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate");
            assertThat(links.json().findValuesAsText("groupId")).containsExactly("unit-qs-wsy");
            Reply form = head.get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form");
            assertThat(form.status()).as(form.raw()).isEqualTo(200);
            assertThat(form.json().get("id").asText()).isEqualTo("unit-task");
            assertThat(form.json().get("components").size()).isGreaterThan(3);
            Reply vars = head.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables");
            assertThat(vars.json().get("unitName").get("value").asText()).isEqualTo("青山镇卫生院");
        }
        Reply others = new Api(port, "head-dfc", DemoData.PASSWORD).get("/engine-rest/task");
        assertThat(others.json().findValuesAsText("id")).doesNotContainAnyElementsOf(mine.json().findValuesAsText("id"));

        // the office may start a campaign from Tasklist and gets the start form
        Api office = new Api(port, "liuzr", DemoData.PASSWORD);
        Reply startable = office.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true&key=campaign");
        assertThat(startable.json()).hasSize(1);
        Reply startForm = office.get("/engine-rest/process-definition/key/campaign/deployed-start-form");
        assertThat(startForm.status()).isEqualTo(200);
        assertThat(startForm.json().get("id").asText()).isEqualTo("campaign-start");
        Reply notForHeads = head.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true&key=campaign");
        assertThat(notForHeads.json()).isEmpty();

        // the demo password signs in on the board's page, and Tasklist opens signed in as that person
        cn.chuangwei.support.WebSession browser = new cn.chuangwei.support.WebSession(port);
        assertThat(browser.get("/camunda/app/tasklist/default/").location()).endsWith("/login");
        assertThat(browser.login("head-wsy", DemoData.PASSWORD).location()).endsWith("/camunda/app/tasklist/default/");
        assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        cn.chuangwei.support.WebSession.Page me = browser.webapp("/camunda/api/admin/auth/user/default", null);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("head-wsy").contains("tasklist");
    }
}
