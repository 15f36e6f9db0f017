package cn.chuangwei.demo;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.patrol.CaseService;
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
 * Demo data for the embedded default (chuangwei.demo.enabled): the town 青山镇 with a five-person leading group, two
 * office staff, two supervisors, twelve responsible units with their heads, and a provincial sanitary-town campaign
 * started from the template two working days ago (its deadlines, like every template's, fall on working days). Every
 * demo login has the password {@value #PASSWORD}. Loaded once.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    public static final String TOWN = "青山镇";
    public static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** user id, family name, given name, e-mail local part. */
    static final List<String[]> PEOPLE = List.of(
            new String[] {"zhangsj", "张", "书记"}, new String[] {"lizz", "李", "镇长"},
            new String[] {"wangfz", "王", "副镇长"}, new String[] {"zhaowy", "赵", "委员"},
            new String[] {"chenwy", "陈", "委员"}, new String[] {"liuzr", "刘", "主任"},
            new String[] {"sunky", "孙", "科员"}, new String[] {"zhoudc", "周", "督查"},
            new String[] {"wudc", "吴", "督查"});

    /** unit code, name, type, head id, head family name, head given name, deputy in charge, template roles. */
    static final List<String[]> UNITS = List.of(
            new String[] {"qs-dzb", "青山镇党政办", "DEPARTMENT", "head-dzb", "钱", "主任", "lizz", "office,publicity"},
            new String[] {"qs-cgzx", "青山镇城管环卫中心", "DEPARTMENT", "head-cgzx", "冯", "主任", "wangfz", "sanitation"},
            new String[] {"qs-wsy", "青山镇卫生院", "HEALTH_CENTER", "head-wsy", "蒋", "院长", "lizz", "health-center"},
            new String[] {"qs-scjg", "青山市场监管所", "DEPARTMENT", "head-scjg", "韩", "所长", "wangfz", "market-supervision"},
            new String[] {"qs-zx", "青山镇中心小学", "SCHOOL", "head-zx", "杨", "校长", "lizz", "school"},
            new String[] {"qs-nmsc", "青山农贸市场", "MARKET", "head-nmsc", "朱", "经理", "wangfz", "market"},
            new String[] {"qs-jsb", "青山镇规划建设办", "DEPARTMENT", "head-jsb", "秦", "主任", "wangfz", "construction"},
            new String[] {"qs-sthb", "青山镇生态环境办", "DEPARTMENT", "head-sthb", "尤", "主任", "wangfz", "environment"},
            new String[] {"qs-nyb", "青山镇农业农村办", "DEPARTMENT", "head-nyb", "许", "主任", "lizz", "agriculture"},
            new String[] {"qs-pcs", "青山派出所", "DEPARTMENT", "head-pcs", "何", "所长", "lizz", "police"},
            new String[] {"qs-dfc", "东风村", "VILLAGE", "head-dfc", "吕", "书记", "wangfz", ""},
            new String[] {"qs-xhsq", "新华社区", "COMMUNITY", "head-xhsq", "施", "书记", "lizz", ""});

    /** Every login the demo creates. */
    public static List<String> logins() {
        List<String> ids = new java.util.ArrayList<>();
        PEOPLE.forEach(p -> ids.add(p[0]));
        UNITS.forEach(u -> ids.add(u[3]));
        ids.add("rexian");
        ids.add("wanggy");
        return ids;
    }

    private final IdentityService identity;
    private final CampaignSetupService setup;
    private final CampaignRepository campaigns;
    private final CaseService cases;
    private final DueDates dueDates;
    private final boolean enabled;

    DemoData(IdentityService identity, CampaignSetupService setup, CampaignRepository campaigns, CaseService cases,
             DueDates dueDates, DemoSettings settings) {
        this.identity = identity;
        this.setup = setup;
        this.campaigns = campaigns;
        this.cases = cases;
        this.dueDates = dueDates;
        this.enabled = settings.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            load();
        }
    }

    /** Loads the demo town once; returns the id of its campaign, or null when it was there already. */
    public Long load() {
        for (String[] p : PEOPLE) {
            user(p[0], p[1], p[2]);
        }
        for (String[] u : UNITS) {
            user(u[3], u[4], u[5]);
        }
        user("rexian", "郑", "受理员");
        if (identity.createUserQuery().userId("rexian").memberOfGroup("hotline").count() == 0) {
            identity.createMembership("rexian", "hotline");
        }
        // a grid inspector (网格员), who patrols the 青山街 grid and reports what they find
        user("wanggy", "王", "网格员");
        if (identity.createUserQuery().userId("wanggy").memberOfGroup(Groups.GRID_INSPECTORS).count() == 0) {
            identity.createMembership("wanggy", Groups.GRID_INSPECTORS);
        }
        if (campaigns.townHasCampaign(TOWN)) {
            return null;
        }
        List<UnitRequest> units = UNITS.stream().map(u -> new UnitRequest(u[0], u[1], u[2], u[3], u[6],
                u[7].isEmpty() ? List.of() : List.of(u[7].split(",")))).toList();
        CampaignRequest request = new CampaignRequest("青山镇创建省级卫生乡镇", TOWN, null, null, "sanitary-town-provincial",
                null, dueDates.calendar().addWorkingDays(dueDates.today(), -2), null,
                new LeadingGroup("zhangsj", List.of("lizz", "wangfz"), List.of("zhaowy", "chenwy")),
                List.of("liuzr", "sunky"), List.of("zhoudc", "wudc"), units, List.of(), false);
        long id = setup.create(request, "liuzr");
        cases.defineGrids(id, List.of(new CaseService.Grid("G1", "东风村网格", "zhoudc"),
                new CaseService.Grid("G2", "新华社区网格", "wudc"), new CaseService.Grid("G3", "青山街网格", "wanggy")));
        LOG.info("Demo campaign {} started for {}: log in to /camunda/app/tasklist/ as liuzr, zhangsj or head-wsy "
                + "(password '{}')", id, TOWN, PASSWORD);
        return id;
    }

    private void user(String id, String family, String given) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User u = identity.newUser(id);
        // Tasklist shows "first last": the whole Chinese name goes first, as people read it (蒋院长).
        u.setFirstName(family + given);
        u.setLastName("");
        u.setEmail(id + "@qingshan.example");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
    }
}
