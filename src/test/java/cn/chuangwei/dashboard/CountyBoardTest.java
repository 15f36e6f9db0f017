package cn.chuangwei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.documents.TestDocuments;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county's board across its towns and its circulars: three towns of a county, one with two overdue tasks, one with
 * a task accepted, one without a campaign. The county's overseer reads each town's phases, counts and rank, and issues
 * a circular that names the town behind; the town's office reads its own part of it. Another county's overseer and
 * the towns' own people are refused the county's board.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyBoardTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    Regions regions;
    @Autowired
    TestClock clock;

    Fixture a;
    Fixture b;
    Region county;
    Region townA;
    Region townB;
    Region townC;
    long campaignA;
    long campaignB;
    String overseer;
    String otherOverseer;

    @BeforeAll
    void seed() {
        clock.set(LocalDateTime.of(2027, 9, 6, 9, 0));
        a = new Fixture(identity);
        b = new Fixture(identity);
        county = regions.ensure("测试县" + a.p, Region.Level.COUNTY, null);
        townA = regions.ensure(a.town, Region.Level.TOWN, county.id());
        townB = regions.ensure(b.town, Region.Level.TOWN, county.id());
        // each town set up with its office, who registers its campaign
        regions.addMember(townA, a.office);
        regions.addMember(townB, b.office);
        townC = regions.ensure("空白镇" + a.p, Region.Level.TOWN, county.id());
        campaignA = ApiCampaign.start(port, management, a, a.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, a.unit("dzb"), null, "2027-09-07", false, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, a.unit("cgzx"), null, "2027-09-08", false, null)),
                false)).id();
        ApiCampaign cb = ApiCampaign.start(port, management, b, b.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, b.unit("dzb"), null, "2027-09-07", false, null),
                new TaskRequest("MOBILIZATION", "开展健康教育", null, b.unit("wsy"), null, "2027-09-14", false, null)),
                false));
        campaignB = cb.id();
        cb.completeAndAccept("dzb", "已召开");
        overseer = user("county-" + a.p);
        regions.addOverseer(county, overseer);
        Region otherCounty = regions.ensure("别的县" + a.p, Region.Level.COUNTY, null);
        regions.ensure("别的镇" + a.p, Region.Level.TOWN, otherCounty.id());
        otherOverseer = user("other-county-" + a.p);
        regions.addOverseer(otherCounty, otherOverseer);
        // three days on: both of A's tasks are overdue, B's open one is not due yet
        clock.set(LocalDateTime.of(2027, 9, 9, 10, 0));
    }

    @AfterAll
    void tearDown() {
        clock.reset();
    }

    private String user(String id) {
        User u = identity.newUser(id);
        u.setFirstName("县爱卫办");
        u.setLastName("");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        return id;
    }

    private Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    @Test
    void theOverseerReadsEveryTownsPhasesCountsAndRank() {
        Reply r = as(overseer).get("/api/regions/" + county.id() + "/board");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode board = r.json();
        assertThat(board.get("region").asText()).isEqualTo(county.name());
        assertThat(board.get("level").asText()).isEqualTo("COUNTY");
        JsonNode towns = board.get("towns");
        assertThat(towns).hasSize(3);

        // B: 1 of its 2 started tasks accepted, none overdue: first
        JsonNode b1 = towns.get(0);
        assertThat(b1.get("name").asText()).isEqualTo(b.town);
        assertThat(b1.get("rank").asInt()).isEqualTo(1);
        assertThat(b1.get("completionRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(b1.get("tasks").asInt()).isEqualTo(2);
        assertThat(b1.get("accepted").asInt()).isEqualTo(1);
        assertThat(b1.get("overdue").asInt()).isZero();

        // A: nothing accepted, both tasks overdue: second
        JsonNode a2 = towns.get(1);
        assertThat(a2.get("name").asText()).isEqualTo(a.town);
        assertThat(a2.get("rank").asInt()).isEqualTo(2);
        assertThat(a2.get("completionRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(a2.get("overdue").asInt()).isEqualTo(2);
        JsonNode campaign = a2.get("campaigns").get(0);
        assertThat(campaign.get("campaignId").asLong()).isEqualTo(campaignA);
        assertThat(campaign.get("kind").asText()).isEqualTo("SANITARY_TOWN");
        assertThat(campaign.get("currentPhase").asText()).isEqualTo("MOBILIZATION");
        JsonNode phases = campaign.get("phases");
        assertThat(phases).hasSize(5);
        assertThat(phases.get(0).get("phase").asText()).isEqualTo("MOBILIZATION");
        assertThat(phases.get(0).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(phases.get(0).get("tasks").asInt()).isEqualTo(2);
        assertThat(phases.get(0).get("overdue").asInt()).isEqualTo(2);
        assertThat(phases.get(1).get("status").asText()).isEqualTo("PENDING");
        assertThat(phases.get(1).get("tasks").asInt()).isZero();

        // C: no campaign, no rank, last
        JsonNode c3 = towns.get(2);
        assertThat(c3.get("name").asText()).isEqualTo(townC.name());
        assertThat(c3.get("rank").isNull()).isTrue();
        assertThat(c3.get("campaigns")).isEmpty();

        assertThat(board.get("overdueByTown")).hasSize(1);
        assertThat(board.get("overdueByTown").get(0).get("town").asText()).isEqualTo(a.town);
        assertThat(board.get("overdueByTown").get(0).get("overdue").asInt()).isEqualTo(2);

        // a town below: the overseer reads it alone
        JsonNode one = as(overseer).get("/api/regions/" + townA.id() + "/board").json();
        assertThat(one.get("towns")).hasSize(1);
        assertThat(one.get("towns").get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void noOneElseReadsTheCountysBoard() {
        String path = "/api/regions/" + county.id() + "/board";
        for (String user : List.of(otherOverseer, a.office, a.leader, a.supervisors.get(0), b.office, a.head("dzb"))) {
            Reply r = as(user).get(path);
            assertThat(r.status()).as(user + ": " + r.raw()).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("overseers-only");
        }
        // a town's office is no overseer of its own town either
        assertThat(as(a.office).get("/api/regions/" + townA.id() + "/board").status()).isEqualTo(403);
        assertThat(new Api(port, null, null).get(path).status()).isEqualTo(401);
        Reply unknown = as(overseer).get("/api/regions/999999999/board");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("unknown-region");
        assertThat(as(overseer).get("/api/regions/x/board").status()).isEqualTo(400);
    }

    @Test
    void theBoardPageAndItsExcelShowTheTownsByNameAndLinkTheirCampaigns() throws Exception {
        WebSession web = new WebSession(port);
        assertThat(web.login(overseer, Fixture.PASSWORD).status()).isEqualTo(302);
        WebSession.Page page = web.get("/board/county/" + county.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(a.town).contains(b.town).contains(townC.name()).contains("宣传发动")
                .contains("href=\"/board/" + campaignA + "\"").contains("href=\"/board/" + campaignB + "\"")
                .contains("尚无创建活动").doesNotContain("MOBILIZATION<").doesNotContain(">ACTIVE<");

        byte[] xlsx = web.download("/board/county/" + county.id() + "/xlsx");
        List<String> lines = new ArrayList<>();
        DataFormatter cells = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                row.forEach(c -> values.add(cells.formatCellValue(c)));
                lines.add(String.join("|", values));
            }
        }
        assertThat(lines.get(0)).contains(county.name());
        assertThat(lines).anyMatch(l -> l.startsWith("1|" + b.town + "|") && l.contains("50.0%"));
        assertThat(lines).anyMatch(l -> l.startsWith("2|" + a.town + "|") && l.contains("进行中 0/2，逾期 2"));
        assertThat(lines).anyMatch(l -> l.startsWith("—|" + townC.name() + "|尚无创建活动"));
        assertThat(web.get("/board/county/" + county.id() + "?lang=en").body()).contains("Mobilization")
                .contains("Ranking of the towns");

        WebSession office = new WebSession(port);
        assertThat(office.login(a.office, Fixture.PASSWORD).status()).isEqualTo(302);
        assertThat(office.get("/board/county/" + county.id()).status()).isEqualTo(403);
    }

    /** The county person's journey on a phone: sign in, the towns and their phases, the ranking, on to a town's board. */
    @Test
    void onAPhoneTheOverseerSeesBothTownsAndFollowsOneToItsCampaignBoard() {
        try (Browser web = new Browser(port, 390, 844)) {
            // the county's office signs in and lands on its county's board
            web.open("/");
            assertThat(web.path()).startsWith("/login");
            web.login(overseer, Fixture.PASSWORD);
            assertThat(web.path()).isEqualTo("/board/county/" + county.id());
            assertThat(web.text("#region-name")).contains(county.name());
            String rowA = "#towns tr[data-campaign='" + campaignA + "']";
            assertThat(web.text(rowA + " .town")).isEqualTo(a.town);
            assertThat(web.text("#towns tr[data-campaign='" + campaignB + "'] .town")).isEqualTo(b.town);
            assertThat(web.find(rowA + " td[data-phase='MOBILIZATION']").getDomAttribute("class")).isEqualTo("red");
            assertThat(web.text(rowA + " td[data-phase='MOBILIZATION']")).contains("进行中").contains("0/2");
            assertThat(web.text(rowA + " .current")).isEqualTo("宣传发动");
            assertThat(web.text("#ranking tbody tr:first-child .town")).isEqualTo(b.town);
            assertThat(web.text("#ranking tbody tr:first-child .rate")).isEqualTo("50.0%");
            assertThat(web.text("#overdue-by-town tbody")).contains(a.town).doesNotContain(b.town);
            assertThat(web.text("body")).doesNotContain("MOBILIZATION").doesNotContain("PENDING")
                    .doesNotContain("SANITARY_TOWN").doesNotContain("region-");
            // the page fits the phone's width; the wide table scrolls by itself
            Object overflow = web.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            web.screenshot("county-board-phone");

            String link = rowA + " .campaign a";
            assertThat(web.find(link).getDomAttribute("href")).isEqualTo("/board/" + campaignA);
            web.find(link).click();
            assertThat(web.path()).isEqualTo("/board/" + campaignA);
            // the town's own board, read by the county above it (which changes nothing there)
            assertThat(web.text("body")).contains("宣传发动").doesNotContain("403");
            web.screenshot("county-board-to-town");
        }
    }

    @Test
    void theCountyIssuesACircularAndEachTownNamedReadsItsOwnPart() throws Exception {
        String circulars = "/api/regions/" + county.id() + "/circulars";
        Map<String, String> period = Map.of("from", "2027-09-01", "to", "2027-09-30");
        assertThat(as(a.office).post(circulars, period).status()).isEqualTo(403);
        assertThat(as(otherOverseer).post(circulars, period).status()).isEqualTo(403);
        Reply reversed = as(overseer).post(circulars, Map.of("from", "2027-09-30", "to", "2027-09-01"));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("code").asText()).isEqualTo("range-reversed");
        Reply nothing = as(overseer).post(circulars, Map.of("from", "2027-10-01", "to", "2027-10-31"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("code").asText()).isEqualTo("circular-nothing-overdue");
        assertThat(as(overseer).post("/api/regions/" + townA.id() + "/circulars", period).json().get("code").asText())
                .isEqualTo("county-circular-of-town");

        Reply issued = as(overseer).post(circulars, period);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        assertThat(issued.json().get("number").asText()).isEqualTo(county.name() + "爱卫办通〔2027〕1号");
        assertThat(issued.json().get("issuingOffice").asText()).isEqualTo(county.name() + "爱国卫生运动委员会办公室");
        assertThat(issued.json().get("tasks").asInt()).isEqualTo(2);
        assertThat(issued.json().get("towns")).extracting(JsonNode::asText).containsExactly(a.town);
        assertThat(as(overseer).get(circulars).json()).extracting(c -> c.get("id").asLong()).contains(id);

        String pdf = TestDocuments.pdfText(as(overseer).bytes(circulars + "/" + id + "/pdf"), 1, false);
        assertThat(pdf).contains(county.name() + "爱国卫生运动委员会办公室").contains("各乡镇创建进度")
                .contains(a.town).contains(b.town).contains(townC.name()).contains("召开动员大会").contains("清理主要街道")
                .contains("城管环卫中心").contains("宣传发动").contains("50.0%");

        // town A's office reads its own part: its standing and its tasks, no other town's
        String ofA = "/api/regions/" + townA.id() + "/circulars";
        JsonNode listed = as(a.office).get(ofA).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("tasks").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("region").asText()).isEqualTo(county.name());
        String part = TestDocuments.pdfText(as(a.office).bytes(ofA + "/" + id + "/pdf"), 1, false);
        assertThat(part).contains(a.town).contains("清理主要街道").doesNotContain(b.town).doesNotContain(townC.name());
        // town B is not named: nothing to read; nor does A's office read the county's whole circular
        String ofB = "/api/regions/" + townB.id() + "/circulars";
        assertThat(as(b.office).get(ofB).json()).isEmpty();
        assertThat(as(b.office).get(ofB + "/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(as(a.office).get(circulars).status()).isEqualTo(403);
        assertThat(as(a.office).get(circulars + "/" + id + "/pdf").status()).isEqualTo(403);
        assertThat(as(b.office).get(ofA).status()).isEqualTo(403);
        assertThat(as(otherOverseer).get(ofA).status()).isEqualTo(403);
        // the second of the year
        assertThat(as(overseer).post(circulars, period).json().get("number").asText()).endsWith("〔2027〕2号");
    }
}
