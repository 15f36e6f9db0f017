package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random values in the path and the query of every GET of the API and of the board's pages (ids that are no numbers or
 * out of range, unknown codes, impossible months and dates, script, control characters, unknown parameters): never a
 * 5xx; the API refuses with a bilingual ApiError, a page with the error page (no stack trace); nothing is written.
 */
@H2Test
class AddressFuzzTest extends FuzzWorldProperties {

    /**
     * The API's GET addresses; {c} the running campaign, {d} the draft, {r} a task row, {t} a task, {k} a case, {g} the
     * running campaign's town, {n} its county, {p} the case's photo, {u} a unit head of the town.
     */
    static final List<String> API = List.of("/api/campaigns/{c}", "/api/templates/{x}", "/api/campaigns/{c}/tasks",
            "/api/campaigns/{c}/tasks/{r}/events", "/api/tasks", "/api/tasks/{t}", "/api/task-rows/{r}/evidence",
            "/api/evidence/{x}/content", "/api/campaigns/{c}/dossier", "/api/campaigns/{c}/dossier/gaps",
            "/api/standards/{x}", "/api/standards/{x}/workbook.xlsx", "/api/standards/{x}/versions",
            "/api/campaigns/{c}/thresholds", "/api/campaigns/{c}/inspections",
            "/api/campaigns/{c}/assessment/{m}", "/api/campaigns/{c}/assessment/{m}/xlsx", "/api/supervision/overdue",
            "/api/supervision/overdue/xlsx", "/api/supervision/tasks", "/api/supervision/escalations",
            "/api/supervision/circulars", "/api/supervision/circulars/{x}/{x}", "/api/cases", "/api/cases/stats",
            "/api/cases/stats/xlsx", "/api/cases/{k}", "/api/cases/{k}/events", "/api/campaigns/{c}/grids",
            "/api/dashboard/{c}", "/api/calendar/{y}", "/api/mail-templates", "/api/campaigns", "/api/templates",
            "/api/standards", "/api/regions", "/api/regions/{g}/people", "/api/regions/{n}/board", "/api/regions/{n}/circulars",
            "/api/regions/{n}/circulars/{x}/pdf", "/api/people/{u}/reach", "/api/me/reach", "/api/campaigns/{c}/robots");

    /** The board's pages and their exports. */
    static final List<String> PAGES = List.of("/", "/board/{c}", "/board/{c}/tasks", "/board/{c}/tasks/{r}/tasklist",
            "/board/{c}/cases", "/board/{c}/cases/{k}", "/board/{c}/cases/{k}/photos/{p}", "/board/{c}/cases/xlsx", "/board/{c}/overdue", "/board/{c}/overdue/xlsx", "/board/{c}/acceptance",
            "/board/{c}/ranking", "/board/{c}/ranking/xlsx", "/board/circulars/{x}/print", "/m/report", "/m/complaint", "/m/cases",
            "/login", "/board/regions", "/board/regions/{g}", "/board/county/{n}", "/board/county/{n}/xlsx",
            "/board/standards", "/board/standards/{x}/workbook.xlsx", "/board/{c}/thresholds",
            "/board/county/{n}/circulars/{x}/pdf", "/board/{c}/circulars", "/board/{c}/circulars/preview",
            "/board/circulars/{x}/pdf", "/board/circulars/{x}/docx", "/board/regions/{g}/people/{u}/reach", "/work/reach",
            "/board/{c}/robots");

    /** Query parameters the endpoints read, and some they do not. */
    static final List<String> PARAMS = List.of("campaignId", "phase", "unit", "status", "state", "deputy", "level", "lang",
            "month", "from", "to", "due", "closed", "screen", "all", "taskDefinitionKey", "done", "checked", "format", "x",
            "task", "minDays", "critical", "title", "body", "issued",
            "campaignId[]", "");

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value for a path variable or a parameter: often a good one, else a hostile one. */
    Arbitrary<String> value(String good) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(good)),
                Tuple.of(2, Arbitraries.of("0", "-1", "9223372036854775807", "9223372036854775808", "1e3", "0x10", "１２",
                        "2027-13", "2027-02", "+999999999-12", "-999999999-01", "2027-9", "2027-02-30", "+999999999-12-31",
                        "zh", "en", "fr", "1", "null", "undefined", "MOBILIZATION", "RED", "OPEN", "overdue", "pdf", "xlsx")),
                Tuple.of(3, Hostile.text().filter(s -> s.length() < 500)));
    }

    Arbitrary<String> address(List<String> templates) {
        String town = String.valueOf(jdbc.sql("select town_id from campaign where id = :c").param("c", w.active)
                .query(Long.class).single());
        Map<String, String> good = new java.util.HashMap<>(Map.of("{c}", String.valueOf(w.active), "{r}",
                String.valueOf(w.taskRow), "{t}", w.unitTask, "{k}", String.valueOf(w.patrolCase), "{m}", "2027-08", "{y}",
                "2027", "{x}", "national-2021", "{g}", town, "{n}", String.valueOf(w.county.id()), "{p}",
                String.valueOf(w.casePhoto)));
        good.put("{u}", w.f.head("dzb"));
        Arbitrary<String> path = Arbitraries.of(templates).flatMap(t -> {
            Matcher m = Pattern.compile("\\{[a-z]}").matcher(t);
            List<String> vars = m.results().map(r -> r.group()).toList();
            if (vars.isEmpty()) {
                return Arbitraries.just(t);
            }
            return value("").list().ofSize(vars.size()).map(values -> {
                String p = t;
                for (int i = 0; i < vars.size(); i++) {
                    String v = values.get(i).isEmpty() ? good.get(vars.get(i)) : values.get(i);
                    p = p.replaceFirst(Pattern.quote(vars.get(i)), Matcher.quoteReplacement(enc(v)));
                }
                return p;
            });
        });
        Arbitrary<String> query = Combinators.combine(Arbitraries.of(PARAMS), value(String.valueOf(w.active)))
                .as((k, v) -> enc(k) + "=" + enc(v)).list().ofMaxSize(4).map(ps -> String.join("&", ps));
        return Combinators.combine(path, query).as((p, q) -> q.isEmpty() ? p : p + "?" + q);
    }

    @Provide
    Arbitrary<String> apiAddresses() {
        return address(API);
    }

    @Provide
    Arbitrary<String> pageAddresses() {
        return address(PAGES);
    }

    @Property(tries = 200)
    void apiReadsNeverFail(@ForAll("apiAddresses") String path) {
        Map<String, Object> before = refusals.snapshot();
        Reply r = new Api(port, w.f.office, Fixture.PASSWORD).get(path);
        refusals.check("GET", path, r, before);
        assertThat(refusals.snapshot()).as("GET %s wrote", path).isEqualTo(before);
    }

    WebSession page;

    @Property(tries = 150)
    void pagesNeverFail(@ForAll("pageAddresses") String path) {
        if (page == null) {
            page = new WebSession(port);
            assertThat(page.login(w.f.supervisors.get(0), Fixture.PASSWORD).status()).isEqualTo(302);
        }
        Page p = page.get(path);
        assertThat(p.status()).as("GET %s answered %s: %s", path, p.status(), Refusals.abbreviate(p.body())).isLessThan(500);
        if (p.status() >= 400 && !Refusals.refusedAtTheDoor(path)) {
            assertThat(p.contentType()).as(path).startsWith("text/html");
            assertThat(p.body()).as(path).contains("id=\"back\"").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    /**
     * Addresses where a campaign's board path meets another page's ("/board/{campaignId}/overdue" and
     * "/board/regions/{id}" both take "/board/regions/overdue"): Spring MVC once found them ambiguous, a 500.
     */
    @net.jqwik.api.Example
    void boardAddressesThatLookAlikeAreNotAmbiguous() {
        for (String path : List.of("/board/regions/overdue", "/board/county/overdue/xlsx", "/board/calendar/tasks",
                "/board/circulars/circulars", "/board/campaigns/cases", "/board/county/ranking/xlsx")) {
            pagesNeverFail(path);
        }
    }
}
