package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages load no asset from outside the application (no CDN, no web font from the net): every template and static
 * file references none, the browser loads none on the main pages (its resource timing, scripts, style sheets, images,
 * frames), and every page carries a Content-Security-Policy that allows only the application itself.
 */
@H2Test
class SameOriginAssetsTest {

    /** The pages a supervisor visits, {id} the campaign; add a page here when it is built. */
    static final List<String> PAGES = List.of("/board/{id}", "/board/{id}?screen=1", "/board/{id}/tasks",
            "/board/{id}/overdue", "/board/{id}/ranking", "/board/{id}/cases", "/board/{id}/circulars", "/m/report",
            "/m/cases", "/", "/work", "/board/{id}/thresholds");
    /** The pages a unit head visits, {task} their open task (the workbench draws its form with the vendored form-js). */
    static final List<String> HEAD_PAGES = List.of("/work", "/work/tasks/{task}");

    /** Addresses in a file that name something rather than load it: XML namespaces. */
    private static final Pattern NAMESPACE = Pattern.compile("https?://(www\\.thymeleaf\\.org|www\\.w3\\.org/[0-9]{4}/"
            + "(svg|xhtml|xlink|XMLSchema-instance)|www\\.w3\\.org/1999/xhtml)\\b");
    /** An address that a page would load: absolute or protocol-relative, in an attribute, a CSS url() or @import. */
    private static final Pattern REMOTE = Pattern.compile(
            "(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s\"')]*");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void noTemplateOrStaticFileReferencesAnotherSite() throws IOException {
        List<String> remote = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources/pages"), Path.of("src/main/resources/static"),
                Path.of("src/main/resources/documents"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                // a vendored library (static/assets/vendor) is third-party code at a pinned version: its licence and
                // documentation addresses are text, and what it loads is what the browser test below sees
                for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/vendor/")).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.matches(".*\\.(html|css|js|mjs|svg|json|xhtml)$")) {
                        continue;
                    }
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher m = REMOTE.matcher(text);
                    while (m.find()) {
                        // a comment's licence or documentation link in a vendored library is not loaded
                        String line = lineOf(text, m.start());
                        if (NAMESPACE.matcher(m.group()).lookingAt() || isComment(line) || name.endsWith(".min.js")
                                && !line.contains("src=") && !line.contains("import")) {
                            continue;
                        }
                        remote.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(remote).as("addresses outside the application in templates and static files").isEmpty();
    }

    @Test
    void theBrowserLoadsNothingFromOutsideTheApplication() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        Fixture f = new Fixture(identity);
        long id = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false)).id();
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));
        List<String> outside = new ArrayList<>();
        try (Browser b = new Browser(port, 1366, 900)) {
            b.open("/login");
            outside.addAll(remote(b, "/login"));
            b.login(f.supervisors.get(0), Fixture.PASSWORD);
            for (String page : PAGES) {
                String path = page.replace("{id}", String.valueOf(id));
                b.open(path);
                b.find("body");
                if (path.equals("/board/" + id) || path.startsWith("/board/" + id + "?")) {
                    b.awaitCharts();
                }
                outside.addAll(remote(b, path));
            }
        }
        String task = new cn.chuangwei.support.Api(port, f.head("cgzx"), Fixture.PASSWORD).get("/api/tasks?campaignId=" + id)
                .json().get(0).get("id").asText();
        try (Browser b = new Browser(port, 390, 844)) {
            b.open("/login");
            b.login(f.head("cgzx"), Fixture.PASSWORD);
            for (String page : HEAD_PAGES) {
                String path = page.replace("{task}", task);
                b.open(path);
                b.find("body");
                if (path.startsWith("/work/tasks/")) {
                    b.find("#form[data-rendered='true']");
                }
                outside.addAll(remote(b, path));
            }
            // the same-origin check sees a remote resource when there is one
            b.driver().executeScript("const i = document.createElement('img'); i.src = 'https://cdn.example.com/x.png';"
                    + " document.body.appendChild(i);");
            assertThat(remote(b, "probe")).anyMatch(u -> u.contains("cdn.example.com"));
        }
        assertThat(outside).as("resources loaded from outside the application").isEmpty();
    }

    @Test
    void everyPageAllowsOnlyTheApplicationItself() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/board/1", "/m/report", "/board/no-such-page")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").doesNotContainPattern("https?:|\\*");
            assertThat(csp).as(path).containsPattern("script-src 'self'( |;|$)");
        }
    }

    /** Every address the page loaded or refers to for loading that is not the application's own. */
    @SuppressWarnings("unchecked")
    private static List<String> remote(Browser b, String page) {
        List<String> urls = (List<String>) b.driver().executeScript("""
                const urls = performance.getEntriesByType('resource').map(e => e.name);
                document.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src]')
                    .forEach(e => urls.push(e.src));
                document.querySelectorAll('link[href]').forEach(e => urls.push(e.href));
                document.querySelectorAll('object[data]').forEach(e => urls.push(e.data));
                return urls.filter(u => !u.startsWith(location.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));""");
        return urls.stream().map(u -> page + ": " + u).toList();
    }

    private static String lineOf(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static boolean isComment(String line) {
        String t = line.trim();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*") || t.startsWith("<!--") || t.startsWith("#");
    }
}
