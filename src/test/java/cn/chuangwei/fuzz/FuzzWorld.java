package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;

/**
 * The town the fuzz tests attack, made once per test run: a running campaign whose first tasks are overdue (so that a
 * circular can be issued), with two patrol grids and a hotline operator; and a draft campaign of another town that
 * takes new task rows and grids.
 */
final class FuzzWorld {

    /** The moment the fuzz tests run at: the campaign's first tasks are a few days overdue. */
    static final LocalDateTime NOW = LocalDateTime.of(2027, 9, 8, 10, 0);

    private static FuzzWorld world;

    final Fixture f;
    final long active;
    final Fixture draftTown;
    final long draft;
    final String hotline;
    /** The open unit task of the town office (党政办), never completed by the fuzz tests. */
    final String unitTask;
    final List<String> indicators = new ArrayList<>();
    final long taskRow;
    final long patrolCase;
    /** A photo of the patrol case. */
    final long casePhoto;
    /** The county the running campaign's town lies in, and its office (an overseer of the county). */
    final Region county;
    final String overseer;

    static synchronized FuzzWorld get(int port, IdentityService identity, ManagementService management, TestClock clock,
                                      Regions regions) {
        if (world == null) {
            world = new FuzzWorld(port, identity, management, clock, regions);
        }
        return world;
    }

    private FuzzWorld(int port, IdentityService identity, ManagementService management, TestClock clock,
                      Regions regions) {
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        f = new Fixture(identity);
        county = regions.ensure("模糊县" + f.p, Region.Level.COUNTY, null);
        regions.addMember(regions.ensure(f.town, Region.Level.TOWN, county.id()), f.office);
        active = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 9, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", "无垃圾", f.unit("cgzx"), null, "2027-09-06", false, null)),
                false)).id();
        hotline = f.p + "-hotline";
        User u = identity.newUser(hotline);
        u.setFirstName("热线受理员");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(hotline, "hotline");
        overseer = f.p + "-county";
        User o = identity.newUser(overseer);
        o.setFirstName("县爱卫办");
        o.setPassword(Fixture.PASSWORD);
        identity.saveUser(o);
        regions.addOverseer(county, overseer);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Reply grids = office.put("/api/campaigns/" + active + "/grids", List.of(
                Map.of("code", "G1", "name", "第一网格", "inspector", f.supervisors.get(0)),
                Map.of("code", "G2", "name", "第二网格", "inspector", f.supervisors.get(1))));
        assertThat(grids.status()).as(grids.raw()).isEqualTo(200);
        Api head = new Api(port, f.head("dzb"), Fixture.PASSWORD);
        unitTask = head.get("/api/tasks?campaignId=" + active).json().get(0).get("id").asText();
        for (JsonNode i : office.get("/api/campaigns/" + active + "/thresholds").json()) {
            indicators.add(i.get("code").asText());
        }
        assertThat(indicators).isNotEmpty();
        taskRow = office.get("/api/campaigns/" + active + "/tasks").json().get(0).get("id").asLong();
        Reply reported = new Api(port, f.supervisors.get(0), Fixture.PASSWORD).post("/api/cases", Map.of("campaignId", active,
                "gridCode", "G1", "category", "CLUTTER", "description", "人行道乱堆建筑垃圾", "address", "青山路12号"));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        patrolCase = reported.json().get("id").asLong();
        Reply photo = new Api(port, f.supervisors.get(0), Fixture.PASSWORD).upload("/api/cases/" + patrolCase + "/photos",
                "现场.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(photo.status()).as(photo.raw()).isEqualTo(201);
        casePhoto = photo.json().get("photoId").asLong();

        draftTown = new Fixture(identity);
        Reply d = office(port, draftTown).post("/api/campaigns",
                draftTown.small(LocalDate.of(2027, 10, 1), List.of(), true));
        assertThat(d.status()).as(d.raw()).isEqualTo(201);
        draft = d.json().get("id").asLong();
        clock.set(NOW);
    }

    private static Api office(int port, Fixture f) {
        return new Api(port, f.office, Fixture.PASSWORD);
    }
}
