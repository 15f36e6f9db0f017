package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case's page, its photos and the case lists over HTTP: every code in words (category, grid, unit, people), the same
 * scope as the lists (a unit head their unit's cases, nobody another town's), a complainant's phone masked for whoever
 * may not read it, photos served as the image they are to whoever may see the case only.
 */
@H2Test
class CasePagesTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TestClock clock;
    @Autowired
    CaseRepository repository;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    Fixture f;
    Fixture t2;
    long campaign;
    long campaign2;
    String inspector;
    /** Sent to 城管环卫中心, with a photo. */
    long clutter;
    long photo;
    /** Sent to 党政办. */
    long ads;
    /** A complaint sent to 党政办. */
    long complaint;
    /** Reported, not registered yet. */
    long fresh;
    long otherTown;
    String phone;
    String hotline;

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.login(user, Fixture.PASSWORD).location()).doesNotContain("error");
        return s;
    }

    String user(String id, String name, String group) {
        User u = identity.newUser(id);
        u.setFirstName(name);
        u.setLastName("");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, group);
        return id;
    }

    long report(String user, String path, long campaignId, String category, String description, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("campaignId", campaignId, "gridCode", "G1", "category", category,
                "description", description, "address", "青山路12号", "latitude", 31.23, "longitude", 120.61));
        body.putAll(more);
        Api.Reply r = as(user).post(path, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    String pi(long caseId) {
        return as(f.office).get("/api/cases/" + caseId).json().get("processInstanceId").asText();
    }

    void dispatch(long caseId, String unit) {
        for (Map<String, Object> answers : List.of(Map.<String, Object>of("registerDecision", "REGISTER"),
                Map.<String, Object>of("unitCode", f.unit(unit)))) {
            String task = tasks.createTaskQuery().processInstanceId(pi(caseId)).singleResult().getId();
            assertThat(as(f.office).post("/api/tasks/" + task + "/complete", answers).status()).isEqualTo(200);
        }
    }

    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 4, 6, 10, 0));
        f = new Fixture(identity);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 4, 1), List.of(), false)).id();
        inspector = user(f.p + "-wgy", "王网格员", CaseService.GRID_INSPECTORS);
        hotline = user(f.p + "-rx", "郑受理员", CaseService.HOTLINE);
        assertThat(as(f.office).put("/api/campaigns/" + campaign + "/grids",
                List.of(Map.of("code", "G1", "name", "青山街网格", "inspector", inspector))).status()).isEqualTo(200);
        clutter = report(inspector, "/api/cases", campaign, "CLUTTER", "人行道乱堆建筑垃圾·" + f.p, Map.of());
        photo = as(inspector).upload("/api/cases/" + clutter + "/photos", "现场.jpg", "image/jpeg", PNG).json()
                .get("photoId").asLong();
        dispatch(clutter, "cgzx");
        ads = report(inspector, "/api/cases", campaign, "ILLEGAL_ADS", "电线杆上小广告·" + f.p, Map.of());
        dispatch(ads, "dzb");
        phone = "139" + String.format("%08d", Math.abs(f.p.hashCode()) % 100_000_000);
        complaint = report(hotline, "/api/cases/complaints", campaign, "TOILET", "公厕无人打扫·" + f.p,
                Map.of("callerName", "来电人" + f.p, "callerPhone", phone));
        dispatch(complaint, "dzb");
        fresh = report(inspector, "/api/cases", campaign, "GARBAGE", "垃圾桶满溢·" + f.p, Map.of());

        t2 = new Fixture(identity);
        campaign2 = ApiCampaign.start(port, management, t2, t2.small(LocalDate.of(2027, 4, 1), List.of(), false)).id();
        assertThat(as(t2.office).put("/api/campaigns/" + campaign2 + "/grids",
                List.of(Map.of("code", "G1", "name", "二镇网格", "inspector", t2.supervisors.get(0)))).status()).isEqualTo(200);
        otherTown = report(t2.supervisors.get(0), "/api/cases", campaign2, "WATER", "河面漂浮物·" + t2.p, Map.of());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void theCaseListAndTheCasePageReadInWords() {
        WebSession office = signedIn(f.office);
        Page list = office.get("/board/" + campaign + "/cases");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("青山街网格").contains("乱堆乱放").contains("城管环卫中心")
                .doesNotContain(">G1<").doesNotContain("CLUTTER").doesNotContain(f.unit("cgzx") + "<")
                .contains("href=\"/board/" + campaign + "/cases/" + clutter + "\"");

        Page page = office.get("/board/" + campaign + "/cases/" + clutter);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("案件 #" + clutter + " · 乱堆乱放").contains("人行道乱堆建筑垃圾·" + f.p)
                .contains("青山街网格").contains("城管环卫中心").contains("王网格员").contains("已派遣")
                .contains("青山路12号").contains("纬度 31.23，经度 120.61").contains("geo:31.23,120.61")
                .contains("2027年4月6日 10:00").contains("巡查上报")
                .contains("/board/" + campaign + "/cases/" + clutter + "/photos/" + photo)
                .doesNotContain("CLUTTER").doesNotContain(">G1<").doesNotContain(f.unit("cgzx") + "<")
                .doesNotContain(inspector + "<").doesNotContain("PATROL");
        // the history in words, people by name
        assertThat(page.body()).contains("上报").contains("立案").contains("派遣").contains("创卫办");
        // nothing for the office to do on a dispatched case; the registration of a fresh one is theirs
        assertThat(page.body()).contains("您在这个案件上没有待办的任务");
        String register = tasks.createTaskQuery().processInstanceId(pi(fresh)).singleResult().getId();
        assertThat(office.get("/board/" + campaign + "/cases/" + fresh).body())
                .contains("href=\"/work/tasks/" + register + "\"").contains("去办理：立案：垃圾清运：青山路12号");
        // in English
        assertThat(office.get("/board/" + campaign + "/cases/" + clutter + "?lang=en").body())
                .contains("Case #" + clutter + " · Clutter and piles").contains("2027-04-06 10:00").contains("Dispatched");

        // the inspector's phone list names the grid and links every case to its page
        Page mine = signedIn(inspector).get("/m/cases");
        assertThat(mine.body()).contains("青山街网格").contains("href=\"/board/" + campaign + "/cases/" + clutter + "\"")
                .doesNotContain(">G1<");
    }

    /**
     * The after-photos from the case panel on the task page (issue 15): the unit head handling the case and then the
     * inspector checking it add a photo through the page's route with the session and CSRF token; another unit's head is
     * refused, a file that is not an image is refused in Chinese and English naming the field, and nothing is written.
     */
    /** Issue 16, item 6: 上级交办 and 视频 besides patrol and hotline, each with its reference; refusals name the field. */
    @Test
    void assignedAndVideoCasesCarryTheirReferenceAndBadInputIsRefusedByTheField() {
        long before = jdbc.sql("select count(*) from patrol_case").query(Long.class).single();
        Map<String, Object> body = new HashMap<>(Map.of("campaignId", campaign, "gridCode", "G1", "category",
                "MANHOLE_COVER", "description", "井盖缺失·" + f.p, "address", "青山路20号", "source", "ASSIGNED"));
        Api.Reply noRef = as(f.office).post("/api/cases", body);
        assertThat(noRef.status()).as(noRef.raw()).isEqualTo(400);
        assertThat(noRef.json().get("field").asText()).isEqualTo("sourceRef");
        body.put("sourceRef", "县爱卫办交办〔2027〕3号");
        assertThat(as(inspector).post("/api/cases", body).status()).as("上级交办 reaches the office").isEqualTo(403);
        for (String bad : List.of("RADIO", "HOTLINE")) {
            body.put("source", bad);
            Api.Reply refused = as(inspector).post("/api/cases", body);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("source");
        }
        body.put("source", "VIDEO");
        body.put("sourceRef", "摄".repeat(CaseService.SOURCE_REF_MAX + 1));
        Api.Reply tooLong = as(inspector).post("/api/cases", body);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("sourceRef");
        assertThat(jdbc.sql("select count(*) from patrol_case").query(Long.class).single()).isEqualTo(before);

        long assigned = report(f.office, "/api/cases", campaign, "MANHOLE_COVER", "井盖缺失·" + f.p,
                Map.of("source", "ASSIGNED", "sourceRef", "县爱卫办交办〔2027〕3号"));
        long video = report(inspector, "/api/cases", campaign, "STREET_VENDING", "路口占道摆摊·" + f.p,
                Map.of("source", "video", "sourceRef", "青山街与新华路口摄像头"));
        Api.Reply read = as(f.office).get("/api/cases/" + assigned);
        assertThat(read.json().get("source").asText()).isEqualTo("ASSIGNED");
        assertThat(read.json().get("sourceRef").asText()).isEqualTo("县爱卫办交办〔2027〕3号");
        assertThat(as(f.office).get("/api/cases/" + video).json().get("source").asText()).isEqualTo("VIDEO");
        // the 部件 class routes to the unit that takes construction
        assertThat(runtime.getVariable(pi(assigned), "proposedUnit")).isEqualTo(f.unit("jsb"));

        WebSession office = signedIn(f.office);
        Page page = office.get("/board/" + campaign + "/cases/" + assigned);
        assertThat(page.body()).contains("上级交办").contains("交办文号").contains("县爱卫办交办〔2027〕3号")
                .contains("部件 · 公用设施 · 井盖").doesNotContain("ASSIGNED").doesNotContain("MANHOLE_COVER")
                .doesNotContain("P0101");
        assertThat(office.get("/board/" + campaign + "/cases/" + video).body()).contains("视频监控")
                .contains("摄像头或点位").contains("青山街与新华路口摄像头").contains("事件 · 街面秩序 · 占道经营")
                .doesNotContain("VIDEO");
        assertThat(office.get("/board/" + campaign + "/cases/" + clutter).body()).contains("事件 · 街面秩序 · 乱堆乱放");
        assertThat(office.get("/board/" + campaign + "/cases").body()).contains("上级交办").contains("视频监控")
                .contains("巡查上报").contains("热线投诉");

        // the report page groups the classes; 上级交办 is offered to the office only
        Page form = signedIn(inspector).get("/m/report");
        assertThat(form.body()).contains("label=\"部件 · 公用设施\"").contains("label=\"事件 · 街面秩序\"")
                .contains("value=\"VIDEO\"").doesNotContain("value=\"ASSIGNED\"");
        assertThat(office.get("/m/report").body()).contains("value=\"ASSIGNED\"");
    }

    @Test
    void theHandlerAndTheCheckerAddPhotosFromTheCasePanel() {
        String upload = "/board/" + campaign + "/cases/" + clutter + "/photos";
        String handle = tasks.createTaskQuery().processInstanceId(pi(clutter)).singleResult().getId();
        WebSession cgzx = signedIn(f.head("cgzx"));
        // 处置 asks for no photo (the panel without its upload): the unit acts, then shows it when it reports back
        assertThat(cgzx.get("/work/tasks/" + handle).body()).contains("id=\"case-panel\"").doesNotContain("id=\"case-upload\"");
        assertThat(as(f.head("cgzx")).post("/api/tasks/" + handle + "/complete",
                Map.of("handleOutcome", "HANDLED", "handleResult", "已清运")).status()).isEqualTo(200);
        String feedback = tasks.createTaskQuery().processInstanceId(pi(clutter)).singleResult().getId();
        assertThat(tasks.createTaskQuery().taskId(feedback).singleResult().getTaskDefinitionKey()).isEqualTo("feedbackCase");
        Page taskPage = cgzx.get("/work/tasks/" + feedback);
        assertThat(taskPage.status()).isEqualTo(200);
        assertThat(taskPage.body()).contains("id=\"case-upload\"").contains("data-url=\"" + upload + "\"")
                .contains("capture=\"environment\"").contains("/assets/case-photos.js")
                .contains("只能上传照片（JPEG、PNG、GIF、WebP），每张不超过 20 MB")
                // the form points to the panel, no more to an API
                .doesNotContain("接口上传");
        // the registration of a fresh case takes no photo from the panel
        String register = tasks.createTaskQuery().processInstanceId(pi(fresh)).singleResult().getId();
        assertThat(signedIn(f.office).get("/work/tasks/" + register).body()).contains("id=\"case-panel\"")
                .doesNotContain("id=\"case-upload\"");
        int before = repository.photos(clutter).size();

        // another unit's head: refused, nothing written
        Page other = signedIn(f.head("dzb")).upload("/work", upload, "处置后.png", "image/png", PNG);
        assertThat(other.status()).isEqualTo(403);
        // not an image: refused in both languages, naming the field; nothing written
        Page text = cgzx.upload("/work", upload, "说明.txt", "text/plain", "已清运".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(text.body()).contains("\"code\":\"not-an-image\"").contains("\"field\":\"file\"")
                .contains("不是图片").contains("is not an image");
        // without the page's CSRF token: refused
        assertThat(new WebSession(port).upload("/work", upload, "处置后.png", "image/png", PNG).status())
                .isIn(302, 401, 403);
        assertThat(repository.photos(clutter)).hasSize(before);

        Page added = cgzx.upload("/work", upload, "处置后.png", "image/png", PNG);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"stage\":\"处置后\"").contains("城管环卫中心负责人");
        assertThat(repository.photos(clutter)).hasSize(before + 1);
        long handled = repository.photos(clutter).get(before).id();
        String href = "/board/" + campaign + "/cases/" + clutter + "/photos/" + handled;
        assertThat(added.body()).contains("\"href\":\"" + href + "\"");
        // listed on the case: its page and the panel beside the task, and served as the image it is
        assertThat(cgzx.get("/board/" + campaign + "/cases/" + clutter).body()).contains(href).contains("处置后");
        assertThat(cgzx.get("/work/tasks/" + feedback).body()).contains(href);
        assertThat(cgzx.get(href).contentType()).startsWith("image/png");

        // fed back: the result on the case page with who gave it; the inspector checks on site and adds a photo,
        // labelled as taken on the check
        assertThat(as(f.head("cgzx")).post("/api/tasks/" + feedback + "/complete",
                Map.of("feedbackResult", "已清运，人行道恢复通行")).status()).isEqualTo(200);
        assertThat(cgzx.get("/board/" + campaign + "/cases/" + clutter).body()).contains("已清运，人行道恢复通行")
                .contains("处理反馈").contains("城管环卫中心负责人").contains("已反馈待核查");
        assertThat(cgzx.get("/board/" + campaign + "/cases/" + clutter + "?lang=en").body())
                .contains("Reported back, awaiting check").contains("Feedback from the unit");
        String check = tasks.createTaskQuery().processInstanceId(pi(clutter)).singleResult().getId();
        WebSession checker = signedIn(inspector);
        assertThat(checker.get("/work/tasks/" + check).body()).contains("id=\"case-upload\"");
        Page onSite = checker.upload("/work", upload, "核查.png", "image/png", PNG);
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(201);
        assertThat(onSite.body()).contains("\"stage\":\"核查时\"").contains("王网格员");
        assertThat(repository.photos(clutter)).hasSize(before + 2);
        // in English
        Page en = checker.upload("/work", upload + "?lang=en", "check.png", "image/png", PNG);
        assertThat(en.body()).contains("\"stage\":\"When checked\"");
    }

    @Test
    void aUnitHeadSeesTheirUnitsCasesOnlyAndNoComplainant() {
        WebSession cgzx = signedIn(f.head("cgzx"));
        assertThat(cgzx.get("/board/" + campaign + "/cases").body()).contains("人行道乱堆建筑垃圾·" + f.p)
                .doesNotContain("电线杆上小广告·" + f.p).doesNotContain("公厕无人打扫·" + f.p);
        Page own = cgzx.get("/board/" + campaign + "/cases/" + clutter);
        assertThat(own.status()).isEqualTo(200);
        String handle = tasks.createTaskQuery().processInstanceId(pi(clutter)).singleResult().getId();
        assertThat(own.body()).contains("href=\"/work/tasks/" + handle + "\"");
        assertThat(cgzx.get("/board/" + campaign + "/cases/" + ads).status()).isEqualTo(403);
        assertThat(cgzx.get("/board/" + campaign + "/cases/" + ads + "/photos/" + photo).status()).isEqualTo(403);

        // the unit handling a complaint learns there is a caller, not who: the phone masked
        WebSession dzb = signedIn(f.head("dzb"));
        Page seen = dzb.get("/board/" + campaign + "/cases/" + complaint);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone)
                .doesNotContain("来电人" + f.p).contains("仅创卫办和热线可见");
        assertThat(dzb.get("/board/" + campaign + "/cases/" + clutter).status()).isEqualTo(403);
        assertThat(signedIn(f.office).get("/board/" + campaign + "/cases/" + complaint).body()).contains(phone)
                .contains("来电人" + f.p);
    }

    @Test
    void anotherTownsCasesAndPhotosAreNotTheirs() {
        WebSession other = signedIn(t2.office);
        // another town's campaign: refused; its case under their own campaign: refused; no such case: not found
        assertThat(other.get("/board/" + campaign + "/cases/" + clutter).status()).isEqualTo(403);
        assertThat(other.get("/board/" + campaign2 + "/cases/" + clutter).status()).isEqualTo(403);
        assertThat(other.get("/board/" + campaign + "/cases/" + clutter + "/photos/" + photo).status()).isEqualTo(403);
        assertThat(other.get("/board/" + campaign2 + "/cases/" + clutter + "/photos/" + photo).status()).isEqualTo(403);
        Page own = other.get("/board/" + campaign2 + "/cases/" + otherTown);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("二镇网格").doesNotContain("人行道乱堆建筑垃圾");
        Page none = other.get("/board/" + campaign2 + "/cases/999999999");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("id=\"back\"");
        // the town's office: a case under another campaign's address, a photo under another case, are not there
        WebSession office = signedIn(f.office);
        assertThat(office.get("/board/" + campaign2 + "/cases/" + clutter).status()).isEqualTo(403);
        assertThat(office.get("/board/" + campaign + "/cases/" + ads + "/photos/" + photo).status()).isEqualTo(404);
        assertThat(office.get("/board/" + campaign + "/cases/" + clutter + "/photos/999999999").status()).isEqualTo(404);
    }

    @Test
    void aPhotoIsServedAsTheImageItIsToWhoeverSeesTheCase() throws IOException, InterruptedException {
        for (String user : List.of(f.office, f.head("cgzx"), inspector, f.supervisors.get(0))) {
            WebSession s = signedIn(user);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + port + "/board/" + campaign + "/cases/" + clutter + "/photos/" + photo))
                    .header("Cookie", "SESSION=" + s.cookie("SESSION")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(user).isEqualTo(200);
            // uploaded as "image/jpeg", it is a PNG: served as what it is, and never sniffed as anything else
            assertThat(r.headers().firstValue("Content-Type")).as(user).contains("image/png");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.body()).isEqualTo(PNG);
        }
        Page anonymous = new WebSession(port).get("/board/" + campaign + "/cases/" + clutter + "/photos/" + photo);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(signedIn(f.outsider).get("/board/" + campaign + "/cases/" + clutter + "/photos/" + photo).status())
                .isEqualTo(403);
    }

    @Test
    void withNoGridToReportInTheReportPageSaysWhatToDoAndLeadsBack() {
        Page p = signedIn(f.head("dzb")).get("/m/report");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("没有进行中的创建活动的网格可以上报").contains("请联系创卫办")
                .contains("href=\"/work\"").contains("href=\"/\"").doesNotContain("id=\"report-form\"");
    }

    @Test
    void theHotlineRegistersACitizensComplaintInTheBrowser() {
        WebSession s = signedIn(hotline);
        Page form = s.get("/m/complaint");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("登记投诉", "来电人", "联系电话", "青山街网格");
        // the header of the other pages leads the hotline here
        assertThat(s.get("/work").body()).contains("id=\"to-complaint\"");
        Map<String, String> fields = new HashMap<>(Map.of("grid", campaign + ":G1", "category", "TOILET",
                "description", "夜间施工噪声扰民·" + f.p, "address", "青山路8号"));
        int before = jdbc.sql("select count(*) from patrol_case").query(Integer.class).single();
        // no caller: refused on the page, naming the field, nothing written
        Page refused = s.post("/m/complaint", "/m/complaint", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("callerName").contains("field-error");
        assertThat(jdbc.sql("select count(*) from patrol_case").query(Integer.class).single()).isEqualTo(before);
        fields.put("callerName", "市民" + f.p);
        fields.put("callerPhone", "13900001111");
        Page done = s.post("/m/complaint", "/m/complaint", fields);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).contains("/m/complaint?done=");
        long id = Long.parseLong(done.location().replaceAll(".*done=", ""));
        assertThat(jdbc.sql("select source || '|' || caller_name || '|' || reported_by from patrol_case where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("HOTLINE|市民" + f.p + "|" + hotline);
        // a unit head registers no complaint: told so on the page, refused if they post
        WebSession head = signedIn(f.head("dzb"));
        assertThat(head.get("/m/complaint").body()).contains("只有热线受理员和创卫办可以登记").doesNotContain("id=\"report-form\"");
        assertThat(head.post("/m/complaint", "/m/complaint", fields).status()).isEqualTo(403);
    }
}
