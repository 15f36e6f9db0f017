package cn.chuangwei.supervision;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;

/**
 * A town whose campaign has overdue work on 8 March 2027 (the clock is left there): 城管环卫中心's street clean-up (due
 * 2 March, 4 working days overdue), 卫生院's critical health education (due 4 March, 2) and 中心小学's school check (due
 * 5 March, 1); 党政办's meeting (due 10 March) is not overdue. The task row ids by title.
 */
record OverdueTown(Fixture f, long id, Map<String, Long> rows) {

    static final String STREETS = "清理主要街道及背街小巷卫生死角";
    static final String HEALTH = "开展健康教育进社区活动";
    static final String SCHOOL = "学校卫生检查";
    static final String MEETING = "召开动员大会";

    static OverdueTown seed(int port, IdentityService identity, ManagementService management, TestClock clock) {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        Fixture f = new Fixture(identity);
        long id = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", STREETS, null, f.unit("cgzx"), null, "2027-03-02", false, null),
                new TaskRequest("MOBILIZATION", HEALTH, null, f.unit("wsy"), null, "2027-03-04", true, null),
                new TaskRequest("MOBILIZATION", SCHOOL, null, f.unit("zx"), null, "2027-03-05", false, null),
                new TaskRequest("MOBILIZATION", MEETING, null, f.unit("dzb"), null, "2027-03-10", false, null)),
                false)).id();
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));
        Map<String, Long> rows = new HashMap<>();
        for (JsonNode r : new Api(port, f.office, Fixture.PASSWORD).get("/api/campaigns/" + id + "/tasks").json()) {
            rows.put(r.get("title").asText(), r.get("id").asLong());
        }
        return new OverdueTown(f, id, rows);
    }

    long row(String title) {
        return rows.get(title);
    }
}
