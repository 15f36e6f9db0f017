package cn.chuangwei.org;

import static cn.chuangwei.org.AuthorizationMatrixTest.Role.ANONYMOUS;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.COUNTY;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.DEPUTY;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.HOTLINE;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.INSPECTOR;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.LEADER;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.MEMBER;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.OFFICE;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.OTHER_COUNTY;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.OUTSIDER;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.SUPERVISOR;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.UNIT_HEAD;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.T2_INSPECTOR;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.T2_LEADER;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.T2_OFFICE;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.T2_SUPERVISOR;
import static cn.chuangwei.org.AuthorizationMatrixTest.Role.T2_UNIT_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.patrol.CaseService;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.OutboxRows;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the REST API and of the command board's pages × every role: allowed, or refused (401 without a
 * login on the API, the login page without one on the pages, 403 for a signed-in user who may not). The endpoints come
 * from Spring MVC's own mapping, so a new endpoint without a row here fails the test. A sample of the engine's REST
 * API ({@code /engine-rest}) runs through the same roles. Besides: a unit head's answers never name another unit's work,
 * and a complainant's name, phone and e-mail reach the office and the hotline only.
 *
 * <p>The roles come in the town's own (its leading group, office, supervisors, a unit head, an inspector, the county's
 * hotline), another town's of the same county, the county's office above the town and another county's office: nobody
 * outside the town reads or changes its work, and no answer to them names it; the county reads what the leading group
 * reads and changes nothing.
 *
 * <p>The matrix (endpoint × role → status) is printed and written to {@code target/authorization-matrix.md}.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Role {
        LEADER("leader", "组长 (leading group)"),
        DEPUTY("deputy", "副组长 (leading group, in charge of some units)"),
        MEMBER("member", "领导小组成员 (leading group)"),
        OFFICE("office", "创卫办 (campaign-office)"),
        SUPERVISOR("supervisor", "督查组 (supervisors)"),
        UNIT_HEAD("unit head", "单位负责人 of one unit (unit-<code>)"),
        INSPECTOR("inspector", "网格员 (grid-inspectors), patrols grid G1"),
        HOTLINE("hotline", "热线受理员 (hotline, for every town of the county)"),
        T2_LEADER("town 2 leader", "another town's 组长, the same county"),
        T2_OFFICE("town 2 office", "another town's 创卫办"),
        T2_SUPERVISOR("town 2 supervisor", "another town's 督查组"),
        T2_UNIT_HEAD("town 2 unit head", "a unit head of another town"),
        T2_INSPECTOR("town 2 inspector", "another town's 网格员"),
        COUNTY("county", "县爱卫办 of the county above the town (county-office): reads, completes nothing"),
        OTHER_COUNTY("other county", "爱卫办 of another county"),
        OUTSIDER("outsider", "signed in, in no campaign and no group"),
        ANONYMOUS("anonymous", "no credentials");

        final String column;
        final String description;

        Role(String column, String description) {
            this.column = column;
            this.description = description;
        }
    }

    /** Whoever sees every unit's work of the town: {@link Visibility#seesAllUnits(String)}. */
    static final Role[] SEES_ALL = {LEADER, DEPUTY, MEMBER, OFFICE, SUPERVISOR};
    /** Each role of the town and the same role in another town of the county. */
    static final Map<Role, Role> OTHER_TOWN = Map.of(LEADER, T2_LEADER, OFFICE, T2_OFFICE, SUPERVISOR, T2_SUPERVISOR,
            UNIT_HEAD, T2_UNIT_HEAD, INSPECTOR, T2_INSPECTOR);
    /** The roles from outside the town: another town's people and another county's office. */
    static final Set<Role> OUTSIDE_THE_TOWN = Set.of(T2_LEADER, T2_OFFICE, T2_SUPERVISOR, T2_UNIT_HEAD, T2_INSPECTOR,
            OTHER_COUNTY);
    /** The roles whose expectation a row derives from the town's own (unless it names them). */
    static final Set<Role> DERIVED = Set.of(T2_LEADER, T2_OFFICE, T2_SUPERVISOR, T2_UNIT_HEAD, T2_INSPECTOR, OTHER_COUNTY,
            COUNTY);
    static final Set<Role> SEE_CALLERS = Set.of(OFFICE, HOTLINE);
    static final String MONTH = "2027-03";
    static final String OWN = "own unit's";
    static final String OTHER = "another unit's";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestClock clock;
    @Autowired
    Regions regions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    Fixture f;
    final Map<Role, String> users = new EnumMap<>(Role.class);
    final Map<Role, Api> apis = new EnumMap<>(Role.class);
    final Map<Role, WebSession> sessions = new EnumMap<>(Role.class);

    long campaignId;
    String phasePi;
    Map<String, Object> phaseVariables;
    String ownTitle;
    String otherTitle;
    long ownRow;
    long otherRow;
    String ownTask;
    String otherTask;
    long ownEvidence;
    long otherEvidence;
    String otherEvidenceName;
    long ownCase;
    long otherCase;
    long complaint;
    String otherCasePi;
    long ownCasePhoto;
    long otherCasePhoto;
    String complaintPi;
    String complaintHandleTask;
    String checkTask;
    long circular;
    long county;
    long town;
    long countyCircular;
    long robot;
    String indicator;
    String mailKey;
    String mailLocale;
    long message;
    String messageSubject;
    String ownCaseText;
    String otherCaseText;
    List<String> callerData;
    /** What only the town's own work shows: another town's people and another county must never read it. */
    Set<String> townMarks;

    // ------------------------------------------------------------------------------------------------ the town

    @BeforeAll
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        String inspector = user(f.p + "-inspector", "网格员", CaseService.GRID_INSPECTORS);
        String hotline = user(f.p + "-hotline", "热线受理员", CaseService.HOTLINE);

        // the town and another town of its county, each set up with its office; the county's and another county's office
        Region countyRegion = regions.ensure("矩阵县" + f.p, Region.Level.COUNTY, null);
        county = countyRegion.id();
        Region townRegion = regions.ensure(f.town, Region.Level.TOWN, county);
        town = townRegion.id();
        regions.addMember(townRegion, f.office);
        Fixture t2 = new Fixture(identity);
        regions.addMember(regions.ensure(t2.town, Region.Level.TOWN, county), t2.office);
        long campaign2 = ApiCampaign.start(port, management, t2, t2.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "二镇动员·" + t2.p, null, t2.unit("dzb"), null, "2027-03-04", false, null)),
                false)).id();
        String inspector2 = user(t2.p + "-inspector", "网格员", CaseService.GRID_INSPECTORS);
        ok(new Api(port, t2.office, Fixture.PASSWORD).put("/api/campaigns/" + campaign2 + "/grids",
                List.of(Map.of("code", "G1", "name", "二镇网格", "inspector", inspector2))));
        String countyOffice = user(f.p + "-county", "县爱卫办", null);
        regions.addOverseer(countyRegion, countyOffice);
        String otherCounty = user(f.p + "-county2", "邻县爱卫办", null);
        regions.addOverseer(regions.ensure("邻县" + f.p, Region.Level.COUNTY, null), otherCounty);
        users.put(T2_LEADER, t2.leader);
        users.put(T2_OFFICE, t2.office);
        users.put(T2_SUPERVISOR, t2.supervisors.get(0));
        users.put(T2_UNIT_HEAD, t2.head("dzb"));
        users.put(T2_INSPECTOR, inspector2);
        users.put(COUNTY, countyOffice);
        users.put(OTHER_COUNTY, otherCounty);
        users.put(LEADER, f.leader);
        users.put(DEPUTY, f.deputies.get(0));
        users.put(MEMBER, f.members.get(0));
        users.put(OFFICE, f.office);
        users.put(SUPERVISOR, f.supervisors.get(0));
        users.put(UNIT_HEAD, f.head("dzb"));
        users.put(INSPECTOR, inspector);
        users.put(HOTLINE, hotline);
        users.put(OUTSIDER, f.outsider);
        for (Role r : Role.values()) {
            apis.put(r, new Api(port, users.get(r), users.get(r) == null ? null : Fixture.PASSWORD));
        }

        String overseer = countyOffice;

        ownTitle = "召开动员大会·" + f.p;
        otherTitle = "清理主要街道·" + f.p;
        ApiCampaign c = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", ownTitle, null, f.unit("dzb"), null, "2027-03-04", true, null),
                new TaskRequest("MOBILIZATION", otherTitle, null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false));
        campaignId = c.id();
        phasePi = runtime.createProcessInstanceQuery().superProcessInstanceId(c.processInstanceId()).singleResult().getId();
        Api office = apis.get(OFFICE);
        ok(office.put("/api/campaigns/" + campaignId + "/grids",
                List.of(Map.of("code", "G1", "name", "第一网格", "inspector", inspector))));

        // a week later both tasks are overdue; the ladder has named both units
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));
        for (Job j : management.createJobQuery().processInstanceId(phasePi).activityId("UnitDeadline").list()) {
            management.executeJob(j.getId());
        }
        for (JsonNode row : ok(office.get("/api/campaigns/" + campaignId + "/tasks")).json()) {
            if (row.get("unitCode").asText().equals(f.unit("dzb"))) {
                ownRow = row.get("id").asLong();
            } else {
                otherRow = row.get("id").asLong();
            }
        }
        ownTask = unitTask("dzb");
        otherTask = unitTask("cgzx");
        ownEvidence = evidence("dzb", ownTask, "动员大会签到表.png");
        otherEvidenceName = "街道清理现场·" + f.p + ".png";
        otherEvidence = evidence("cgzx", otherTask, otherEvidenceName);

        // patrol cases: one handled and fed back by the unit and waiting for the inspector's check, one at another unit
        ownCaseText = "东村路口垃圾桶满溢·" + f.p;
        otherCaseText = "西街占道经营·" + f.p;
        ownCase = reportCase(INSPECTOR, "/api/cases", ownCaseText, Map.of());
        dispatch(ownCase, "dzb");
        String handle = tasks.createTaskQuery().processInstanceId(caseProcess(ownCase)).singleResult().getId();
        ok(apis.get(UNIT_HEAD).post("/api/tasks/" + handle + "/complete",
                Map.of("handleOutcome", "HANDLED", "handleResult", "已清运")));
        // 处理反馈: the unit's after-photo, then what was done
        ok(apis.get(UNIT_HEAD).upload("/api/cases/" + ownCase + "/photos", "处置后.png", "image/png", PNG));
        String feedback = tasks.createTaskQuery().processInstanceId(caseProcess(ownCase)).singleResult().getId();
        ok(apis.get(UNIT_HEAD).post("/api/tasks/" + feedback + "/complete", Map.of("feedbackResult", "已清运")));
        checkTask = tasks.createTaskQuery().processInstanceId(caseProcess(ownCase)).taskAssignee(inspector).singleResult()
                .getId();
        otherCase = reportCase(INSPECTOR, "/api/cases", otherCaseText, Map.of());
        dispatch(otherCase, "cgzx");
        otherCasePi = caseProcess(otherCase);
        ownCasePhoto = ok(apis.get(INSPECTOR).upload("/api/cases/" + ownCase + "/photos", "现场.png", "image/png", PNG))
                .json().get("photoId").asLong();
        otherCasePhoto = ok(apis.get(INSPECTOR).upload("/api/cases/" + otherCase + "/photos", "现场.png", "image/png", PNG))
                .json().get("photoId").asLong();

        // a citizen's complaint, dispatched to the unit head's own unit
        callerData = List.of("来电人" + f.p, "139" + String.format("%08d", Math.abs(f.p.hashCode()) % 100_000_000),
                f.p + "@caller.example");
        complaint = reportCase(HOTLINE, "/api/cases/complaints", "夜间施工噪声扰民·" + f.p, Map.of(
                "callerName", callerData.get(0), "callerPhone", callerData.get(1), "callerEmail", callerData.get(2)));
        dispatch(complaint, "dzb");
        complaintPi = caseProcess(complaint);
        complaintHandleTask = tasks.createTaskQuery().processInstanceId(complaintPi).singleResult().getId();

        circular = ok(apis.get(SUPERVISOR).post("/api/supervision/circulars",
                Map.of("campaignId", campaignId, "from", "2027-03-01", "to", "2027-03-31"))).json().get("id").asLong();
        countyCircular = ok(new Api(port, overseer, Fixture.PASSWORD).post("/api/regions/" + county + "/circulars",
                Map.of("from", "2027-03-01", "to", "2027-03-31"))).json().get("id").asLong();
        indicator = ok(office.get("/api/campaigns/" + campaignId + "/thresholds")).json().get(0).get("code").asText();
        JsonNode template = ok(office.get("/api/mail-templates")).json().get(0);
        mailKey = template.get("key").asText();
        mailLocale = template.get("locale").asText();
        robot = ok(office.post("/api/campaigns/" + campaignId + "/robots", Map.of("channel", "WECOM_ROBOT",
                "webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix-" + f.p))).json().get("id").asLong();

        // a message of the town's outbox (issue 17, delivery status), sent: resending it is refused and changes nothing
        messageSubject = "短信·" + f.p;
        message = new OutboxRows(jdbc).of(townRegion.tenantId(), campaignId).to(f.head("dzb"), "SMS", "13800000000")
                .sent(LocalDateTime.of(2027, 3, 8, 9, 0)).write(messageSubject);

        phaseVariables = new HashMap<>(runtime.getVariables(phasePi));
        townMarks = new LinkedHashSet<>(List.of(ownTitle, otherTitle, ownCaseText, otherCaseText, otherEvidenceName,
                f.unit("dzb"), f.unit("cgzx"), phasePi, otherCasePi, messageSubject));
        for (Role r : Role.values()) {
            WebSession s = new WebSession(port);
            if (r != ANONYMOUS) {
                WebSession.Page login = s.login(users.get(r), Fixture.PASSWORD);
                assertThat(login.status()).isEqualTo(302);
                assertThat(login.location()).as(r.column).doesNotContain("error");
            }
            sessions.put(r, s);
        }
    }

    @AfterAll
    void tearDown() {
        OutboxRows.removeAll(jdbc);
        clock.reset();
    }

    private String user(String id, String name, String group) {
        User u = identity.newUser(id);
        u.setFirstName(name);
        u.setLastName("");
        u.setEmail(id + "@test.example");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        if (group != null) {
            identity.createMembership(id, group);
        }
        return id;
    }

    private static Reply ok(Reply r) {
        assertThat(r.status()).as(r.raw()).isBetween(200, 299);
        return r;
    }

    private String unitTask(String unit) {
        return ok(new Api(port, f.head(unit), Fixture.PASSWORD)
                .get("/api/tasks?campaignId=" + campaignId + "&taskDefinitionKey=unitTask")).json().get(0).get("id").asText();
    }

    private long evidence(String unit, String task, String fileName) {
        return ok(new Api(port, f.head(unit), Fixture.PASSWORD).upload("/api/tasks/" + task + "/evidence", fileName,
                "image/png", PNG, "type", "PHOTO", "area", "ORG_MANAGEMENT")).json().get("id").asLong();
    }

    private long reportCase(Role by, String path, String description, Map<String, String> caller) {
        Map<String, Object> report = new HashMap<>(Map.of("campaignId", campaignId, "gridCode", "G1",
                "category", "GARBAGE", "description", description, "address", "东村路口·" + f.p));
        report.putAll(caller);
        return ok(apis.get(by).post(path, report)).json().get("id").asLong();
    }

    private String caseProcess(long caseId) {
        return ok(apis.get(OFFICE).get("/api/cases/" + caseId)).json().get("processInstanceId").asText();
    }

    /** The office registers the case and sends it to the unit. */
    private void dispatch(long caseId, String unit) {
        String pi = caseProcess(caseId);
        ok(apis.get(OFFICE).post("/api/tasks/" + tasks.createTaskQuery().processInstanceId(pi).singleResult().getId()
                + "/complete", Map.of("registerDecision", "REGISTER")));
        ok(apis.get(OFFICE).post("/api/tasks/" + tasks.createTaskQuery().processInstanceId(pi).singleResult().getId()
                + "/complete", Map.of("unitCode", f.unit(unit))));
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    enum Surface { API, PAGE, ENGINE }

    /** What a role is to get: allowed with one of these statuses, or refused (401, 403, login). */
    record Expect(String kind, Set<Integer> statuses) {
        static Expect allowed(Integer... statuses) {
            return new Expect("allowed", Set.of(statuses));
        }

        static final Expect FORBIDDEN = new Expect("403", Set.of(403));
        static final Expect UNAUTHENTICATED = new Expect("401", Set.of(401));
        static final Expect LOGIN = new Expect("login", Set.of(302));

        boolean metBy(Observed o) {
            return statuses.contains(o.status()) && "login".equals(kind) == o.toLogin();
        }

        @Override
        public String toString() {
            return "allowed".equals(kind) ? "allowed " + new TreeSet<>(statuses) : kind;
        }
    }

    record Observed(int status, String location, String body) {
        boolean toLogin() {
            return status == 302 && location != null && location.endsWith("/login");
        }

        String cell() {
            return toLogin() ? "login" : String.valueOf(status);
        }
    }

    record Upload(String name, String contentType, byte[] content, String[] fields) {
    }

    record Row(Surface surface, String method, String pattern, String variant, String path, Object body,
               Upload upload, String formPage, Map<String, String> form, Map<Role, Expect> expected) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    final class RowBuilder {
        private final List<Row> rows;
        private final Surface surface;
        private final String method;
        private final String pattern;
        private String variant = "";
        private String path;
        private Object body;
        private Upload upload;
        private String formPage;
        private Map<String, String> form = Map.of();
        private boolean global;
        private final Map<Role, Expect> expected = new EnumMap<>(Role.class);

        RowBuilder(List<Row> rows, Surface surface, String method, String pattern) {
            this.rows = rows;
            this.surface = surface;
            this.method = method;
            this.pattern = pattern;
            this.path = pattern;
        }

        /**
         * The endpoint names no town's work (templates, the calendar, a request refused for its body before any town is
         * named): each role of another town is answered as the same role of this town, the counties as an outsider.
         */
        RowBuilder global() {
            global = true;
            return this;
        }

        RowBuilder variant(String v) {
            variant = v;
            return this;
        }

        RowBuilder at(String p) {
            path = p;
            return this;
        }

        RowBuilder body(Object b) {
            body = b;
            return this;
        }

        RowBuilder file(String name, String contentType, byte[] content, String... fields) {
            upload = new Upload(name, contentType, content, fields);
            return this;
        }

        RowBuilder form(String page, Map<String, String> fields) {
            formPage = page;
            form = fields;
            return this;
        }

        RowBuilder allow(int status, Role... roles) {
            for (Role r : roles) {
                expected.put(r, Expect.allowed(status));
            }
            return this;
        }

        /** Every signed-in role is allowed. */
        void allowAll(Integer... statuses) {
            for (Role r : Role.values()) {
                if (r != ANONYMOUS && !DERIVED.contains(r)) {
                    expected.putIfAbsent(r, Expect.allowed(statuses));
                }
            }
            add();
        }

        /** A campaign's cases and grids: whoever is in the campaign, patrols or answers the hotline; not an outsider. */
        void inCampaign(Integer... statuses) {
            expected.put(OUTSIDER, Expect.FORBIDDEN);
            allowAll(statuses);
        }

        /** Every signed-in role not named is refused with 403. */
        void forbiddenToOthers() {
            rest(Expect.FORBIDDEN);
        }

        private void rest(Expect e) {
            for (Role r : Role.values()) {
                if (r != ANONYMOUS && !DERIVED.contains(r)) {
                    expected.putIfAbsent(r, e);
                }
            }
            add();
        }

        private void add() {
            expected.putIfAbsent(ANONYMOUS, surface == Surface.PAGE ? Expect.LOGIN : Expect.UNAUTHENTICATED);
            // the town dimension: nobody outside the town gets past the check on the town's work, except where everybody
            // does (a list, which then must not show the town's work); the county above reads what the leading group
            // reads and changes nothing
            Expect outsider = expected.get(OUTSIDER);
            boolean everybody = !outsider.kind().equals("403");
            OTHER_TOWN.forEach((own, other) -> expected.putIfAbsent(other,
                    global ? expected.get(own) : everybody ? outsider : Expect.FORBIDDEN));
            expected.putIfAbsent(OTHER_COUNTY, global || everybody ? outsider : Expect.FORBIDDEN);
            boolean read = "GET".equals(method);
            expected.putIfAbsent(COUNTY, global ? outsider
                    : read && !expected.get(LEADER).kind().equals("403") ? expected.get(LEADER)
                    : everybody ? outsider : Expect.FORBIDDEN);
            rows.add(new Row(surface, method, pattern, variant, path, body, upload, formPage, form,
                    new EnumMap<>(expected)));
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String c = "/api/campaigns/" + campaignId;
        String b = "/board/" + campaignId;
        String q = "?campaignId=" + campaignId;
        Map<String, Object> none = Map.of();
        byte[] text = "x".getBytes(StandardCharsets.UTF_8);

        // campaigns and templates
        api(rows, "POST", "/api/campaigns").global().body(none).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{id}/start").at(c + "/start").body(none).allow(409, OFFICE).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns").allowAll(200);
        api(rows, "GET", "/api/campaigns/{id}").at(c).allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/templates").allowAll(200);
        api(rows, "GET", "/api/templates/{id}").at("/api/templates/sanitary-town-provincial").allowAll(200);
        api(rows, "GET", "/api/mail-templates").global().allow(200, OFFICE).forbiddenToOthers();
        api(rows, "PUT", "/api/mail-templates/{key}/{locale}").global().at("/api/mail-templates/" + mailKey + "/" + mailLocale)
                .body(none).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "GET", "/api/calendar/{year}").at("/api/calendar/2027").allowAll(200);
        api(rows, "PUT", "/api/calendar/{year}").global().at("/api/calendar/2027").body(List.of(Map.of("name", "")))
                .allow(400, OFFICE).forbiddenToOthers();

        // the task decomposition table, tasks and evidence
        api(rows, "GET", "/api/campaigns/{campaignId}/tasks").at(c + "/tasks").allowAll(200);
        api(rows, "GET", "/api/campaigns/{campaignId}/tasks/{rowId}/events").variant(OWN)
                .at(c + "/tasks/" + ownRow + "/events").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/tasks/{rowId}/events").variant(OTHER)
                .at(c + "/tasks/" + otherRow + "/events").allow(200, SEES_ALL).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{campaignId}/tasks/{rowId}/deadline").at(c + "/tasks/" + ownRow + "/deadline")
                .body(none).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{campaignId}/phases/{phase}/tasks").at(c + "/phases/MOBILIZATION/tasks")
                .body(none).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{campaignId}/tasks/import").at(c + "/tasks/import")
                .file("tasks.csv", "text/csv", text).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "GET", "/api/tasks").allowAll(200);
        api(rows, "GET", "/api/tasks/{taskId}").variant(OWN).at("/api/tasks/" + ownTask).allow(200, UNIT_HEAD)
                .forbiddenToOthers();
        api(rows, "GET", "/api/tasks/{taskId}").variant(OTHER).at("/api/tasks/" + otherTask).forbiddenToOthers();
        api(rows, "POST", "/api/tasks/{taskId}/complete").variant(OWN).at("/api/tasks/" + ownTask + "/complete")
                .body(none).allow(400, UNIT_HEAD).forbiddenToOthers();
        api(rows, "POST", "/api/tasks/{taskId}/complete").variant(OTHER).at("/api/tasks/" + otherTask + "/complete")
                .body(none).forbiddenToOthers();
        api(rows, "POST", "/api/tasks/{taskId}/evidence").variant(OWN).at("/api/tasks/" + ownTask + "/evidence")
                .file("a.txt", "text/plain", text, "type", "NO-SUCH-TYPE").allow(400, UNIT_HEAD).forbiddenToOthers();
        api(rows, "POST", "/api/tasks/{taskId}/evidence").variant(OTHER).at("/api/tasks/" + otherTask + "/evidence")
                .file("a.txt", "text/plain", text, "type", "NO-SUCH-TYPE").forbiddenToOthers();
        api(rows, "GET", "/api/task-rows/{rowId}/evidence").variant(OWN).at("/api/task-rows/" + ownRow + "/evidence")
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/task-rows/{rowId}/evidence").variant(OTHER).at("/api/task-rows/" + otherRow + "/evidence")
                .allow(200, SEES_ALL).forbiddenToOthers();
        api(rows, "GET", "/api/evidence/{id}/content").variant(OWN).at("/api/evidence/" + ownEvidence + "/content")
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/evidence/{id}/content").variant(OTHER).at("/api/evidence/" + otherEvidence + "/content")
                .allow(200, SEES_ALL).forbiddenToOthers();

        // standards, thresholds, self-inspection, dossier
        api(rows, "GET", "/api/standards").allowAll(200);
        api(rows, "GET", "/api/standards/{code}").at("/api/standards/provincial-jiangsu").allowAll(200);
        api(rows, "POST", "/api/standards").global().file("standard.yaml", "application/yaml", "code: [".getBytes(StandardCharsets.UTF_8))
                .allow(400, OFFICE).forbiddenToOthers();
        // a standard as a workbook and its versions (issue 16, item 2): everyone reads, the office loads
        api(rows, "GET", "/api/standards/template.xlsx").allowAll(200);
        api(rows, "GET", "/api/standards/{code}/workbook.xlsx").at("/api/standards/provincial-jiangsu/workbook.xlsx")
                .allowAll(200);
        api(rows, "GET", "/api/standards/{family}/versions").at("/api/standards/provincial-jiangsu/versions").allowAll(200);
        api(rows, "POST", "/api/standards/workbook").global().file("standard.xlsx", "application/octet-stream",
                "not a workbook".getBytes(StandardCharsets.UTF_8)).allow(400, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/standards").global().allow(200, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/standards/template.xlsx").global().allow(200, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/standards/{code}/workbook.xlsx").at("/board/standards/provincial-jiangsu/workbook.xlsx")
                .global().allow(200, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/standards").form("/board/standards", Map.of()).global().allow(400, OFFICE)
                .forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/thresholds").at(c + "/thresholds").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "PUT", "/api/campaigns/{campaignId}/thresholds/{indicator}").at(c + "/thresholds/" + indicator)
                .body(none).allow(400, OFFICE).forbiddenToOthers();
        // the thresholds in the browser (issue 16, item 1): whoever sees the campaign reads, its office sets
        page(rows, "GET", "/board/{campaignId}/thresholds").at(b + "/thresholds").allow(200, SEES_ALL).allow(200, UNIT_HEAD)
                .forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/thresholds/{indicator}").at(b + "/thresholds/" + indicator)
                .form(b + "/thresholds", Map.of()).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/inspections").at(c + "/inspections").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/dossier").at(c + "/dossier").allow(200, SEES_ALL).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/dossier/gaps").at(c + "/dossier/gaps").allow(200, SEES_ALL)
                .forbiddenToOthers();

        // supervision and the monthly assessment
        api(rows, "GET", "/api/supervision/tasks").at("/api/supervision/tasks" + q).allowAll(200);
        api(rows, "GET", "/api/supervision/overdue").at("/api/supervision/overdue" + q).allowAll(200);
        api(rows, "GET", "/api/supervision/overdue/xlsx").at("/api/supervision/overdue/xlsx" + q).allowAll(200);
        api(rows, "GET", "/api/supervision/escalations").at("/api/supervision/escalations" + q).allow(200, SEES_ALL)
                .forbiddenToOthers();
        api(rows, "POST", "/api/supervision/circulars").global().body(none).allow(400, OFFICE, SUPERVISOR).forbiddenToOthers();
        api(rows, "GET", "/api/supervision/circulars").at("/api/supervision/circulars" + q).allow(200, SEES_ALL)
                .forbiddenToOthers();
        // a circular is read by those who read every unit and by the units it names (the unit head's unit is overdue
        // in March, so named); CircularPagesTest refuses a unit it does not name
        api(rows, "GET", "/api/supervision/circulars/{id}/{format}").at("/api/supervision/circulars/" + circular + "/pdf")
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/assessment/{month}").at(c + "/assessment/" + MONTH).allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/assessment/{month}/xlsx").at(c + "/assessment/" + MONTH + "/xlsx")
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{campaignId}/assessment/{month}/close").at(c + "/assessment/" + MONTH + "/close")
                .body(none).allow(400, OFFICE).forbiddenToOthers();
        api(rows, "GET", "/api/dashboard/{campaignId}").at("/api/dashboard/" + campaignId).allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD).forbiddenToOthers();

        // the county's board across towns (issue 14): the county's office only, none of the town's people nor another
        // county's; a county circular's part of their own town for those who read every unit of the town
        String rc = "/api/regions/" + county;
        String rt = "/api/regions/" + town;
        String cc = "/circulars/" + countyCircular + "/pdf";
        api(rows, "GET", "/api/regions/{regionId}/board").at(rc + "/board").allow(200, COUNTY).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{regionId}/board").variant("own town").at(rt + "/board").allow(200, COUNTY).forbiddenToOthers();
        api(rows, "POST", "/api/regions/{regionId}/circulars").at(rc + "/circulars")
                .body(Map.of("from", "2027-03-31", "to", "2027-03-01")).allow(400, COUNTY).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{regionId}/circulars").at(rc + "/circulars").allow(200, COUNTY).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{regionId}/circulars").variant("own town").at(rt + "/circulars")
                .allow(200, SEES_ALL).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{regionId}/circulars/{id}/pdf").at(rc + cc).allow(200, COUNTY).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{regionId}/circulars/{id}/pdf").variant("own town").at(rt + cc)
                .allow(200, SEES_ALL).forbiddenToOthers();
        page(rows, "GET", "/board/county/{regionId}").at("/board/county/" + county).allow(200, COUNTY).forbiddenToOthers();
        page(rows, "GET", "/board/county/{regionId}/xlsx").at("/board/county/" + county + "/xlsx").allow(200, COUNTY)
                .forbiddenToOthers();
        page(rows, "GET", "/board/county/{regionId}/circulars/{id}/pdf").at("/board/county/" + county + cc)
                .allow(200, COUNTY).forbiddenToOthers();
        page(rows, "GET", "/board/county/{regionId}/circulars/{id}/pdf").variant("own town")
                .at("/board/county/" + town + cc).allow(200, SEES_ALL).forbiddenToOthers();

        // patrol and complaint cases
        api(rows, "POST", "/api/cases").body(Map.of("campaignId", campaignId)).allow(400, OFFICE, SUPERVISOR, INSPECTOR)
                .forbiddenToOthers();
        api(rows, "POST", "/api/cases/complaints").body(Map.of("campaignId", campaignId)).allow(400, OFFICE, HOTLINE)
                .forbiddenToOthers();
        api(rows, "GET", "/api/cases").at("/api/cases" + q).allowAll(200);
        api(rows, "GET", "/api/cases/stats").at("/api/cases/stats" + q + "&month=" + MONTH).inCampaign(200);
        api(rows, "GET", "/api/cases/stats/xlsx").at("/api/cases/stats/xlsx" + q + "&month=" + MONTH).inCampaign(200);
        for (String endpoint : List.of("/api/cases/{id}", "/api/cases/{id}/events")) {
            String tail = endpoint.substring("/api/cases/{id}".length());
            api(rows, "GET", endpoint).variant(OWN).at("/api/cases/" + ownCase + tail).allow(200, SEES_ALL)
                    .allow(200, UNIT_HEAD, INSPECTOR, HOTLINE).forbiddenToOthers();
            api(rows, "GET", endpoint).variant(OTHER).at("/api/cases/" + otherCase + tail).allow(200, SEES_ALL)
                    .allow(200, INSPECTOR, HOTLINE).forbiddenToOthers();
            api(rows, "GET", endpoint).variant("complaint").at("/api/cases/" + complaint + tail).allow(200, SEES_ALL)
                    .allow(200, UNIT_HEAD, INSPECTOR, HOTLINE).forbiddenToOthers();
        }
        api(rows, "POST", "/api/cases/{id}/photos").variant(OWN).at("/api/cases/" + ownCase + "/photos")
                .file("photo.png", "image/png", PNG).allow(201, OFFICE, UNIT_HEAD, INSPECTOR).forbiddenToOthers();
        api(rows, "POST", "/api/cases/{id}/photos").variant(OTHER).at("/api/cases/" + otherCase + "/photos")
                .file("photo.png", "image/png", PNG).allow(201, OFFICE, INSPECTOR).forbiddenToOthers();
        api(rows, "POST", "/api/cases/{id}/feedback").at("/api/cases/" + complaint + "/feedback").body(none)
                .allow(400, OFFICE, HOTLINE).forbiddenToOthers();
        api(rows, "GET", "/api/campaigns/{campaignId}/grids").at(c + "/grids").inCampaign(200);
        api(rows, "PUT", "/api/campaigns/{campaignId}/grids").at(c + "/grids").body(List.of()).allow(400, OFFICE)
                .forbiddenToOthers();

        // regions and a town's people (issue 14): the county's office above sets up the town and its people, the town's
        // office its own town's people; another town's and another county's office nothing here
        String people = "/api/regions/" + town + "/people";
        String region = "/board/regions/" + town;
        api(rows, "GET", "/api/regions").allowAll(200);
        api(rows, "POST", "/api/regions").body(Map.of("name", "新镇·" + f.p, "level", "TOWN", "parentId", town))
                .allow(400, COUNTY).forbiddenToOthers();
        api(rows, "GET", "/api/regions/{id}/people").at(people).allow(200, OFFICE, COUNTY).forbiddenToOthers();
        api(rows, "POST", "/api/regions/{id}/people").at(people).body(none).allow(400, OFFICE, COUNTY).forbiddenToOthers();
        // the leader holds no role recorded in the town (the campaign named them): nothing to take away
        api(rows, "DELETE", "/api/regions/{id}/people/{userId}/{role}").at(people + "/" + f.leader + "/LEADING_GROUP")
                .allow(404, OFFICE, COUNTY).forbiddenToOthers();
        // the regions in one's charge: every office (its own), the county's too
        page(rows, "GET", "/board/regions").global().allow(200, OFFICE).allow(200, COUNTY, OTHER_COUNTY).forbiddenToOthers();
        // (the forms' CSRF token from the region's page: a role refused it is refused the form all the same)
        page(rows, "POST", "/board/regions").form("/board/regions", Map.of("name", "新镇·" + f.p, "level", "TOWN",
                "parentId", String.valueOf(town))).allow(400, COUNTY).forbiddenToOthers();
        page(rows, "GET", "/board/regions/{id}").at(region).allow(200, OFFICE, COUNTY).forbiddenToOthers();
        page(rows, "POST", "/board/regions/{id}/people").at(region + "/people").form(region, Map.of())
                .allow(400, OFFICE, COUNTY).forbiddenToOthers();
        page(rows, "POST", "/board/regions/{id}/people/{userId}/{role}/remove")
                .at(region + "/people/" + f.leader + "/LEADING_GROUP/remove").form(region, Map.of())
                .allow(404, OFFICE, COUNTY).forbiddenToOthers();

        // who gets what, where (issue 17): a person's channels and choices by the office of their town (and the county's
        // office above, as it sets up the town's people); everyone their own choices; a campaign's group robots by its office
        String reach = "/api/people/" + f.head("dzb") + "/reach";
        String reachPage = region + "/people/" + f.head("dzb") + "/reach";
        Map<String, Object> badTime = Map.of("quietStart", "25:00", "quietEnd", "07:00");
        api(rows, "GET", "/api/people/{userId}/reach").at(reach).allow(200, OFFICE, COUNTY).forbiddenToOthers();
        api(rows, "PUT", "/api/people/{userId}/reach").at(reach).body(badTime).allow(400, OFFICE, COUNTY)
                .forbiddenToOthers();
        api(rows, "GET", "/api/me/reach").allowAll(200);
        api(rows, "PUT", "/api/me/reach").body(badTime).allowAll(400);
        page(rows, "GET", "/board/regions/{regionId}/people/{userId}/reach").at(reachPage).allow(200, OFFICE, COUNTY)
                .forbiddenToOthers();
        page(rows, "POST", "/board/regions/{regionId}/people/{userId}/reach").at(reachPage)
                .form(reachPage, Map.of("quietStart", "25:00")).allow(400, OFFICE, COUNTY).forbiddenToOthers();
        page(rows, "GET", "/work/reach").allowAll(200);
        page(rows, "POST", "/work/reach").form("/work/reach", Map.of("quietStart", "25:00")).allowAll(400);
        api(rows, "GET", "/api/campaigns/{campaignId}/robots").at(c + "/robots").allow(200, OFFICE).forbiddenToOthers();
        api(rows, "POST", "/api/campaigns/{campaignId}/robots").at(c + "/robots").body(none).allow(400, OFFICE)
                .forbiddenToOthers();
        api(rows, "PUT", "/api/campaigns/{campaignId}/robots/{robotId}").at(c + "/robots/" + robot)
                .body(Map.of("webhook", "http://qyapi.weixin.qq.com/")).allow(400, OFFICE).forbiddenToOthers();
        // (no such robot: the office is told so, everyone else refused before)
        api(rows, "DELETE", "/api/campaigns/{campaignId}/robots/{robotId}").at(c + "/robots/999999999")
                .allow(404, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/robots").at(b + "/robots").allow(200, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/robots").at(b + "/robots").form(b + "/robots", Map.of())
                .allow(400, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/robots/{robotId}").at(b + "/robots/" + robot)
                .form(b + "/robots", Map.of("webhook", "http://qyapi.weixin.qq.com/")).allow(400, OFFICE)
                .forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/robots/{robotId}/delete").at(b + "/robots/999999999/delete")
                .form(b + "/robots", Map.of()).allow(404, OFFICE).forbiddenToOthers();
        // delivery status (issue 17): a town's office reads its town's messages (another town's office its own: none of
        // these) and resends a parked one (this one is sent: 409); another town's office is told it does not exist (404)
        String msg = "/messages/" + message + "/resend";
        api(rows, "GET", "/api/messages").global().allow(200, OFFICE).forbiddenToOthers();
        api(rows, "POST", "/api/messages/{id}/resend").at("/api" + msg).body(none).allow(409, OFFICE).allow(404, T2_OFFICE)
                .forbiddenToOthers();
        page(rows, "GET", "/board/messages").global().allow(200, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/messages/{id}/resend").at("/board" + msg).form("/board/messages", Map.of())
                .allow(409, OFFICE).allow(404, T2_OFFICE).forbiddenToOthers();

        // the office sets up in the browser (issue 15, item 4): a town's first campaign (its own town's office only), the
        // decomposition import, a row's edit (the town's office), the calendar (everyone reads, an office changes a day)
        page(rows, "GET", "/board/campaigns/new").global().allow(200, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/campaigns/new").form("/board/campaigns/new", Map.of("town", String.valueOf(town)))
                .allow(400, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/import").at(b + "/import").allow(200, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/import/template.xlsx").at(b + "/import/template.xlsx").allow(200, OFFICE)
                .forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/import").at(b + "/import").form(b + "/import", Map.of())
                .allow(400, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/import/commit").at(b + "/import/commit").form(b + "/import", Map.of())
                .allow(400, OFFICE).forbiddenToOthers();
        String rowEdit = b + "/tasks/" + ownRow + "/edit";
        page(rows, "GET", "/board/{campaignId}/tasks/{rowId}/edit").at(rowEdit).allow(200, OFFICE).forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/tasks/{rowId}/edit").at(rowEdit).form(rowEdit, Map.of())
                .allow(400, OFFICE).forbiddenToOthers();
        page(rows, "GET", "/board/calendar/{year}").at("/board/calendar/2027").allowAll(200);
        page(rows, "POST", "/board/calendar/{year}").global().at("/board/calendar/2027").form("/board/calendar/2027", Map.of())
                .allow(400, OFFICE).forbiddenToOthers();

        // the command board's pages
        page(rows, "GET", "/").allowAll(200, 302);
        page(rows, "GET", "/login").allow(200, ANONYMOUS).allowAll(200);
        page(rows, "GET", "/board/{campaignId}").at(b).allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/tasks").at(b + "/tasks").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/tasks/{rowId}/tasklist").variant(OWN).at(b + "/tasks/" + ownRow + "/tasklist")
                .allow(302, SEES_ALL).allow(302, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/tasks/{rowId}/tasklist").variant(OTHER)
                .at(b + "/tasks/" + otherRow + "/tasklist").allow(302, SEES_ALL).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/overdue").at(b + "/overdue").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/overdue/xlsx").at(b + "/overdue/xlsx").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/acceptance").at(b + "/acceptance").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/ranking").at(b + "/ranking").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/ranking/xlsx").at(b + "/ranking/xlsx").allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases").at(b + "/cases").inCampaign(200);
        // a case's page and its photos (issue 15 item 6): whoever may read the case through the API
        page(rows, "GET", "/board/{campaignId}/cases/{caseId}").variant(OWN).at(b + "/cases/" + ownCase)
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD, INSPECTOR, HOTLINE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases/{caseId}").variant(OTHER).at(b + "/cases/" + otherCase)
                .allow(200, SEES_ALL).allow(200, INSPECTOR, HOTLINE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases/{caseId}").variant("complaint").at(b + "/cases/" + complaint)
                .allow(200, SEES_ALL).allow(200, UNIT_HEAD, INSPECTOR, HOTLINE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases/{caseId}/photos/{photoId}").variant(OWN)
                .at(b + "/cases/" + ownCase + "/photos/" + ownCasePhoto).allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD, INSPECTOR, HOTLINE).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases/{caseId}/photos/{photoId}").variant(OTHER)
                .at(b + "/cases/" + otherCase + "/photos/" + otherCasePhoto).allow(200, SEES_ALL)
                .allow(200, INSPECTOR, HOTLINE).forbiddenToOthers();
        // a case's photo from its panel on a task page (the page's session and CSRF token): as POST /api/cases/{id}/photos
        page(rows, "POST", "/board/{campaignId}/cases/{caseId}/photos").variant(OWN).at(b + "/cases/" + ownCase + "/photos")
                .form("/work", Map.of()).file("photo.png", "image/png", PNG).allow(201, OFFICE, UNIT_HEAD, INSPECTOR)
                .forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/cases/{caseId}/photos").variant(OTHER).at(b + "/cases/" + otherCase + "/photos")
                .form("/work", Map.of()).file("photo.png", "image/png", PNG).allow(201, OFFICE, INSPECTOR).forbiddenToOthers();
        // a circular's print view: whoever may download its PDF
        page(rows, "GET", "/board/circulars/{id}/print").at("/board/circulars/" + circular + "/print").allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD).forbiddenToOthers();
        // circulars on the board (issue 15, item 5): the list for whoever reads them; a preview of picked overdue tasks
        // and issuing for the town's supervisors and office (nothing picked: refused on the page, 400)
        page(rows, "GET", "/board/{campaignId}/circulars").at(b + "/circulars").allow(200, SEES_ALL).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/circulars/preview").at(b + "/circulars/preview?task=" + ownRow)
                .allow(200, OFFICE, SUPERVISOR).forbiddenToOthers();
        page(rows, "POST", "/board/{campaignId}/circulars").at(b + "/circulars").form(b + "/overdue", Map.of())
                .allow(400, OFFICE, SUPERVISOR).forbiddenToOthers();
        page(rows, "GET", "/board/circulars/{id}/pdf").at("/board/circulars/" + circular + "/pdf").allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/circulars/{id}/docx").at("/board/circulars/" + circular + "/docx").allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/board/{campaignId}/cases/xlsx").at(b + "/cases/xlsx?month=" + MONTH).inCampaign(200);
        page(rows, "GET", "/m/report").allowAll(200);
        // a valid grid, no category: reporters get past the check of who may report and are refused for the category
        page(rows, "POST", "/m/report").form("/m/report", Map.of("grid", campaignId + ":G1"))
                .allow(400, OFFICE, SUPERVISOR, INSPECTOR).forbiddenToOthers();
        // the hotline's complaint page: a valid grid, no caller: the hotline and the office are refused for the caller
        page(rows, "GET", "/m/complaint").allowAll(200);
        page(rows, "POST", "/m/complaint").form("/m/complaint", Map.of("grid", campaignId + ":G1"))
                .allow(400, OFFICE, HOTLINE).forbiddenToOthers();
        page(rows, "GET", "/m/cases").allowAll(200);
        page(rows, "POST", "/m/cases/{taskId}/check").at("/m/cases/" + checkTask + "/check").form("/m/cases", Map.of())
                .allow(400, INSPECTOR).forbiddenToOthers();

        // the workbench (issue 15): 我的待办 for everyone signed in; a task's page, completion and evidence for whoever works
        // on the task (the unit head, the unit's task); its files for whoever reads the unit's work; the form preview for
        // the office. (JSON and uploads with the CSRF token of 我的待办, as the task page's script sends them.)
        String w = "/work/tasks/";
        page(rows, "GET", "/work").allowAll(200);
        page(rows, "GET", "/work/tasks/{taskId}").variant(OWN).at(w + ownTask).allow(200, UNIT_HEAD).forbiddenToOthers();
        page(rows, "GET", "/work/tasks/{taskId}").variant(OTHER).at(w + otherTask).forbiddenToOthers();
        page(rows, "POST", "/work/tasks/{taskId}/complete").variant(OWN).at(w + ownTask + "/complete").form("/work", Map.of())
                .body(none).allow(400, UNIT_HEAD).forbiddenToOthers();
        page(rows, "POST", "/work/tasks/{taskId}/complete").variant(OTHER).at(w + otherTask + "/complete")
                .form("/work", Map.of()).body(none).forbiddenToOthers();
        page(rows, "POST", "/work/tasks/{taskId}/evidence").variant(OWN).at(w + ownTask + "/evidence").form("/work", Map.of())
                .file("a.txt", "text/plain", text).allow(400, UNIT_HEAD).forbiddenToOthers();
        page(rows, "POST", "/work/tasks/{taskId}/evidence").variant(OTHER).at(w + otherTask + "/evidence")
                .form("/work", Map.of()).file("a.txt", "text/plain", text).forbiddenToOthers();
        // (removing one's own unit's file is allowed once; WorkApiTest removes one)
        page(rows, "POST", "/work/evidence/{id}/remove").variant(OTHER).at("/work/evidence/" + otherEvidence + "/remove")
                .form("/work", Map.of()).body(none).forbiddenToOthers();
        for (String tail : List.of("", "/thumb")) {
            page(rows, "GET", "/work/evidence/{id}" + tail).variant(OWN).at("/work/evidence/" + ownEvidence + tail)
                    .allow(200, SEES_ALL).allow(200, UNIT_HEAD).forbiddenToOthers();
            page(rows, "GET", "/work/evidence/{id}" + tail).variant(OTHER).at("/work/evidence/" + otherEvidence + tail)
                    .allow(200, SEES_ALL).forbiddenToOthers();
        }
        page(rows, "GET", "/work/forms/{formId}").global().at("/work/forms/unit-task").allow(200, OFFICE).forbiddenToOthers();

        // a sample of the engine's REST API (Tasklist, Cockpit): the engine's authorizations for the signed-in user
        engine(rows, "GET", "/engine-rest/task").allowAll(200);
        // a task the caller may not see: 403 on every task endpoint, as on the API (web/EngineTaskRefusals)
        engine(rows, "GET", "/engine-rest/task/{id}").variant(OWN).at("/engine-rest/task/" + ownTask).allow(200, SEES_ALL)
                .allow(200, UNIT_HEAD).forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/task/{id}").variant(OTHER).at("/engine-rest/task/" + otherTask)
                .allow(200, SEES_ALL).forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/comment/create").variant(OTHER)
                .at("/engine-rest/task/" + otherTask + "/comment/create").body(none).allow(400, SEES_ALL)
                // (the engine refuses an empty comment before it asks who writes it)
                .allow(400, COUNTY).forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/task/{id}/variables").variant(OTHER).at("/engine-rest/task/" + otherTask + "/variables")
                .allow(200, SEES_ALL).forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/complete").variant(OTHER).at("/engine-rest/task/" + otherTask + "/complete")
                .body(Map.of("variables", none)).forbiddenToOthers();
        // writes through a task reach the process every unit shares: only the form's answers, by completing it
        engine(rows, "PUT", "/engine-rest/task/{id}/variables/{varName}").variant(OWN)
                .at("/engine-rest/task/" + ownTask + "/variables/phaseName").body(Map.of("value", "改过的阶段", "type", "String"))
                .forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/variables").variant(OWN).at("/engine-rest/task/" + ownTask + "/variables")
                .body(Map.of("modifications", Map.of("campaignId", Map.of("value", 1, "type", "Long")))).forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/complete").variant(OWN + ", with a variable not on its form")
                .at("/engine-rest/task/" + ownTask + "/complete").body(Map.of("variables", Map.of(
                        "resultSummary", Map.of("value", "已完成"),
                        "workDeadline", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date"))))
                .allow(400, UNIT_HEAD).forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/submit-form").variant(OWN + ", with a variable not on its form")
                .at("/engine-rest/task/" + ownTask + "/submit-form").body(Map.of("variables", Map.of(
                        "resultSummary", Map.of("value", "已完成"), "unitCode", Map.of("value", f.unit("cgzx")))))
                .allow(400, UNIT_HEAD).forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/task/{id}/form-variables").variant(OWN)
                .at("/engine-rest/task/" + ownTask + "/form-variables").allow(200, SEES_ALL).allow(200, UNIT_HEAD)
                .forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/task/{id}/identity-links").variant(OWN)
                .at("/engine-rest/task/" + ownTask + "/identity-links").allow(200, SEES_ALL).allow(200, UNIT_HEAD)
                .forbiddenToOthers();
        // people work tasks, they do not hand them round: candidates and claims of another's task are the office's, in the app
        engine(rows, "POST", "/engine-rest/task/{id}/identity-links").variant(OWN)
                .at("/engine-rest/task/" + ownTask + "/identity-links")
                .body(Map.of("userId", users.get(T2_UNIT_HEAD), "type", "candidate")).forbiddenToOthers();
        engine(rows, "POST", "/engine-rest/task/{id}/claim").variant(OTHER).at("/engine-rest/task/" + otherTask + "/claim")
                .body(Map.of("userId", users.get(OUTSIDER))).forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/process-instance").allowAll(200);
        engine(rows, "GET", "/engine-rest/process-instance/{id}/variables").variant("phase")
                .at("/engine-rest/process-instance/" + phasePi + "/variables").allow(200, SEES_ALL).forbiddenToOthers();
        engine(rows, "GET", "/engine-rest/history/task").at("/engine-rest/history/task?processInstanceId=" + phasePi)
                .allowAll(200);
        engine(rows, "GET", "/engine-rest/history/variable-instance")
                .at("/engine-rest/history/variable-instance?processInstanceId=" + complaintPi).allowAll(200);
        return rows;
    }

    private RowBuilder api(List<Row> rows, String method, String pattern) {
        return new RowBuilder(rows, Surface.API, method, pattern);
    }

    private RowBuilder page(List<Row> rows, String method, String pattern) {
        return new RowBuilder(rows, Surface.PAGE, method, pattern);
    }

    private RowBuilder engine(List<Row> rows, String method, String pattern) {
        return new RowBuilder(rows, Surface.ENGINE, method, pattern);
    }

    Observed call(Row row, Role role) {
        if (row.surface() == Surface.PAGE) {
            WebSession s = sessions.get(role);
            String tokenPage = role == ANONYMOUS ? "/login" : row.formPage();
            WebSession.Page p = "GET".equals(row.method()) ? s.get(row.path())
                    : row.upload() != null ? s.upload(tokenPage, row.path(), row.upload().name(),
                            row.upload().contentType(), row.upload().content(), row.upload().fields())
                    : row.body() != null ? s.postJson(tokenPage, row.path(), json(row.body()))
                    // without a session the only CSRF token to be had is the login page's
                    : s.post(role == ANONYMOUS ? "/login" : row.formPage(), row.path(), row.form());
            return new Observed(p.status(), p.location(), p.body());
        }
        Api api = apis.get(role);
        Reply r = switch (row.method()) {
            case "GET" -> api.get(row.path());
            case "PUT" -> api.put(row.path(), row.body());
            case "DELETE" -> api.delete(row.path());
            case "POST" -> row.upload() != null ? api.upload(row.path(), row.upload().name(), row.upload().contentType(),
                    row.upload().content(), row.upload().fields()) : api.post(row.path(), row.body());
            default -> throw new IllegalArgumentException(row.method());
        };
        return new Observed(r.status(), null, r.raw());
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our endpoints as Spring MVC maps them: "GET /api/campaigns/{id}". */
    Set<String> mappedEndpoints() {
        Set<String> out = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String mapped : info.getPatternValues()) {
                String pattern = mapped.replaceAll("\\{(\\w+):[^}]*}", "{$1}"); // "{campaignId:\\d+}" is "{campaignId}"
                if (pattern.equals("/") || pattern.equals("/login") || pattern.startsWith("/api/")
                        || pattern.startsWith("/board/") || pattern.startsWith("/m/") || pattern.startsWith("/work")) {
                    if (methods.isEmpty()) {
                        out.add("ANY " + pattern);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        });
        return out;
    }

    @Test
    void everyEndpointForEveryRole() throws IOException {
        List<Row> rows = rows();
        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).as("the handler mapping lists our endpoints").hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        Set<String> covered = rows.stream().filter(r -> r.surface() != Surface.ENGINE).map(Row::endpoint)
                .collect(Collectors.toCollection(TreeSet::new));
        mapped.stream().filter(e -> !covered.contains(e)).forEach(e -> problems.add("endpoint " + e + " has no row in the matrix"));
        covered.stream().filter(e -> !mapped.contains(e)).forEach(e -> problems.add("row " + e + " names no endpoint of the application"));

        Map<Row, Map<Role, Observed>> seen = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<Role, Observed> cells = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                Observed o = call(row, role);
                cells.put(role, o);
                Expect e = row.expected().get(role);
                if (!e.metBy(o)) {
                    problems.add(row.endpoint() + (row.variant().isEmpty() ? "" : " [" + row.variant() + "]") + " as "
                            + role.column + ": expected " + e + ", got " + o.cell() + " " + abbreviate(o.body()));
                }
                if (OUTSIDE_THE_TOWN.contains(role) && o.body() != null) {
                    townMarks.stream().filter(o.body()::contains).forEach(m -> problems.add(row.endpoint()
                            + (row.variant().isEmpty() ? "" : " [" + row.variant() + "]") + " shows " + role.column
                            + " the town's " + m));
                }
                if (!SEE_CALLERS.contains(role) && o.body() != null) {
                    callerData.stream().filter(o.body()::contains).forEach(d -> problems.add(row.endpoint() + " as "
                            + role.column + " shows the complainant's " + d));
                }
            }
            seen.put(row, cells);
        }

        // nothing the matrix sent changed the work: the unit's task is open, the shared phase process as it was
        if (tasks.createTaskQuery().taskId(ownTask).count() != 1 || tasks.createTaskQuery().taskId(otherTask).count() != 1) {
            problems.add("a unit task was completed by the matrix");
        }
        phaseVariables.forEach((name, value) -> {
            if (!Objects.equals(runtime.getVariable(phasePi, name), value)) {
                problems.add("the phase process's " + name + " changed to " + runtime.getVariable(phasePi, name));
            }
        });

        String report = markdown(rows, seen, mapped.size(), problems);
        Path file = Path.of("target", "authorization-matrix.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(problems).as("authorization matrix (see " + file.toAbsolutePath() + ")").isEmpty();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String b = body.replaceAll("\\s+", " ");
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }

    private String markdown(List<Row> rows, Map<Row, Map<Role, Observed>> seen, int endpoints, List<String> problems) {
        StringBuilder md = new StringBuilder("# Authorization matrix\n\n");
        long calls = seen.values().stream().mapToLong(Map::size).sum();
        md.append(endpoints).append(" endpoints of the API and the board's pages (all of them, from Spring MVC's mapping), ")
                .append(rows.stream().filter(r -> r.surface() == Surface.ENGINE).map(Row::endpoint).distinct().count())
                .append(" endpoints of the engine's REST API (a sample), ").append(rows.size()).append(" rows, ")
                .append(calls).append(" calls. Each cell is the status the role got: `401`, `403` and `login` (sent to "
                        + "the login page) are refusals (on `/engine-rest` too: a task the caller may not see is `403`); "
                        + "anything else got past the authorization check (a mutating call is sent with a body its "
                        + "validation refuses, so allowed often reads `400`). A cell marked ✗ differs from what the test "
                        + "expects.\n\n");
        md.append("The roles: the town's own; another town's of the same county (`town 2 …`); the county's office above the "
                + "town; another county's office. Outside the town nobody gets past the check on the town's work (a list "
                + "answers them, without the town's work: every answer to them is searched for the town's task titles, "
                + "case texts, unit codes and process ids); the county reads what the leading group reads and changes "
                + "nothing.\n\n");
        md.append("Roles: ");
        md.append(Arrays.stream(Role.values()).map(r -> "**" + r.column + "** " + r.description)
                .collect(Collectors.joining("; "))).append(".\n\n");
        md.append("| Endpoint | Case |");
        for (Role r : Role.values()) {
            md.append(' ').append(r.column).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (Row row : rows) {
            md.append("| `").append(row.endpoint()).append("` | ").append(row.variant()).append(" |");
            for (Role role : Role.values()) {
                Observed o = seen.get(row).get(role);
                Expect e = row.expected().get(role);
                md.append(' ').append(o.cell());
                if (!e.metBy(o)) {
                    md.append(" ✗ (").append(e).append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(problems.isEmpty() ? "All cells as expected.\n"
                : problems.size() + " problems:\n\n" + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
                + "\n");
        return md.toString();
    }

    // ------------------------------------------------------------------------------------------------ leaks

    /** A request to read, what the reader's own work in it looks like, and a control that shows another unit's. */
    record Probe(String path, String own, Role controlRole, String controlPath, String foreign) {
    }

    @Test
    void aUnitHeadsAnswersNameNoOtherUnitsWork() {
        Set<String> foreign = new LinkedHashSet<>(List.of(otherTitle, otherCaseText, otherEvidenceName, otherCasePi));
        f.units.stream().map(u -> u.code()).filter(code -> !code.equals(f.unit("dzb"))).forEach(foreign::add);
        String c = "/api/campaigns/" + campaignId;
        String b = "/board/" + campaignId;
        String q = "?campaignId=" + campaignId;
        List<Probe> probes = List.of(
                new Probe(c + "/tasks", ownTitle, OFFICE, null, otherTitle),
                new Probe("/api/tasks", ownTitle, null, null, null),
                new Probe("/api/tasks" + q, ownTitle, null, null, null),
                new Probe("/api/supervision/tasks" + q, ownTitle, OFFICE, null, otherTitle),
                new Probe("/api/supervision/tasks", ownTitle, null, null, null),
                new Probe("/api/supervision/overdue" + q, ownTitle, OFFICE, null, otherTitle),
                new Probe("/api/supervision/overdue", ownTitle, null, null, null),
                new Probe("/api/dashboard/" + campaignId, f.unit("dzb"), OFFICE, null, f.unit("cgzx")),
                new Probe("/api/cases" + q, ownCaseText, OFFICE, null, otherCaseText),
                new Probe("/api/cases", ownCaseText, null, null, null),
                new Probe("/api/cases/" + ownCase, ownCaseText, null, null, null),
                new Probe("/api/task-rows/" + ownRow + "/evidence", "动员大会签到表.png", OFFICE,
                        "/api/task-rows/" + otherRow + "/evidence", otherEvidenceName),
                new Probe("/api/evidence/" + ownEvidence + "/content", "PNG", null, null, null),
                new Probe("/engine-rest/task", ownTitle, OFFICE, "/engine-rest/task?processInstanceId=" + phasePi, otherTitle),
                new Probe("/engine-rest/process-instance", null, OFFICE,
                        "/engine-rest/process-instance?processInstanceIds=" + otherCasePi, otherCasePi),
                new Probe("/engine-rest/history/task", null, OFFICE,
                        "/engine-rest/history/task?processInstanceId=" + phasePi, otherTitle));
        List<String> problems = new ArrayList<>();
        for (Probe p : probes) {
            check(problems, p, "API", p.path(), apis.get(UNIT_HEAD).get(p.path()).status(),
                    withoutRanking(apis.get(UNIT_HEAD).get(p.path())), foreign);
            if (p.controlRole() != null) {
                String path = p.controlPath() == null ? p.path() : p.controlPath();
                Reply control = apis.get(p.controlRole()).get(path);
                if (!withoutRanking(control).contains(p.foreign())) {
                    problems.add("control: " + p.controlRole().column + "'s " + path + " does not show " + p.foreign()
                            + ", so the unit head's answer proves nothing");
                }
            }
        }
        for (Probe p : List.of(new Probe(b + "/tasks", ownTitle, OFFICE, null, otherTitle),
                new Probe(b + "/overdue", ownTitle, OFFICE, null, otherTitle),
                new Probe(b + "/cases", ownCaseText, OFFICE, null, otherCaseText),
                new Probe(b + "/cases/" + ownCase, ownCaseText, OFFICE, b + "/cases/" + otherCase, otherCaseText))) {
            WebSession.Page page = sessions.get(UNIT_HEAD).get(p.path());
            check(problems, p, "page", p.path(), page.status(), page.body(), foreign);
            if (!sessions.get(p.controlRole()).get(p.controlPath() == null ? p.path() : p.controlPath()).body().contains(p.foreign())) {
                problems.add("control: " + p.controlRole().column + "'s page " + p.path() + " does not show " + p.foreign());
            }
        }
        // asked for the other unit's things by name, the unit head is refused and told nothing about them
        for (String path : List.of("/api/cases/" + otherCase, "/api/cases/" + otherCase + "/events", "/api/tasks/" + otherTask,
                c + "/tasks/" + otherRow + "/events", "/api/task-rows/" + otherRow + "/evidence",
                "/api/evidence/" + otherEvidence + "/content", "/engine-rest/task/" + otherTask,
                "/engine-rest/task/" + otherTask + "/variables", "/engine-rest/process-instance/" + otherCasePi + "/variables")) {
            Reply r = apis.get(UNIT_HEAD).get(path);
            if (r.status() != 403 && r.status() != 404) {
                problems.add(path + " answered the unit head " + r.status());
            }
            // (a refusal may repeat the id asked for)
            foreign.stream().filter(x -> !path.contains(x)).filter(r.raw()::contains)
                    .forEach(x -> problems.add(path + " tells the unit head " + x));
        }
        for (String path : List.of(b + "/tasks?unit=" + f.unit("cgzx"), b + "/tasks/" + otherRow + "/tasklist",
                b + "/cases/" + otherCase, b + "/cases/" + otherCase + "/photos/" + otherCasePhoto)) {
            WebSession.Page page = sessions.get(UNIT_HEAD).get(path);
            if (page.status() != 403) {
                problems.add("page " + path + " answered the unit head " + page.status());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, Probe p, String kind, String path, int status, String body,
                              Set<String> foreign) {
        if (status != 200) {
            problems.add(kind + " " + path + " answered the unit head " + status);
            return;
        }
        if (p.own() != null && !body.contains(p.own())) {
            problems.add(kind + " " + path + " does not show the unit head's own " + p.own());
        }
        foreign.stream().filter(body::contains).forEach(x -> problems.add(kind + " " + path + " shows the unit head " + x));
    }

    /**
     * The monthly ranking names every unit with its score: it is published to all (the ranking page, the assessment, the
     * circulars), so the dashboard's copy of it is not another unit's work; everything else on the dashboard is.
     */
    private static String withoutRanking(Reply r) {
        if (r.json() instanceof ObjectNode o && o.has("ranking") && o.has("heatMap")) {
            ObjectNode copy = o.deepCopy();
            copy.remove("ranking");
            return copy.toString();
        }
        return r.raw();
    }

    @Test
    void aComplainantsContactReachesTheOfficeAndTheHotlineOnly() {
        for (Role r : SEE_CALLERS) {
            assertThat(ok(apis.get(r).get("/api/cases/" + complaint)).raw()).as(r.column).contains(callerData);
            assertThat(ok(apis.get(r).get("/api/cases?campaignId=" + campaignId)).raw()).as(r.column).contains(callerData);
        }
        List<String> api = List.of("/api/cases/" + complaint, "/api/cases/" + complaint + "/events",
                "/api/cases?campaignId=" + campaignId, "/api/cases", "/api/tasks", "/api/tasks/" + complaintHandleTask,
                "/api/dashboard/" + campaignId, "/api/supervision/tasks?campaignId=" + campaignId,
                "/engine-rest/task", "/engine-rest/task/" + complaintHandleTask,
                "/engine-rest/task/" + complaintHandleTask + "/variables",
                "/engine-rest/task/" + complaintHandleTask + "/form-variables",
                "/engine-rest/task/" + complaintHandleTask + "/comment",
                "/engine-rest/process-instance/" + complaintPi + "/variables",
                "/engine-rest/variable-instance?processInstanceIdIn=" + complaintPi,
                "/engine-rest/history/variable-instance?processInstanceId=" + complaintPi,
                "/engine-rest/history/detail?processInstanceId=" + complaintPi,
                "/engine-rest/history/process-instance?processInstanceId=" + complaintPi,
                "/engine-rest/history/task?processInstanceId=" + complaintPi,
                "/engine-rest/history/activity-instance?processInstanceId=" + complaintPi);
        List<String> pages = List.of("/board/" + campaignId + "/cases", "/m/cases", "/m/report", "/",
                "/board/" + campaignId + "/cases/" + complaint);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> readable = new HashMap<>();
        for (Role r : Role.values()) {
            if (SEE_CALLERS.contains(r) || r == ANONYMOUS) {
                continue;
            }
            for (String path : api) {
                Reply reply = apis.get(r).get(path);
                if (reply.status() >= 500) {
                    problems.add(path + " answered " + r.column + " " + reply.status());
                }
                if (reply.status() == 200) {
                    readable.merge(path, 1, Integer::sum);
                }
                callerData.stream().filter(reply.raw()::contains).forEach(d -> problems.add(path + " shows " + r.column + " " + d));
            }
            for (String path : pages) {
                String body = sessions.get(r).get(path).body();
                callerData.stream().filter(body::contains).forEach(d -> problems.add(path + " shows " + r.column + " " + d));
            }
        }
        assertThat(problems).isEmpty();
        // the scans read real answers: the unit handling the complaint and the supervisors read its case and variables
        assertThat(ok(apis.get(UNIT_HEAD).get("/api/cases/" + complaint)).raw()).contains("夜间施工噪声扰民");
        assertThat(ok(apis.get(UNIT_HEAD).get("/engine-rest/task/" + complaintHandleTask + "/variables")).raw())
                .contains("caseTitle");
        assertThat(ok(apis.get(SUPERVISOR).get("/engine-rest/process-instance/" + complaintPi + "/variables")).raw())
                .contains("caseTitle");
        assertThat(ok(apis.get(SUPERVISOR).get("/engine-rest/history/variable-instance?processInstanceId=" + complaintPi))
                .raw()).contains("caseTitle");
        assertThat(readable).as("every request answered someone").hasSize(api.size());
    }
}
