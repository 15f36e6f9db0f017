package cn.chuangwei.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's 创文 and 创森 towns: each loads once with its campaign from its own template; its office opens the board
 * and sees the campaign by its name; a unit head's tasks are their unit's, from that template; a circular of overdue
 * tasks is that kind's office's (创文办通〔…〕, 创森办通〔…〕), not the sanitary campaign's.
 */
@H2Test
class DemoKindsTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoKinds demo;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
        DemoDataTest.forgetDemoPasswords(identity, DemoKinds.logins());
    }

    @Test
    void eachKindsDemoTownOpensWithItsOwnCampaign() {
        clock.set(LocalDateTime.of(2027, 11, 2, 9, 0));
        for (Object[] town : new Object[][] {
                {DemoKinds.CIVILIZED_CITY, "CIVILIZED_CITY", "civilized-city-town", "cn-head-zyz", "cn-zyz",
                        "组建乡镇和村（社区）志愿服务队伍", "创文办"},
                {DemoKinds.FOREST_CITY, "FOREST_CITY", "forest-city-town", "sl-head-lyz", "sl-lyz",
                        "按本地地形确定森林覆盖率目标", "创森办"}}) {
            DemoKinds.Town t = (DemoKinds.Town) town[0];
            Long id = demo.load(t);
            assertThat(id).as(t.name()).isNotNull();
            assertThat(demo.load(t)).as("loaded once").isNull();
            Map<String, Object> row = jdbc.sql("select kind, standard_code, process_instance_id from campaign where id = :id")
                    .param("id", id).query().singleRow();
            assertThat(row.get("kind")).isEqualTo(town[1]);
            assertThat(row.get("standard_code")).isEqualTo(town[2]);
            for (Job j : management.createJobQuery().processInstanceId((String) row.get("process_instance_id")).list()) {
                management.executeJob(j.getId());
            }

            // the office opens the campaign's board
            WebSession office = new WebSession(port);
            assertThat(office.login(t.office().get(0), DemoData.PASSWORD).location()).doesNotContain("error");
            WebSession.Page board = office.get("/board/" + id);
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.body()).contains(t.campaign());

            // a unit head has their unit's tasks of that kind's template, one of them named here
            Api head = new Api(port, (String) town[3], DemoData.PASSWORD);
            JsonNode tasks = head.get("/api/tasks?campaignId=" + id).json();
            assertThat(tasks.size()).as(t.name()).isGreaterThan(0);
            assertThat(tasks.findValuesAsText("unitCode")).containsOnly((String) town[4]);
            assertThat(tasks.findValuesAsText("name").stream().anyMatch(n -> n.contains((String) town[5])))
                    .as(tasks.toString()).isTrue();

            // weeks on, the supervisors' circular of the overdue tasks is issued by that kind's office, in its name
            clock.set(LocalDateTime.of(2027, 12, 20, 9, 0));
            Api.Reply issued = new Api(port, t.supervisors().get(0), DemoData.PASSWORD).post("/api/supervision/circulars",
                    Map.of("campaignId", id, "from", "2027-10-01", "to", "2027-12-19"));
            assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
            assertThat(issued.json().get("number").asText()).isEqualTo(t.name() + town[6] + "通〔2027〕1号");
            assertThat(issued.json().get("issuingOffice").asText()).isEqualTo(t.campaign() + "工作领导小组办公室");
            WebSession.Page print = office.get("/board/circulars/" + issued.json().get("id").asText() + "/print");
            assertThat(print.status()).isEqualTo(200);
            assertThat(print.body()).contains("书面报" + town[6]).doesNotContain("创卫办");
            clock.set(LocalDateTime.of(2027, 11, 2, 9, 0));
        }
    }
}
