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

    /**
     * The kinds of campaign a fixture town runs, each from its template: the template's id, the campaign's name after
     * the town's, and the units covering every role of the template (short code, name, type, roles), two villages
     * taking the village tasks. The first unit is the office's, the second the one a rectification goes to.
     */
    public enum Kind {
        SANITARY_TOWN("sanitary-town-provincial", "创建省级卫生乡镇", new String[][] {
                {"dzb", "党政办", "DEPARTMENT", "office,publicity"}, {"cgzx", "城管环卫中心", "DEPARTMENT", "sanitation"},
                {"wsy", "卫生院", "HEALTH_CENTER", "health-center"}, {"scjg", "市场监管所", "DEPARTMENT", "market-supervision"},
                {"zx", "中心小学", "SCHOOL", "school"}, {"nmsc", "农贸市场", "MARKET", "market"},
                {"jsb", "规划建设办", "DEPARTMENT", "construction"}, {"sthb", "生态环境办", "DEPARTMENT", "environment"},
                {"nyb", "农业农村办", "DEPARTMENT", "agriculture"}, {"pcs", "派出所", "DEPARTMENT", "police"},
                {"c1", "东村", "VILLAGE", ""}, {"c2", "西村", "COMMUNITY", ""}}),
        CIVILIZED_CITY("civilized-city", "创建全国文明城市", new String[][] {
                {"wmb", "党政办（文明办）", "DEPARTMENT", "civ-office,publicity"},
                {"cgzd", "城管执法中队", "DEPARTMENT", "urban-management"},
                {"zyz", "志愿服务站", "DEPARTMENT", "volunteers"}, {"jjzd", "交警中队", "DEPARTMENT", "traffic"},
                {"scjg", "市场监管所", "DEPARTMENT", "market-supervision"}, {"whz", "综合文化站", "DEPARTMENT", "culture"},
                {"pcs", "派出所", "DEPARTMENT", "police"}, {"zx", "中心小学", "SCHOOL", "school"},
                {"jsb", "规划建设办", "DEPARTMENT", "construction"},
                {"c1", "东村", "VILLAGE", ""}, {"c2", "西村", "COMMUNITY", ""}}),
        FOREST_CITY("forest-city", "创建国家森林城市", new String[][] {
                {"csb", "农林水办（创森办）", "DEPARTMENT", "forest-office,agriculture"},
                {"ylsuo", "园林绿化所", "DEPARTMENT", "greening"}, {"lyz", "林业站", "DEPARTMENT", "forestry"},
                {"jsb", "规划建设办", "DEPARTMENT", "construction"}, {"slz", "水利站", "DEPARTMENT", "water"},
                {"xcb", "宣传办", "DEPARTMENT", "publicity"}, {"czs", "财政所", "DEPARTMENT", "finance"},
                {"zx", "中心小学", "SCHOOL", "school"}, {"yq", "工业园区管委会", "ENTERPRISE", "industrial-park"},
                {"c1", "东村", "VILLAGE", ""}, {"c2", "西村", "COMMUNITY", ""}});

        public final String template;
        public final String campaign;
        private final String[][] units;

        Kind(String template, String campaign, String[][] units) {
            this.template = template;
            this.campaign = campaign;
            this.units = units;
        }
    }

    public final Kind kind;

    public Fixture(IdentityService identity) {
        this(identity, Kind.SANITARY_TOWN);
    }

    /** A town of its own whose units cover the roles of the given kind's template. */
    public Fixture(IdentityService identity, Kind kind) {
        this.kind = kind;
        p = "t" + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
        town = "测试镇" + p;
        leader = user(identity, p + "-leader", "组长");
        deputies = List.of(user(identity, p + "-dep1", "副组长甲"), user(identity, p + "-dep2", "副组长乙"));
        members = List.of(user(identity, p + "-mem1", "成员甲"), user(identity, p + "-mem2", "成员乙"));
        office = user(identity, p + "-office", "创卫办");
        identity.createMembership(office, "campaign-office");
        supervisors = List.of(user(identity, p + "-sup1", "督查甲"), user(identity, p + "-sup2", "督查乙"));
        outsider = user(identity, p + "-outsider", "路人");
        for (int i = 0; i < kind.units.length; i++) {
            String[] u = kind.units[i];
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

    /** A campaign from the kind's template (the provincial sanitary town's by default), its phases laid from the start date. */
    public CampaignRequest fromTemplate(LocalDate start) {
        return new CampaignRequest(town + kind.campaign, town, null, null, kind.template, null, start,
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
