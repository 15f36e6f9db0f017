package cn.chuangwei.support;

import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.PhaseDates;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A town of its own for one test: unique user ids and unit codes (the shared context keeps earlier tests' data), a
 * five-person leading group, an office clerk, two supervisors and units covering every template role.
 */
public class Fixture {

    public static final String PASSWORD = "secret";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public final String p;
    public final String town;
    public final String leader;
    public final List<String> deputies;
    public final List<String> members;
    public final String office;
    public final List<String> supervisors;
    public final String outsider;
    public final List<UnitRequest> units = new ArrayList<>();

    /** Template roles and the unit that takes each; two villages take the village tasks. */
    private static final String[][] UNITS = {
            {"dzb", "党政办", "DEPARTMENT", "office,publicity"}, {"cgzx", "城管环卫中心", "DEPARTMENT", "sanitation"},
            {"wsy", "卫生院", "HEALTH_CENTER", "health-center"}, {"scjg", "市场监管所", "DEPARTMENT", "market-supervision"},
            {"zx", "中心小学", "SCHOOL", "school"}, {"nmsc", "农贸市场", "MARKET", "market"},
            {"jsb", "规划建设办", "DEPARTMENT", "construction"}, {"sthb", "生态环境办", "DEPARTMENT", "environment"},
            {"nyb", "农业农村办", "DEPARTMENT", "agriculture"}, {"pcs", "派出所", "DEPARTMENT", "police"},
            {"c1", "东村", "VILLAGE", ""}, {"c2", "西村", "COMMUNITY", ""}};

    public Fixture(IdentityService identity) {
        p = "t" + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
        town = "测试镇" + p;
        leader = user(identity, p + "-leader", "组长");
        deputies = List.of(user(identity, p + "-dep1", "副组长甲"), user(identity, p + "-dep2", "副组长乙"));
        members = List.of(user(identity, p + "-mem1", "成员甲"), user(identity, p + "-mem2", "成员乙"));
        office = user(identity, p + "-office", "创卫办");
        identity.createMembership(office, "campaign-office");
        supervisors = List.of(user(identity, p + "-sup1", "督查甲"), user(identity, p + "-sup2", "督查乙"));
        outsider = user(identity, p + "-outsider", "路人");
        for (int i = 0; i < UNITS.length; i++) {
            String[] u = UNITS[i];
            String head = user(identity, p + "-head-" + u[0], u[1] + "负责人");
            units.add(new UnitRequest(unit(u[0]), u[1], u[2], head, deputies.get(i % 2),
                    u[3].isEmpty() ? List.of() : List.of(u[3].split(","))));
        }
    }

    public String unit(String shortCode) {
        return p + "-" + shortCode;
    }

    public String head(String shortCode) {
        return p + "-head-" + shortCode;
    }

    public List<String> signers() {
        List<String> all = new ArrayList<>();
        all.add(leader);
        all.addAll(deputies);
        all.addAll(members);
        return all;
    }

    /** A campaign from the provincial template, its phases laid from the start date. */
    public CampaignRequest fromTemplate(LocalDate start) {
        return new CampaignRequest(town + "创建省级卫生乡镇", town, null, null, "sanitary-town-provincial", null, start,
                null, group(), List.of(office), supervisors, units, List.of(), false);
    }

    /** A small campaign: the given phase dates (consecutive 10-day phases from start) and explicit tasks only. */
    public CampaignRequest small(LocalDate start, List<TaskRequest> tasks, boolean draft) {
        List<PhaseDates> phases = new ArrayList<>();
        LocalDate s = start;
        for (Phase ph : Phase.values()) {
            phases.add(new PhaseDates(ph.name(), s, s.plusDays(9)));
            s = s.plusDays(10);
        }
        return new CampaignRequest(town + "创建活动", town, "SANITARY_TOWN", "PROVINCIAL", null, "provincial-jiangsu", null,
                phases, group(), List.of(office), supervisors, units, tasks, draft);
    }

    public LeadingGroup group() {
        return new LeadingGroup(leader, deputies, members);
    }

    private static String user(IdentityService identity, String id, String name) {
        User u = identity.newUser(id);
        u.setFirstName(name);
        u.setLastName("");
        u.setEmail(id + "@test.example");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
        return id;
    }
}
