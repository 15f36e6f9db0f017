package cn.chuangwei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board of a realistic campaign (the provincial template: twelve units, every phase's tasks) in Chromium: the heat
 * map's numbers are labelled by a legend on a phone and on a desktop, in Chinese and English, the phases not started are
 * grey (not 办理中); the big screen fits 1920×1080 without scrolling; a phone scrolls no page sideways.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardLayoutBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TestClock clock;

    Fixture f;
    long id;

    /** The first phase under way since 1 March, one of its tasks accepted; on 5 March several are overdue. */
    @BeforeAll
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        f = new Fixture(identity);
        ApiCampaign campaign = ApiCampaign.start(port, management, f, f.fromTemplate(LocalDate.of(2027, 3, 1)));
        id = campaign.id();
        campaign.completeAndAccept("dzb", "已成立");
        clock.set(LocalDateTime.of(2027, 3, 5, 10, 0));
    }

    @AfterAll
    void tearDown() {
        clock.reset();
    }

    static long script(Browser b, String js) {
        return ((Number) b.driver().executeScript("return " + js)).longValue();
    }

    /**
     * At 1920×1080 the big screen shows everything without scrolling: in a browser window of that size (its tabs and
     * address bar taking some of the height) and in full screen, as on a wall, where the page has all 1920×1080.
     */
    @Test
    void theBigScreenFitsOneScreen() {
        try (Browser b = new Browser(port, 1920, 1080)) {
            b.open("/login");
            b.login(f.office, Fixture.PASSWORD);
            b.open("/board/" + id + "?screen=1");
            b.awaitCharts();
            fitsTheWindow(b);
            // full screen: the page's viewport is the whole 1920×1080
            long chrome = script(b, "window.outerHeight - window.innerHeight");
            b.driver().manage().window().setSize(new Dimension(1920, 1080 + (int) chrome));
            b.open("/board/" + id + "?screen=1");
            b.awaitCharts();
            assertThat(script(b, "window.innerHeight")).isEqualTo(1080);
            fitsTheWindow(b);
            b.screenshot("board-screen-1920x1080");
        }
    }

    private void fitsTheWindow(Browser b) {
        long window = script(b, "window.innerHeight");
        long page = script(b, "Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        assertThat(window).isGreaterThan(900);
        assertThat(page).as("the big screen's height in a window %d px high", window).isLessThanOrEqualTo(window);
        assertThat(script(b, "document.documentElement.scrollWidth")).isLessThanOrEqualTo(script(b, "window.innerWidth"));
        // every panel is on the screen, the heat map with all twelve units
        for (String panel : List.of("#timeline-panel", "#heat-panel", "#ranking-panel", "#escalations-panel",
                "#readiness-panel", "#patrol-panel")) {
            assertThat(script(b, "document.querySelector('" + panel + "').getBoundingClientRect().bottom"))
                    .as(panel).isLessThanOrEqualTo(window);
        }
        assertThat(b.all("#heatmap tbody tr")).hasSize(12);
        assertThat(script(b, "document.querySelector('#heatmap').getBoundingClientRect().bottom"))
                .as("the heat map's last unit is on the screen").isLessThanOrEqualTo(
                        script(b, "document.querySelector('#heat-panel').getBoundingClientRect().bottom"));
        assertThat(script(b, "document.querySelector('#timeline svg').getBoundingClientRect().height"))
                .as("the timeline is drawn").isGreaterThan(100);
    }

    @Test
    void theHeatMapIsLabelledAndPhasesNotStartedAreGrey() {
        for (int[] size : List.of(new int[] {390, 844}, new int[] {1366, 768})) {
            try (Browser b = new Browser(port, size[0], size[1])) {
                b.open("/login");
                b.login(f.office, Fixture.PASSWORD);
                b.open("/board/" + id);
                b.awaitCharts();
                assertThat(b.text("#heat-legend")).contains("已验收", "办理中", "逾期", "未开始");
                // the legend's keys look as the numbers do
                for (String state : List.of("accepted", "open", "overdue", "pending")) {
                    assertThat(b.find("#heat-legend .key." + state).getCssValue("background-color"))
                            .isEqualTo(b.find("#heatmap .n." + state).getCssValue("background-color"));
                }
                String office = "#heatmap tr[data-unit='" + f.unit("dzb") + "']";
                assertThat(b.find(office + " td[data-phase='MOBILIZATION']").getDomAttribute("class")).isIn("red", "yellow");
                assertThat(b.text(office + " td[data-phase='MOBILIZATION'] a.accepted")).isEqualTo("1");
                for (String phase : List.of("IMPLEMENTATION", "CONSOLIDATION", "SELF_INSPECTION", "ACCEPTANCE")) {
                    for (WebElement cell : b.all("#heatmap td[data-phase='" + phase + "']:not(.empty)")) {
                        assertThat(cell.getDomAttribute("class")).as(phase).isEqualTo("pending");
                        assertThat(cell.findElements(org.openqa.selenium.By.cssSelector(".n.open"))).isEmpty();
                    }
                }
                assertThat(b.all("#heatmap td.pending")).isNotEmpty();
                assertThat(script(b, "document.documentElement.scrollWidth"))
                        .as("no sideways scrolling at " + size[0]).isLessThanOrEqualTo(script(b, "window.innerWidth"));
                b.screenshot("board-heatmap-" + size[0]);

                b.find("#lang-en").click();
                b.awaitCharts();
                assertThat(b.text("#heat-legend")).contains("Accepted", "Open", "Overdue", "Not started");
                if (size[0] == 390) {
                    b.screenshot("board-heatmap-390-en");
                }
            }
        }
    }
}
