package cn.chuangwei.dashboard;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The command board's data: timeline, heat map with the overdue unit red, ranking, patrol trend, role-shaped views. */
@H2Test
class DashboardApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    @Test
    void theBoardShowsWhoIsBehindAndEachUnitSeesItself() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        Fixture f = new Fixture(identity);
        ApiCampaign campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-03-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)), false));
        long id = campaign.id();
        campaign.completeAndAccept("dzb", "已召开");
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));

        JsonNode board = as(f.supervisors.get(0)).get("/api/dashboard/" + id).json();
        assertThat(board.get("today").asText()).isEqualTo("2027-03-08");
        assertThat(board.get("phases")).hasSize(5);
        assertThat(board.get("phases").get(0).get("tasks").asInt()).isEqualTo(2);
        assertThat(board.get("phases").get(0).get("accepted").asInt()).isEqualTo(1);
        List<String> cells = new ArrayList<>();
        board.get("heatMap").forEach(c -> cells.add(c.get("unitCode").asText() + ":" + c.get("accepted").asInt() + "/"
                + c.get("open").asInt() + "/" + c.get("overdue").asInt()));
        assertThat(cells).containsExactlyInAnyOrder(f.unit("dzb") + ":1/0/0", f.unit("cgzx") + ":0/0/1");
        assertThat(board.get("ranking")).hasSize(12);
        assertThat(board.get("patrol")).hasSize(12);
        assertThat(board.get("patrol").get(11).get("month").asText()).isEqualTo("2027-03");

        assertThat(board.get("myUnits")).isEmpty();
        JsonNode deputy = as(f.deputies.get(1)).get("/api/dashboard/" + id).json();
        assertThat(deputy.get("myUnits")).extracting(JsonNode::asText).contains(f.unit("cgzx")).doesNotContain(f.unit("dzb"));

        JsonNode mine = as(f.head("cgzx")).get("/api/dashboard/" + id).json();
        assertThat(mine.get("myUnits")).extracting(JsonNode::asText).containsExactly(f.unit("cgzx"));
        assertThat(mine.get("heatMap")).hasSize(1);
        assertThat(mine.get("heatMap").get(0).get("unitCode").asText()).isEqualTo(f.unit("cgzx"));

        // Once submitted late, the row waits for review: it is open, no longer counted as overdue.
        String cgzxTask = as(f.head("cgzx")).get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        assertThat(as(f.head("cgzx")).post("/api/tasks/" + cgzxTask + "/complete", Map.of("resultSummary", "已清理"))
                .status()).isLessThan(300);
        JsonNode after = as(f.head("cgzx")).get("/api/dashboard/" + id).json().get("heatMap").get(0);
        assertThat(after.get("open").asInt() + "/" + after.get("overdue").asInt()).isEqualTo("1/0");
        assertThat(as(f.outsider).get("/api/dashboard/" + id).status()).isEqualTo(403);
        assertThat(as(f.office).get("/api/dashboard/999999").status()).isEqualTo(404);
    }
}
