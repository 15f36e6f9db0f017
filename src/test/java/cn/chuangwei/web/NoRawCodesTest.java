package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignKind;
import cn.chuangwei.campaign.CampaignLevel;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.campaign.MemberRole;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.campaign.UnitType;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.RegionRole;
import cn.chuangwei.patrol.CaseStatus;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.OutboxRows;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.task.TaskOrigin;
import cn.chuangwei.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No raw code on anything a person reads: a realistic campaign (the provincial template's tasks for twelve units, one
 * task accepted, one returned, several overdue and escalated, a circular issued, patrol cases reported, registered and
 * dispatched) is driven through the application, then its engine task names, its pages' visible text (as each role
 * sees them, in Chinese and English), the outbox's mails and the text of every export are searched for the codes the
 * data itself holds: the units' codes, the grids' codes, the case categories' and the standard's area codes, the
 * people's user ids, the template's and the standard's ids, and the names of the enums behind every status. The codes
 * are read from the data, so the test grows with it; a page is added to {@link #PAGES}, an export to {@link #EXPORTS}.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoRawCodesTest {

    /** Who reads a page. */
    enum Reader { OFFICE, SUPERVISOR, UNIT_HEAD, DEPUTY, INSPECTOR }

    /**
     * A page to read: its path ({id} the campaign, {unit} a unit's code, {circular} a circular, {case} a case, {task} an
     * open task of the reader's) and its reader.
     */
    record Visit(Reader reader, String path) {
    }

    /** The pages, each read in Chinese and in English; add a page here when it is built. */
    static final List<Visit> PAGES = List.of(
            new Visit(Reader.OFFICE, "/board/{id}"),
            new Visit(Reader.OFFICE, "/board/{id}?screen=1"),
            new Visit(Reader.OFFICE, "/board/{id}/tasks"),
            new Visit(Reader.OFFICE, "/board/{id}/tasks?unit={unit}"),
            new Visit(Reader.OFFICE, "/board/{id}/tasks?state=overdue"),
            new Visit(Reader.OFFICE, "/board/{id}/overdue"),
            new Visit(Reader.OFFICE, "/board/{id}/ranking"),
            new Visit(Reader.OFFICE, "/board/{id}/acceptance"),
            new Visit(Reader.OFFICE, "/board/{id}/cases"),
            new Visit(Reader.OFFICE, "/board/{id}/cases/{case}"),
            new Visit(Reader.SUPERVISOR, "/board/{id}"),
            new Visit(Reader.SUPERVISOR, "/board/circulars/{circular}/print"),
            new Visit(Reader.SUPERVISOR, "/board/{id}/circulars"),
            new Visit(Reader.OFFICE, "/board/{id}/import"),
            new Visit(Reader.OFFICE, "/board/campaigns/new"),
            new Visit(Reader.OFFICE, "/board/calendar/2027"),
            new Visit(Reader.OFFICE, "/board/{id}/thresholds"),
            new Visit(Reader.UNIT_HEAD, "/board/{id}/thresholds"),
            new Visit(Reader.UNIT_HEAD, "/board/{id}"),
            new Visit(Reader.DEPUTY, "/board/{id}"),
            new Visit(Reader.INSPECTOR, "/m/report"),
            new Visit(Reader.INSPECTOR, "/m/cases"),
            new Visit(Reader.UNIT_HEAD, "/work"),
            new Visit(Reader.UNIT_HEAD, "/work/tasks/{task}"),
            new Visit(Reader.OFFICE, "/work"),
            new Visit(Reader.OFFICE, "/work/tasks/{task}"),
            new Visit(Reader.SUPERVISOR, "/work"),
            new Visit(Reader.INSPECTOR, "/work"),
            new Visit(Reader.OFFICE, "/board/{id}/robots"),
            new Visit(Reader.OFFICE, "/work/reach"),
            new Visit(Reader.UNIT_HEAD, "/work/reach"),
            new Visit(Reader.OFFICE, "/board/messages"));

    /** The exports (.xlsx, .docx, .pdf), each read by the office (the circular's by a supervisor). */
    static final List<String> EXPORTS = List.of(
            "/board/{id}/overdue/xlsx?lang=zh", "/board/{id}/overdue/xlsx?lang=en",
            "/board/{id}/ranking/xlsx?lang=zh", "/board/{id}/ranking/xlsx?lang=en",
            "/board/{id}/cases/xlsx?month=2027-03&lang=zh", "/board/{id}/cases/xlsx?month=2027-03&lang=en",
            "/api/supervision/overdue/xlsx?campaignId={id}", "/api/campaigns/{id}/assessment/2027-03/xlsx",
            "/api/cases/stats/xlsx?campaignId={id}&month=2027-03",
            "/api/supervision/circulars/{circular}/xlsx", "/api/supervision/circulars/{circular}/docx",
            "/api/supervision/circulars/{circular}/pdf", "/board/circulars/{circular}/docx",
            "/board/{id}/import/template.xlsx");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    CampaignRepository campaigns;

    Fixture f;
    ApiCampaign campaign;
    long circular;
    long caseId;
    /** An open task of each reader who has one, for {task}. */
    final Map<Reader, String> openTask = new LinkedHashMap<>();
    String inspector;
    String tenant;
    final List<String> people = new ArrayList<>();
    /** Each code to look for, with what it is (for the failure message). */
    final Map<String, String> codes = new LinkedHashMap<>();

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    @BeforeAll
    void driveACampaign() {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        f = new Fixture(identity);
        campaign = ApiCampaign.start(port, management, f, f.fromTemplate(LocalDate.of(2027, 3, 1)));
        long id = campaign.id();
        tenant = campaigns.find(id).orElseThrow().tenantId();

        // a unit's task accepted, another's returned with a reason
        campaign.completeAndAccept("dzb", "已成立领导小组，文件已印发");
        Api head = as(f.head("wsy"));
        String task = head.get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        assertThat(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "已开展")).status()).isEqualTo(200);
        Api office = as(f.office);
        String review = office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=reviewTask").json().get(0)
                .get("id").asText();
        assertThat(office.post("/api/tasks/" + review + "/complete", Map.of("reviewDecision", "RETURN",
                "returnReason", "缺少现场照片")).status()).isEqualTo(200);

        // grids and an inspector; a case reported in each of two categories, one registered and dispatched
        inspector = f.p + "-grid";
        var u = identity.newUser(inspector);
        u.setFirstName("王网格员");
        u.setLastName("");
        u.setEmail(inspector + "@test.example");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(inspector, "grid-inspectors");
        assertThat(office.put("/api/campaigns/" + id + "/grids", List.of(
                Map.of("code", "G1", "name", "东村网格", "inspector", inspector),
                Map.of("code", "G2", "name", "青山街网格", "inspector", inspector))).status()).isEqualTo(200);
        // a unit's group robot and a person's channels (issue 17): named in words on the robots and settings pages
        assertThat(office.post("/api/campaigns/" + id + "/robots", Map.of("unitCode", f.unit("cgzx"),
                "channel", "DINGTALK_ROBOT", "name", "城管群", "webhook",
                "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123", "secret", "SEC0123456789abcdef"))
                .status()).isEqualTo(201);
        assertThat(office.put("/api/people/" + f.head("cgzx") + "/reach", Map.of("channels", List.of(
                Map.of("channel", "WECOM", "address", "ZhouZhuRen"), Map.of("channel", "SMS", "address", "13800138000"),
                Map.of("channel", "MAIL")))).status()).isEqualTo(200);
        for (String category : List.of("STREET_CLEANLINESS", "CLUTTER")) {
            Reply r = as(inspector).post("/api/cases", Map.of("campaignId", id, "gridCode", "G2", "category", category,
                    "description", "人行道乱堆建筑垃圾", "address", "青山路12号", "latitude", 31.23, "longitude", 120.61));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            caseId = r.json().get("id").asLong();
        }
        String register = office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=registerCase").json().get(0)
                .get("id").asText();
        assertThat(office.post("/api/tasks/" + register + "/complete", Map.of("registerDecision", "REGISTER")).status())
                .isEqualTo(200);
        String dispatch = office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=dispatchCase").json().get(0)
                .get("id").asText();
        assertThat(office.post("/api/tasks/" + dispatch + "/complete", Map.of("unitCode", f.unit("cgzx"))).status())
                .isEqualTo(200);

        // days later: deadlines passed, the ladder's timers fire (mails), a supervisor issues a circular
        clock.set(LocalDateTime.of(2027, 3, 9, 10, 0));
        for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id).list()) {
            for (Job j : management.createJobQuery().processInstanceId(p.getId()).timers()
                    .duedateLowerThan(Date.from(clock.instant())).list()) {
                // a timer that fired may have removed another (an interrupting boundary event)
                if (management.createJobQuery().jobId(j.getId()).count() > 0) {
                    management.executeJob(j.getId());
                }
            }
        }
        Reply issued = as(f.supervisors.get(0)).post("/api/supervision/circulars", Map.of("campaignId", id,
                "from", "2027-03-01", "to", "2027-03-09"));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        circular = issued.json().get("id").asLong();
        openTask.put(Reader.UNIT_HEAD, as(f.head("cgzx")).get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText());
        openTask.put(Reader.OFFICE, office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=registerCase").json()
                .get(0).get("id").asText());

        messages(id);
        collectCodes();
    }

    /** The town's messages in every channel and state (issue 17, delivery status), as the senders leave them. */
    private void messages(long id) {
        long robot = new OutboxRows(jdbc).robot(id, f.unit("wsy"), "WECOM_ROBOT", "卫生院工作群");
        LocalDateTime now = LocalDateTime.of(2027, 3, 9, 10, 0);
        String head = f.head("cgzx");
        new OutboxRows(jdbc).of(tenant, id).to(head, "SMS", "13800000001").kind("ASSIGNMENT").at(now.minusHours(5))
                .sent(now.minusHours(5)).write("任务交办短信");
        new OutboxRows(jdbc).of(tenant, id).to(null, "WECOM_ROBOT", String.valueOf(robot)).kind("CIRCULAR")
                .at(now.minusHours(4)).sent(now.minusHours(4)).write("通报");
        new OutboxRows(jdbc).of(tenant, id).to(head, "SMS", "13800000001").kind("REMINDER").at(now.minusHours(3))
                .pending(0, now.plusHours(20), null).write("到期提醒");
        new OutboxRows(jdbc).of(tenant, id).to(f.leader, "WECOM", "wecom-user").kind("YELLOW").at(now.minusHours(2))
                .pending(2, now.plusMinutes(10), "errcode 45009").write("预警");
        new OutboxRows(jdbc).of(tenant, id).to(f.leader, "DINGTALK", "ding-user").kind("INTERVIEW").at(now.minusMinutes(90))
                .status("SENDING", 1, null).write("约谈");
        new OutboxRows(jdbc).of(tenant, id).to(head, "SMS", "1380000").kind("RED").at(now.minusMinutes(60))
                .status("FAILED", 1, "号码格式错误").write("催办");
        new OutboxRows(jdbc).of(tenant, id).to(f.office, "MAIL", f.office + "@test.example").kind("ACCOUNTABILITY")
                .at(now.minusMinutes(30)).status("UNCONFIRMED", 1, null).write("问责");
        new OutboxRows(jdbc).of(tenant, id).to(f.office, "MAIL", f.office + "@test.example").kind("DIGEST")
                .at(now.minusMinutes(20)).pending(0, null, null).write("每日汇总");
    }

    @AfterAll
    void resetClock() {
        OutboxRows.removeAll(jdbc);
        clock.reset();
    }

    /** The codes to look for, from the data: units, grids, categories, areas, people, ids, enums. */
    private void collectCodes() {
        f.units.forEach(u -> codes.put(u.code(), "the unit code of " + u.name()));
        jdbc.sql("select code from patrol_grid where campaign_id = :c").param("c", campaign.id()).query(String.class).list()
                .forEach(g -> codes.put(g, "a grid code"));
        jdbc.sql("select code from case_category").query(String.class).list().forEach(c -> codes.put(c, "a case category"));
        jdbc.sql("select code from standard_area").query(String.class).list().forEach(a -> codes.put(a, "a standard's area"));
        people.addAll(f.signers());
        people.addAll(List.of(f.office, f.outsider, inspector));
        people.addAll(f.supervisors);
        f.units.forEach(u -> people.add(u.head()));
        people.forEach(p -> codes.put(p, "a user id"));
        codes.put("sanitary-town-provincial", "the template's id");
        codes.put("provincial-jiangsu", "the standard's code");
        Stream.of(Phase.values(), PhaseStatus.values(), CampaignStatus.values(), CampaignKind.values(),
                        CampaignLevel.values(), MemberRole.values(), UnitType.values(), TaskStatus.values(),
                        TaskOrigin.values(), CaseStatus.values(), LadderLevel.values(), RegionRole.values())
                .flatMap(Arrays::stream).map(Enum::name).filter(n -> n.length() >= 3)
                .forEach(n -> codes.putIfAbsent(n, "an enum's name"));
        // the outbox's statuses and channels (SMS is the channel's English name too), the kinds of notice
        Stream.concat(Arrays.stream(cn.chuangwei.notify.OutboxStatus.values()).map(Enum::name),
                        Arrays.stream(cn.chuangwei.notify.Channel.values()).map(Enum::name).filter(n -> !n.equals("SMS")))
                .forEach(n -> codes.putIfAbsent(n, "an outbox status or channel"));
        List.of("ASSIGNMENT", "REMINDER", "CIRCULAR_ISSUED", "INTERVIEW", "ACCOUNTABILITY", "DIGEST")
                .forEach(n -> codes.putIfAbsent(n, "a kind of notice"));
        assertThat(codes).containsKeys("G2", "STREET_CLEANLINESS", "ORG_MANAGEMENT", "RED", "ACCEPTED", "MOBILIZATION",
                f.unit("cgzx"), f.leader);
    }

    /** Every code found in a text, as "code (what it is)"; a code counts as a whole word, in its own case. */
    private List<String> found(String text) {
        List<String> hits = new ArrayList<>();
        codes.forEach((code, what) -> {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(code) + "(?![A-Za-z0-9_-])").matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 30);
                hits.add(code + " (" + what + ") in \"…" + text.substring(from, Math.min(text.length(), m.end() + 30))
                        .replace('\n', ' ') + "…\"");
            }
        });
        return hits;
    }

    @Test
    void theEngineTasksAreNamedInWords() {
        Set<String> names = new LinkedHashSet<>();
        history.createHistoricTaskInstanceQuery().tenantIdIn(tenant).list().forEach(t -> names.add(t.getName()));
        assertThat(names).as("the campaign's tasks").hasSizeGreaterThan(10);
        List<String> wrong = new ArrayList<>();
        names.forEach(n -> wrong.addAll(found(n == null ? "" : n)));
        assertThat(wrong).as("raw codes in engine task names").isEmpty();
    }

    @Test
    void theMailsSayNoCode() {
        List<Map<String, Object>> mails = jdbc.sql("select subject, body, recipient_user from mail_outbox where recipient_user in (:u)")
                .param("u", people).query().listOfRows();
        assertThat(mails).as("mails of the campaign").hasSizeGreaterThan(5);
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> mail : mails) {
            // a link is for the mail client to follow, not to read
            String text = (mail.get("SUBJECT") + "\n" + mail.get("BODY")).replaceAll("https?://\\S+", "");
            found(text).forEach(h -> wrong.add("mail to " + mail.get("RECIPIENT_USER") + ": " + h));
        }
        assertThat(wrong).as("raw codes in mails").isEmpty();
    }

    @Test
    void thePagesShowNoCode() {
        Map<Reader, String> users = Map.of(Reader.OFFICE, f.office, Reader.SUPERVISOR, f.supervisors.get(0),
                Reader.UNIT_HEAD, f.head("cgzx"), Reader.DEPUTY, f.deputies.get(0), Reader.INSPECTOR, inspector);
        List<String> wrong = new ArrayList<>();
        for (Reader reader : Reader.values()) {
            List<Visit> visits = PAGES.stream().filter(v -> v.reader() == reader).toList();
            if (visits.isEmpty()) {
                continue;
            }
            try (Browser b = new Browser(port, 1366, 900)) {
                b.open("/login");
                b.login(users.get(reader), Fixture.PASSWORD);
                for (Visit v : visits) {
                    for (String lang : List.of("zh", "en")) {
                        String path = path(v.path()).replace("{task}", String.valueOf(openTask.get(reader)));
                        b.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                        b.find("body");
                        if (path.startsWith("/work/tasks/")) {
                            b.find("#form[data-rendered]"); // the task's form, drawn by form-js
                        }
                        assertThat(b.all("#error-message")).as(path + " as " + reader + " shows an error").isEmpty();
                        // an e-mail address (the settings page shows the reader's own) is an address, not a code
                        found(visibleText(b).replaceAll("[^\\s@（）()：:]+@[^\\s@]+", ""))
                                .forEach(h -> wrong.add(path + " (" + lang + ", " + reader + "): " + h));
                    }
                }
            }
        }
        assertThat(wrong).as("raw codes on pages").isEmpty();
    }

    @Test
    void theExportsShowNoCode() throws IOException {
        List<String> wrong = new ArrayList<>();
        WebSession page = new WebSession(port);
        page.login(f.office, Fixture.PASSWORD);
        WebSession supervisor = new WebSession(port);
        supervisor.login(f.supervisors.get(0), Fixture.PASSWORD);
        for (String export : EXPORTS) {
            String path = path(export);
            String user = path.contains("/circulars/") ? f.supervisors.get(0) : f.office;
            WebSession signedIn = path.contains("/circulars/") ? supervisor : page;
            // the board's exports as the page links them (signed in), the API's with its own authentication
            byte[] content = path.startsWith("/api/") ? as(user).bytes(path) : signedIn.download(path);
            String text = path.contains("docx") ? docx(content) : path.contains("pdf") ? pdf(content) : xlsx(content);
            assertThat(text).as(path).isNotBlank();
            found(text).forEach(h -> wrong.add(path + ": " + h));
        }
        assertThat(wrong).as("raw codes in exports").isEmpty();
        // the deputy in charge appears by name, as the circular names them
        String overdue = xlsx(page.download(path("/board/{id}/overdue/xlsx?lang=zh")));
        assertThat(overdue).contains("副组长甲");
    }

    private String path(String template) {
        return template.replace("{id}", String.valueOf(campaign.id())).replace("{unit}", f.unit("cgzx"))
                .replace("{circular}", String.valueOf(circular)).replace("{case}", String.valueOf(caseId));
    }

    /**
     * What a reader sees of a page: its text, the text drawn in its charts (SVG), its title, every option of its lists
     * and the tooltips and placeholders of its elements.
     */
    static String visibleText(Browser b) {
        Object text = b.driver().executeScript("""
                const parts = [document.title, document.body.innerText];
                document.querySelectorAll('svg text, svg tspan').forEach(e => parts.push(e.textContent));
                document.querySelectorAll('option').forEach(e => parts.push(e.textContent));
                document.querySelectorAll('[title]').forEach(e => parts.push(e.getAttribute('title')));
                document.querySelectorAll('[placeholder]').forEach(e => parts.push(e.getAttribute('placeholder')));
                document.querySelectorAll('[aria-label]').forEach(e => parts.push(e.getAttribute('aria-label')));
                return parts.join('\\n');""");
        return String.valueOf(text);
    }

    /** Every cell of every sheet as the reader sees it (header and body). */
    static String xlsx(byte[] content) throws IOException {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : wb) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    static String docx(byte[] content) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    static String pdf(byte[] content) throws IOException {
        try (PDDocument doc = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
