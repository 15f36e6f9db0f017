package cn.chuangwei.demo;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's campaigns of the two other kinds, each in a town of its own beside 青山镇 (chuangwei.demo.enabled):
 * 城南街道 takes its share of its city's 创建全国文明城市 (a 街道 is a town-level place, as a 乡镇 is), 松林镇, a mountain
 * town, its share of 创建国家森林城市 (so the standard's default forest cover, the 山区 one, is the one that applies).
 * Each has its own leading group, office, supervisors and the units its template's roles call for, and a campaign
 * started from its template two working days ago. The password of every login is {@value DemoData#PASSWORD}. Loaded once.
 */
@Component
@Order(11)
class DemoKinds implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKinds.class);

    /**
     * A demo town: its people (user id, family name, given name), who of them lead, deputise, sit in the group, staff
     * the office and supervise; its units (code, name, type, head id, head family name, head given name, deputy in
     * charge, template roles).
     */
    record Town(String name, String campaign, String template, String mailDomain, List<String[]> people, String leader,
                List<String> deputies, List<String> members, List<String> office, List<String> supervisors,
                List<String[]> units) {
    }

    static final Town CIVILIZED_CITY = new Town("城南街道", "城南街道创建全国文明城市", "civilized-city",
            "chengnan.example",
            List.of(new String[] {"cn-huangsj", "黄", "书记"}, new String[] {"cn-linzr", "林", "主任"},
                    new String[] {"cn-guofzr", "郭", "副主任"}, new String[] {"cn-mawy", "马", "委员"},
                    new String[] {"cn-luowy", "罗", "委员"}, new String[] {"cn-tangzr", "唐", "主任"},
                    new String[] {"cn-songky", "宋", "科员"}, new String[] {"cn-xiedc", "谢", "督查"},
                    new String[] {"cn-hudc", "胡", "督查"}),
            "cn-huangsj", List.of("cn-linzr", "cn-guofzr"), List.of("cn-mawy", "cn-luowy"),
            List.of("cn-tangzr", "cn-songky"), List.of("cn-xiedc", "cn-hudc"),
            List.of(new String[] {"cn-wmb", "城南街道党政办（文明办）", "DEPARTMENT", "cn-head-wmb", "贾", "主任", "cn-linzr",
                            "civ-office,publicity"},
                    new String[] {"cn-cgzd", "城南城管执法中队", "DEPARTMENT", "cn-head-cgzd", "邓", "队长", "cn-guofzr",
                            "urban-management"},
                    new String[] {"cn-zyz", "城南街道志愿服务站", "DEPARTMENT", "cn-head-zyz", "曹", "站长", "cn-linzr",
                            "volunteers"},
                    new String[] {"cn-jjzd", "城南交警中队", "DEPARTMENT", "cn-head-jjzd", "彭", "队长", "cn-guofzr", "traffic"},
                    new String[] {"cn-scjg", "城南市场监管所", "DEPARTMENT", "cn-head-scjg", "曾", "所长", "cn-guofzr",
                            "market-supervision"},
                    new String[] {"cn-whz", "城南街道综合文化站", "DEPARTMENT", "cn-head-whz", "萧", "站长", "cn-linzr", "culture"},
                    new String[] {"cn-pcs", "城南派出所", "DEPARTMENT", "cn-head-pcs", "田", "所长", "cn-linzr", "police"},
                    new String[] {"cn-zx", "城南小学", "SCHOOL", "cn-head-zx", "董", "校长", "cn-linzr", "school"},
                    new String[] {"cn-jsb", "城南街道规划建设办", "DEPARTMENT", "cn-head-jsb", "潘", "主任", "cn-guofzr",
                            "construction"},
                    new String[] {"cn-hpsq", "和平社区", "COMMUNITY", "cn-head-hpsq", "袁", "书记", "cn-guofzr", ""},
                    new String[] {"cn-nhc", "南湖村", "VILLAGE", "cn-head-nhc", "蔡", "书记", "cn-linzr", ""}));

    static final Town FOREST_CITY = new Town("松林镇", "松林镇创建国家森林城市", "forest-city", "songlin.example",
            List.of(new String[] {"sl-weisj", "魏", "书记"}, new String[] {"sl-jiangzz", "姜", "镇长"},
                    new String[] {"sl-fanfz", "范", "副镇长"}, new String[] {"sl-fangwy", "方", "委员"},
                    new String[] {"sl-shiwy", "石", "委员"}, new String[] {"sl-yaozr", "姚", "主任"},
                    new String[] {"sl-liaoky", "廖", "科员"}, new String[] {"sl-zoudc", "邹", "督查"},
                    new String[] {"sl-xiongdc", "熊", "督查"}),
            "sl-weisj", List.of("sl-jiangzz", "sl-fanfz"), List.of("sl-fangwy", "sl-shiwy"),
            List.of("sl-yaozr", "sl-liaoky"), List.of("sl-zoudc", "sl-xiongdc"),
            List.of(new String[] {"sl-csb", "松林镇农林水办（创森办）", "DEPARTMENT", "sl-head-csb", "陆", "主任", "sl-jiangzz",
                            "forest-office,agriculture"},
                    new String[] {"sl-ylsuo", "松林镇园林绿化所", "DEPARTMENT", "sl-head-ylsuo", "江", "所长", "sl-fanfz",
                            "greening"},
                    new String[] {"sl-lyz", "松林林业站", "DEPARTMENT", "sl-head-lyz", "崔", "站长", "sl-jiangzz", "forestry"},
                    new String[] {"sl-jsb", "松林镇规划建设办", "DEPARTMENT", "sl-head-jsb", "程", "主任", "sl-fanfz",
                            "construction"},
                    new String[] {"sl-slz", "松林水利站", "DEPARTMENT", "sl-head-slz", "谭", "站长", "sl-fanfz", "water"},
                    new String[] {"sl-xcb", "松林镇宣传办", "DEPARTMENT", "sl-head-xcb", "薛", "主任", "sl-jiangzz", "publicity"},
                    new String[] {"sl-czs", "松林镇财政所", "DEPARTMENT", "sl-head-czs", "雷", "所长", "sl-jiangzz", "finance"},
                    new String[] {"sl-zx", "松林镇中心小学", "SCHOOL", "sl-head-zx", "龙", "校长", "sl-jiangzz", "school"},
                    new String[] {"sl-yq", "松林工业园区管委会", "DEPARTMENT", "sl-head-yq", "段", "主任", "sl-fanfz",
                            "industrial-park"},
                    new String[] {"sl-qsc", "青松村", "VILLAGE", "sl-head-qsc", "韦", "书记", "sl-fanfz", ""},
                    new String[] {"sl-lhsq", "林海社区", "COMMUNITY", "sl-head-lhsq", "孔", "书记", "sl-jiangzz", ""}));

    static final List<Town> TOWNS = List.of(CIVILIZED_CITY, FOREST_CITY);

    /** Every login these towns create. */
    static List<String> logins() {
        List<String> ids = new ArrayList<>();
        for (Town t : TOWNS) {
            t.people().forEach(p -> ids.add(p[0]));
            t.units().forEach(u -> ids.add(u[3]));
        }
        return ids;
    }

    private final IdentityService identity;
    private final CampaignSetupService setup;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final boolean enabled;

    DemoKinds(IdentityService identity, CampaignSetupService setup, CampaignRepository campaigns, DueDates dueDates,
              DemoSettings settings) {
        this.identity = identity;
        this.setup = setup;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.enabled = settings.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            TOWNS.forEach(this::load);
        }
    }

    /** Loads the town once: its logins, then its campaign; returns the campaign's id, or null when it was there. */
    Long load(Town town) {
        town.people().forEach(p -> user(p[0], p[1], p[2], town.mailDomain()));
        town.units().forEach(u -> user(u[3], u[4], u[5], town.mailDomain()));
        if (campaigns.townHasCampaign(town.name())) {
            return null;
        }
        List<UnitRequest> units = town.units().stream().map(u -> new UnitRequest(u[0], u[1], u[2], u[3], u[6],
                u[7].isEmpty() ? List.of() : List.of(u[7].split(",")))).toList();
        CampaignRequest request = new CampaignRequest(town.campaign(), town.name(), null, null, town.template(), null,
                dueDates.calendar().addWorkingDays(dueDates.today(), -2), null,
                new LeadingGroup(town.leader(), town.deputies(), town.members()),
                town.office(), town.supervisors(), units, List.of(), false);
        long id = setup.create(request, town.office().get(0));
        LOG.info("Demo campaign {} started: {} (log in as {}, password '{}')", id, town.campaign(), town.office().get(0),
                DemoData.PASSWORD);
        return id;
    }

    private void user(String id, String family, String given, String mailDomain) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User u = identity.newUser(id);
        u.setFirstName(family + given); // the whole Chinese name first, as DemoData's
        u.setLastName("");
        u.setEmail(id + "@" + mailDomain);
        u.setPassword(DemoData.PASSWORD);
        identity.saveUser(u);
    }
}
