package cn.chuangwei.org;

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
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two towns of one county on one installation: through Camunda's REST API and Tasklist's own filter queries each
 * town's people see only their town's tasks; the county's office sees both towns' and completes neither; one town's
 * office cannot complete the other's task through the application either.
 */
@H2Test
class TownsApartTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    Regions regions;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        clock.reset();
    }

    @Test
    void eachTownSeesItsOwnAndTheCountyReadsBothButCompletesNeither() {
        clock.set(LocalDateTime.of(2027, 9, 6, 9, 0));
        Fixture a = new Fixture(identity);
        Fixture b = new Fixture(identity);
        Region county = regions.ensure("测试县" + a.town, Region.Level.COUNTY, null);
        // the county set the towns up, each with its office (as /api/regions does)
        regions.addMember(regions.ensure(a.town, Region.Level.TOWN, county.id()), a.office);
        regions.addMember(regions.ensure(b.town, Region.Level.TOWN, county.id()), b.office);
        long campaignA = start(a);
        long campaignB = start(b);
        String overseer = "county-" + System.nanoTime();
        User u = identity.newUser(overseer);
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        regions.addOverseer(county, overseer);

        // each town's unit head and office: their town's tasks only, through /engine-rest
        assertThat(engineTasks(a.head("dzb"), campaignA)).hasSize(1);
        assertThat(engineTasks(a.head("dzb"), campaignB)).isEmpty();
        assertThat(engineTasks(b.office, campaignA)).isEmpty();
        assertThat(engineTasks(a.office, campaignA)).isNotEmpty();
        // the county reads both towns' work
        List<JsonNode> inA = engineTasks(overseer, campaignA);
        assertThat(inA).isNotEmpty();
        assertThat(engineTasks(overseer, campaignB)).isNotEmpty();

        // Tasklist's own filter queries, with each person's groups and towns
        assertThat(filtered(a.head("dzb"), "本单位待办")).allMatch(t -> t.getTenantId().equals(tenant(campaignA)))
                .isNotEmpty();
        assertThat(filtered(b.office, "本单位待办")).noneMatch(t -> t.getTenantId().equals(tenant(campaignA)));

        // the county completes no town's task; one town's office not the other's
        String taskOfA = inA.get(0).get("id").asText();
        assertThat(as(overseer).post("/engine-rest/task/" + taskOfA + "/complete", Map.of()).status()).isEqualTo(403);
        assertThat(as(b.office).post("/api/tasks/" + taskOfA + "/complete", Map.of("resultSummary", "x")).status())
                .isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(taskOfA).count()).as("still open").isEqualTo(1);

        // town A's result goes to A's office for review: B's office (the same global group) neither lists nor completes it
        assertThat(as(a.head("dzb")).post("/api/tasks/" + taskOfA + "/complete", Map.of("resultSummary", "已召开"))
                .status()).isEqualTo(200);
        String review = tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + campaignA)
                .taskDefinitionKey("reviewTask").singleResult().getId();
        List<String> listedForB = new ArrayList<>();
        as(b.office).get("/api/tasks").json().forEach(t -> listedForB.add(t.get("id").asText()));
        assertThat(listedForB).doesNotContain(review);
        assertThat(as(b.office).post("/api/tasks/" + review + "/complete", Map.of("reviewDecision", "ACCEPT")).status())
                .isEqualTo(403);
        List<String> listedForA = new ArrayList<>();
        as(a.office).get("/api/tasks").json().forEach(t -> listedForA.add(t.get("id").asText()));
        assertThat(listedForA).contains(review);
    }

    private long start(Fixture f) {
        return ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-10", false, null)),
                false)).id();
    }

    private Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    private List<JsonNode> engineTasks(String user, long campaignId) {
        Api.Reply r = as(user).get("/engine-rest/task?processInstanceBusinessKeyLike=campaign-" + campaignId);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private String tenant(long campaignId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + campaignId).list().stream()
                .map(Task::getTenantId).findFirst().orElseThrow();
    }

    private List<Task> filtered(String user, String filterName) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        List<String> towns = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        String filter = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        identity.setAuthentication(user, groups, towns);
        try {
            return filters.list(filter);
        } finally {
            identity.clearAuthentication();
        }
    }
}
