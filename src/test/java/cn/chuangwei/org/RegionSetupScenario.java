package cn.chuangwei.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.PhaseDates;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new town set up through the API alone, nobody touching Camunda's groups: the administrator creates a county and
 * its office; the county's office creates a town and its office; the town's office adds its leading group, supervisors
 * and unit heads, then registers the town's campaign, which runs in the town's tenant. And the refusals: another
 * county's office, a town's office beyond its town or its roles, a level not below its parent, a duplicate; none of
 * them changes anything. On H2 ({@link RegionSetupTest}) and PostgreSQL ({@link RegionSetupPostgresTest}).
 */
abstract class RegionSetupScenario {

    static final String ADMIN_PASSWORD = "test-admin-4b7e19";
    static final String PASSWORD = "first-pass-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    final String p = "rs" + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Api admin() {
        return new Api(port, "admin", ADMIN_PASSWORD);
    }

    Api as(String user) {
        return new Api(port, user, PASSWORD);
    }

    static Reply created(Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    long region(Api api, String name, String level, Long parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "level", level));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return created(api.post("/api/regions", body)).json().get("id").asLong();
    }

    Reply person(Api api, long region, String userId, String name, String role) {
        return api.post("/api/regions/" + region + "/people", Map.of("userId", userId, "name", name,
                "email", userId + "@test.example", "password", PASSWORD, "role", role));
    }

    /** An existing login given another role: only the login and the role. */
    Reply existing(Api api, long region, String userId, String role) {
        return api.post("/api/regions/" + region + "/people", Map.of("userId", userId, "role", role));
    }

    boolean inGroup(String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }

    boolean inTenant(String user, long region) {
        return identity.createTenantQuery().tenantId(Region.tenantOf(region)).userMember(user).count() > 0;
    }

    Map<String, Long> counts() {
        Map<String, Long> c = new HashMap<>();
        for (String t : List.of("region", "region_role", "act_id_user", "act_id_membership", "act_id_tenant",
                "act_id_tenant_member")) {
            c.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return c;
    }

    /** A refusal: the status, a Chinese and an English message, the field at fault; and nothing changed. */
    void refused(Reply r, int status, String field, Map<String, Long> before) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(r.json().get("messageEn").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.json().get("field").asText()).isEqualTo(field);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aNewTownIsSetUpThroughTheApiAndRegistersItsCampaign() {
        clock.set(LocalDateTime.of(2027, 10, 4, 9, 0));
        // the administrator: the county, a first town and the county's office
        long county = region(admin(), "测试县" + p, "COUNTY", null);
        long meilin = region(admin(), "梅林镇" + p, "TOWN", county);
        String overseer = p + "-county";
        JsonNode o = created(person(admin(), county, overseer, "王主任", "COUNTY_OFFICE")).json();
        assertThat(o.get("name").asText()).isEqualTo("王主任");
        assertThat(inGroup(overseer, Groups.COUNTY_OFFICE)).isTrue();
        assertThat(inTenant(overseer, meilin)).as("an overseer is in every town's tenant below").isTrue();

        // the county's office: a second town (it joins the new town's tenant at once) and the town's office
        Api county0 = as(overseer);
        long taoyuan = region(county0, "桃源镇" + p, "TOWN", county);
        assertThat(inTenant(overseer, taoyuan)).isTrue();
        String office = p + "-office";
        created(person(county0, taoyuan, office, "刘主任", "OFFICE"));
        List<Long> seen = new ArrayList<>();
        county0.get("/api/regions").json().forEach(r -> seen.add(r.get("id").asLong()));
        assertThat(seen).contains(county, meilin, taoyuan);

        // the town's office: its leading group, supervisors and unit heads
        Api town = as(office);
        String leader = p + "-leader";
        String deputy = p + "-deputy";
        String supervisor = p + "-sup";
        String headA = p + "-head-a";
        String headB = p + "-head-b";
        created(person(town, taoyuan, leader, "张书记", "LEADING_GROUP"));
        created(person(town, taoyuan, deputy, "李镇长", "LEADING_GROUP"));
        created(person(town, taoyuan, supervisor, "周督查", "SUPERVISOR"));
        created(person(town, taoyuan, headA, "钱主任", "UNIT_HEAD"));
        created(person(town, taoyuan, headB, "吕书记", "UNIT_HEAD"));
        assertThat(inGroup(leader, Groups.LEADING_GROUP)).isTrue();
        assertThat(inGroup(supervisor, Groups.SUPERVISORS)).isTrue();
        assertThat(inGroup(headA, Groups.LEADING_GROUP) || inGroup(headA, Groups.OFFICE)).isFalse();
        assertThat(List.of(office, leader, deputy, supervisor, headA, headB)).allMatch(u -> inTenant(u, taoyuan))
                .noneMatch(u -> inTenant(u, meilin));
        JsonNode people = town.get("/api/regions/" + taoyuan + "/people").json();
        assertThat(people).hasSize(6);
        assertThat(people.get(0).get("role").asText()).isEqualTo("OFFICE");
        // the town's people see their town and the county above it, nothing of the other town
        List<Long> theirs = new ArrayList<>();
        as(headA).get("/api/regions").json().forEach(r -> theirs.add(r.get("id").asLong()));
        assertThat(theirs).contains(taoyuan, county).doesNotContain(meilin);

        // the town's office registers the campaign for its town: the town found by name, the units' heads in their groups
        Reply c = town.post("/api/campaigns", campaign("桃源镇" + p, leader, deputy, office, supervisor, headA, headB));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        String pi = c.json().get("processInstanceId").asText();
        for (Job j : management.createJobQuery().processInstanceId(pi).list()) {
            management.executeJob(j.getId());
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
        assertThat(instance.getTenantId()).isEqualTo(Region.tenantOf(taoyuan));
        JsonNode tasks = as(headA).get("/api/tasks").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.toString()).contains("召开动员大会");
        assertThat(as(headB).get("/api/tasks").json()).isEmpty();
        // the county reads the new town's work: in the application, and in the engine with its own groups and towns (as
        // /engine-rest would ask; not over HTTP here, since /engine-rest serves the JVM's first engine, which in a test
        // run that also holds an H2 context need not be this one)
        assertThat(county0.get("/api/campaigns/" + c.json().get("id").asLong()).status()).isEqualTo(200);
        List<String> groups = identity.createGroupQuery().groupMember(overseer).list().stream().map(g -> g.getId()).toList();
        List<String> towns = identity.createTenantQuery().userMember(overseer).includingGroupsOfUser(true).list().stream()
                .map(t -> t.getId()).toList();
        identity.setAuthentication(overseer, groups, towns);
        try {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey("campaign-" + c.json().get("id").asLong())
                    .list()).as("the county reads the new town's work").isNotEmpty();
        } finally {
            identity.clearAuthentication();
        }

        // a person in two towns with the same role; a role that would spread to another town is refused
        created(existing(county0, meilin, supervisor, "SUPERVISOR"));
        assertThat(inTenant(supervisor, meilin)).isTrue();
        Map<String, Long> before = counts();
        refused(existing(county0, meilin, leader, "OFFICE"), 409, "userId", before);

        // taking roles away: the group goes only where the person holds the role nowhere else (nor in a campaign)
        assertThat(town.delete("/api/regions/" + meilin + "/people/" + supervisor + "/SUPERVISOR").status())
                .as("the town's office only sets its own town up").isEqualTo(403);
        assertThat(county0.delete("/api/regions/" + meilin + "/people/" + supervisor + "/SUPERVISOR").status())
                .isEqualTo(204);
        assertThat(inTenant(supervisor, meilin)).isFalse();
        assertThat(inTenant(supervisor, taoyuan)).isTrue();
        assertThat(inGroup(supervisor, Groups.SUPERVISORS)).isTrue();
        String second = p + "-sup2";
        created(person(town, taoyuan, second, "吴督查", "SUPERVISOR"));
        assertThat(town.delete("/api/regions/" + taoyuan + "/people/" + second + "/SUPERVISOR").status()).isEqualTo(204);
        assertThat(inGroup(second, Groups.SUPERVISORS)).isFalse();
        assertThat(inTenant(second, taoyuan)).isFalse();
        // the campaign still names the deputy: the role's record goes, the group and the town stay
        assertThat(town.delete("/api/regions/" + taoyuan + "/people/" + deputy + "/LEADING_GROUP").status())
                .isEqualTo(204);
        assertThat(inGroup(deputy, Groups.LEADING_GROUP)).isTrue();
        assertThat(inTenant(deputy, taoyuan)).isTrue();
        assertThat(town.delete("/api/regions/" + taoyuan + "/people/" + deputy + "/LEADING_GROUP").status())
                .isEqualTo(404);
    }

    @Test
    void refusalsChangeNothing() {
        long county = region(admin(), "测试县" + p, "COUNTY", null);
        long town = region(admin(), "梅林镇" + p, "TOWN", county);
        long otherCounty = region(admin(), "邻县" + p, "COUNTY", null);
        String overseer = p + "-county";
        String other = p + "-other-county";
        created(person(admin(), county, overseer, "王主任", "COUNTY_OFFICE"));
        created(person(admin(), otherCounty, other, "赵主任", "COUNTY_OFFICE"));
        String office = p + "-office";
        created(person(as(overseer), town, office, "刘主任", "OFFICE"));
        Map<String, Long> before = counts();

        // another county's office: nothing of this county
        refused(as(other).post("/api/regions", Map.of("name", "新镇" + p, "level", "TOWN", "parentId", county)), 403,
                null, before);
        refused(as(other).get("/api/regions/" + town + "/people"), 403, null, before);
        refused(person(as(other), town, p + "-x", "某人", "SUPERVISOR"), 403, null, before);
        List<Long> theirs = new ArrayList<>();
        as(other).get("/api/regions").json().forEach(r -> theirs.add(r.get("id").asLong()));
        assertThat(theirs).contains(otherCounty).doesNotContain(county, town);
        // a town's office: no county office, no region, no other town
        refused(person(as(office), town, p + "-x", "某人", "COUNTY_OFFICE"), 403, null, before);
        refused(as(office).post("/api/regions", Map.of("name", "新镇" + p, "level", "TOWN", "parentId", county)), 403,
                null, before);
        refused(as(overseer).post("/api/regions", Map.of("name", "县" + p, "level", "COUNTY")), 403, null, before);
        // bad input
        refused(as(overseer).post("/api/regions", Map.of("name", "新县" + p, "level", "COUNTY", "parentId", county)), 400,
                "level", before);
        refused(as(overseer).post("/api/regions", Map.of("name", "村" + p, "level", "TOWN", "parentId", town)), 400,
                "level", before);
        refused(as(overseer).post("/api/regions", Map.of("name", "新镇" + p, "level", "VILLAGE", "parentId", county)), 400,
                "level", before);
        refused(as(overseer).post("/api/regions", Map.of("name", " ", "level", "TOWN", "parentId", county)), 400, "name",
                before);
        refused(as(overseer).post("/api/regions", Map.of("name", "镇".repeat(101), "level", "TOWN", "parentId", county)),
                400, "name", before);
        refused(as(overseer).post("/api/regions", Map.of("name", "新镇", "level", "TOWN", "parentId", 987_654_321L)), 404,
                null, before);
        refused(person(as(office), town, "bad id!", "某人", "SUPERVISOR"), 400, "userId", before);
        refused(person(as(office), town, p + "-y", "某人", "MAYOR"), 400, "role", before);
        refused(person(as(overseer), county, p + "-y", "某人", "OFFICE"), 400, "role", before);
        refused(as(office).post("/api/regions/" + town + "/people", Map.of("userId", p + "-y", "name", "某人",
                "email", "y@test.example", "role", "SUPERVISOR")), 400, "password", before);
        refused(as(office).post("/api/regions/" + town + "/people", Map.of("userId", p + "-y", "name", "某人",
                "email", "y@test.example", "password", "short", "role", "SUPERVISOR")), 400, "password", before);
        refused(as(office).post("/api/regions/" + town + "/people", Map.of("userId", p + "-y", "name", "某人",
                "email", "not-an-address", "password", PASSWORD, "role", "SUPERVISOR")), 400, "email", before);
        refused(as(office).post("/api/regions/" + town + "/people", Map.of("userId", p + "-y",
                "email", "y@test.example", "password", PASSWORD, "role", "SUPERVISOR")), 400, "name", before);
        // duplicates
        refused(as(overseer).post("/api/regions", Map.of("name", "梅林镇" + p, "level", "TOWN", "parentId", county)), 409,
                "name", before);
        refused(as(other).post("/api/regions", Map.of("name", "梅林镇" + p, "level", "TOWN", "parentId", otherCounty)), 409,
                "name", before);
        refused(existing(as(office), town, office, "OFFICE"), 409, "userId", before);
        // the town's office adds its colleagues; the county's office to the town too
        created(person(as(office), town, p + "-office2", "孙科员", "OFFICE"));
        assertThat(as(overseer).get("/api/regions/" + town + "/people").json()).hasSize(2);
        assertThat(as(overseer).get("/api/regions/" + county + "/people").json()).hasSize(1);
        assertThat(as(office).get("/api/regions/" + county + "/people").status()).isEqualTo(403);
    }

    static CampaignRequest campaign(String town, String leader, String deputy, String office, String supervisor,
                                    String headA, String headB) {
        List<PhaseDates> phases = new ArrayList<>();
        LocalDate s = LocalDate.of(2027, 10, 4);
        for (Phase ph : Phase.values()) {
            phases.add(new PhaseDates(ph.name(), s, s.plusDays(9)));
            s = s.plusDays(10);
        }
        String code = town.hashCode() < 0 ? "u" + -town.hashCode() : "u" + town.hashCode();
        return new CampaignRequest(town + "创建省级卫生乡镇", town, "SANITARY_TOWN", "PROVINCIAL", null,
                "provincial-jiangsu", null, phases, new LeadingGroup(leader, List.of(deputy), List.of()),
                List.of(office), List.of(supervisor),
                List.of(new UnitRequest(code + "-dzb", "党政办", "DEPARTMENT", headA, deputy, List.of()),
                        new UnitRequest(code + "-c1", "东村", "VILLAGE", headB, deputy, List.of())),
                List.of(new TaskRequest("MOBILIZATION", "召开动员大会", null, code + "-dzb", null, "2027-10-08", true, null)),
                false);
    }
}
