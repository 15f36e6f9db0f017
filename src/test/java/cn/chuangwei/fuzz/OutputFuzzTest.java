package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What users typed comes out harmless. A campaign whose town, name, unit names, task titles and case description are
 * formulas ({@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0}, {@code +}, {@code -}, {@code @}, tab, CR) and script
 * ({@code <script>}, {@code "><img onerror>}, {@code </script>}): every Excel export holds them as plain text cells that
 * no spreadsheet evaluates, also once re-saved as CSV (a leading apostrophe); every page (a circular's print view too)
 * shows them HTML-escaped; the board's chart data stays JSON inside its script element.
 */
@H2Test
class OutputFuzzTest extends SpringProperties {

    /** What makes a spreadsheet evaluate a cell (OWASP, CSV injection). */
    static final String FORMULA_START = "=+-@\t\r";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TestClock clock;

    @AfterProperty
    void resetClock() {
        clock.reset();
    }

    @Provide
    Arbitrary<String> formulas() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(Hostile.FORMULAS)),
                Tuple.of(1, Combinators.combine(Arbitraries.of("=", "+", "-", "@", "\t", "\r"),
                        Arbitraries.strings().alpha().numeric().withChars("()|!'\" ,/*&").ofMinLength(1).ofMaxLength(30))
                        .as(String::concat)));
    }

    @Provide
    Arbitrary<String> scripts() {
        return Arbitraries.of(Hostile.SCRIPTS).filter(s -> s.contains("<") || s.contains("\""));
    }

    @Provide
    Arbitrary<String> names() {
        return Hostile.text().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 60 && s.indexOf('\u0000') < 0);
    }

    @Property(tries = 5)
    void typedTextComesOutHarmless(@ForAll("formulas") String formula, @ForAll("scripts") String script,
                                   @ForAll("names") String name) throws IOException {
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        Fixture f = new Fixture(identity);
        String unitName = script.strip();
        String formulaUnit = formula.strip().isEmpty() ? "=1+1" : formula;
        f.units.set(0, withName(f.units.get(0), unitName));
        f.units.set(1, withName(f.units.get(1), formulaUnit));
        String title = formula;
        String scriptTitle = script;
        CampaignRequest small = f.small(LocalDate.of(2027, 9, 1), List.of(
                new TaskRequest("MOBILIZATION", title, null, f.unit("dzb"), null, "2027-09-03", true, null),
                new TaskRequest("MOBILIZATION", scriptTitle, formula, f.unit("cgzx"), null, "2027-09-06", false, null)),
                false);
        CampaignRequest request = new CampaignRequest(formula.strip().isEmpty() ? name : formula.strip() + name, name + f.p,
                small.kind(), small.level(), small.template(), small.standard(), small.startDate(), small.phases(),
                small.leadingGroup(), small.office(), small.supervisors(), small.units(), small.tasks(), small.draft());
        long id = ApiCampaign.start(port, management, f, request).id();
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Api supervisor = new Api(port, f.supervisors.get(0), Fixture.PASSWORD);
        assertThat(office.put("/api/campaigns/" + id + "/grids", List.of(Map.of("code", "G1", "name", formulaUnit.strip(),
                "inspector", f.supervisors.get(0)))).status()).isEqualTo(200);
        String description = script + " " + formula;
        Reply reported = supervisor.post("/api/cases", Map.of("campaignId", id, "gridCode", "G1", "category", "CLUTTER",
                "description", description, "address", description));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        clock.set(FuzzWorld.NOW);

        // --- Excel: every export a plain-text sheet; the formulas are there, neutralised
        List<String> overdue = cells(office.bytes("/api/supervision/overdue/xlsx?campaignId=" + id));
        assertThat(overdue).contains(neutral(title), neutral(scriptTitle), neutral(unitName));
        List<String> assessment = cells(office.bytes("/api/campaigns/" + id + "/assessment/2027-09/xlsx"));
        assertThat(assessment).contains(neutral(unitName), neutral(formulaUnit));
        cells(office.bytes("/api/cases/stats/xlsx?campaignId=" + id + "&month=2027-09&lang=en"));
        Reply circular = supervisor.post("/api/supervision/circulars", Map.of("campaignId", id, "from", "2027-09-01",
                "to", "2027-09-07", "title", formula, "body", script));
        assertThat(circular.status()).as(circular.raw()).isEqualTo(201);
        List<String> circularCells = cells(office.bytes("/api/supervision/circulars/" + circular.json().get("id").asLong()
                + "/xlsx"));
        assertThat(circularCells).contains(neutral(title));

        WebSession page = new WebSession(port);
        assertThat(page.login(f.office, Fixture.PASSWORD).status()).isEqualTo(302);
        assertThat(cells(page.download("/board/" + id + "/overdue/xlsx"))).contains(neutral(title), neutral(unitName));
        cells(page.download("/board/" + id + "/cases/xlsx?month=2027-09"));
        assertThat(cells(page.download("/board/" + id + "/ranking/xlsx?month=2027-09"))).contains(neutral(unitName));

        // --- pages: escaped text, and the board's chart data still JSON inside its script element
        Page board = page.get("/board/" + id);
        assertThat(board.status()).isEqualTo(200);
        escaped(board.body(), unitName);
        Matcher data = Pattern.compile("(?s)<script id=\"board-data\" type=\"application/json\">(.*?)</script>")
                .matcher(board.body());
        assertThat(data.find()).as("the chart data's script element").isTrue();
        JsonNode chart = Hostile.JSON.readTree(data.group(1));
        assertThat(chart.get("campaignId").asLong()).isEqualTo(id);
        assertThat(chart.toString()).as("the unit's name survives as data").contains(Hostile.quote(unitName)
                .substring(1, Hostile.quote(unitName).length() - 1));
        Page tasks = page.get("/board/" + id + "/tasks");
        assertThat(tasks.status()).isEqualTo(200);
        escaped(tasks.body(), scriptTitle);
        escaped(tasks.body(), unitName);
        Page cases = page.get("/board/" + id + "/cases");
        assertThat(cases.status()).isEqualTo(200);
        escaped(cases.body(), script);
        Page print = page.get("/board/circulars/" + circular.json().get("id").asLong() + "/print");
        assertThat(print.status()).isEqualTo(200);
        escaped(print.body(), script);
        WebSession phone = new WebSession(port);
        assertThat(phone.login(f.supervisors.get(0), Fixture.PASSWORD).status()).isEqualTo(302);
        Page mine = phone.get("/m/cases");
        assertThat(mine.status()).isEqualTo(200);
        escaped(mine.body(), script);
    }

    /** The longest town and campaign name set-up takes still make a circular (its number and issuing office). */
    @Example
    void longestNamesStillMakeACircular() {
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        Fixture f = new Fixture(identity);
        CampaignRequest small = f.small(LocalDate.of(2027, 9, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-03", true, null)), false);
        String town = (f.p + "镇".repeat(100)).substring(0, 100);
        CampaignRequest request = new CampaignRequest("创".repeat(200), town, small.kind(), small.level(), small.template(),
                small.standard(), small.startDate(), small.phases(), small.leadingGroup(), small.office(), small.supervisors(),
                small.units(), small.tasks(), small.draft());
        long id = ApiCampaign.start(port, management, f, request).id();
        clock.set(FuzzWorld.NOW);
        Reply circular = new Api(port, f.supervisors.get(0), Fixture.PASSWORD).post("/api/supervision/circulars",
                Map.of("campaignId", id, "from", "2027-09-01", "to", "2027-09-07"));
        assertThat(circular.status()).as(circular.raw()).isEqualTo(201);
        assertThat(circular.json().get("number").asText()).startsWith(town);
        assertThat(circular.json().get("issuingOffice").asText()).startsWith("创".repeat(200));
    }

    static UnitRequest withName(UnitRequest u, String name) {
        return new UnitRequest(u.code(), name, u.type(), u.head(), u.deputy(), u.roles());
    }

    /**
     * The text as a neutralised cell holds it: as the application stores it (trimmed, so a leading tab or CR is gone),
     * behind an apostrophe when it would start a formula.
     */
    static String neutral(String typed) {
        String s = typed.trim();
        return !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** The page shows the text escaped, never as markup. */
    static void escaped(String html, String text) {
        assertThat(html).as("raw markup on the page").doesNotContain(text);
        assertThat(html).as("the text, escaped").contains(text.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;"));
    }

    /**
     * Every cell of every sheet as text, after checking that none is a formula and that no text cell starts a formula
     * unless it is quote-prefixed.
     */
    static List<String> cells(byte[] xlsx) throws IOException {
        List<String> all = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            String v = cell.getStringCellValue();
                            boolean dangerous = !v.isEmpty() && FORMULA_START.indexOf(v.charAt(0)) >= 0;
                            assertThat(dangerous && !cell.getCellStyle().getQuotePrefixed())
                                    .as("cell %s of %s starts a formula: %s", cell.getAddress(), sheet.getSheetName(), v)
                                    .isFalse();
                            all.add(v);
                        }
                    }
                }
            }
        }
        return all;
    }
}
