package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office sets a campaign's reference value in Debian's Chromium, at a phone's size and at a laptop's: on a campaign
 * on the 2021 national standard it opens 指标与阈值 from the board's readiness panel, finds 农村卫生厕所普及率 waiting
 * for the province's average, enters it without a source and is refused on the page (the source named, nothing
 * written), then with its source, and sees the value in force with where it is from; in English too. A supervisor
 * reads the same page without a form. Screenshots go to {@code target/screenshots/}.
 */
@H2Test
class ThresholdsBrowserTest {

    private static final String TOILETS = "#ind-RURAL_SANITARY_TOILETS";
    private static final String SOURCE = "全省平均水平：省卫生健康委2026年统计公报";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @Test
    void onAPhone() {
        journey(390, 844, "phone");
    }

    @Test
    void onALaptop() {
        journey(1366, 768, "laptop");
    }

    void journey(int width, int height, String size) {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Reply created = office.post("/api/campaigns", StandardsTest.national(f.small(LocalDate.of(2027, 4, 1), List.of(),
                true)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String page = "/board/" + id + "/thresholds";
        try (Browser b = new Browser(port, width, height)) {
            b.open("/board/" + id);
            b.login(f.office, Fixture.PASSWORD);
            b.find("#to-thresholds").click();
            assertThat(b.text("h1")).isEqualTo("指标与阈值");
            assertThat(b.path()).isEqualTo(page);
            assertThat(b.text("#missing")).contains("农村卫生厕所普及率");
            WebElement toilets = b.find(TOILETS);
            assertThat(toilets.getText()).contains("农村卫生厕所普及率", "不低于参照值", "尚未录入参照值", "无（参照值由本活动录入）")
                    .doesNotContain("GE_REFERENCE", "RURAL_SANITARY_TOILETS");
            // the trend has no value to set; an indicator with a number shows its default and where it is from
            assertThat(b.text("#ind-STUDENT_MYOPIA_TREND")).contains("近三年逐年不上升", "无需阈值");
            assertThat(b.all("#ind-STUDENT_MYOPIA_TREND form")).isEmpty();
            assertThat(b.text("#ind-SATISFACTION")).contains("群众对卫生状况满意率", "≥", "全爱卫发〔2010〕6号",
                    "指标已发布、阈值无出处", "未设定，沿用标准默认");
            noSideways(b);
            shot(b, "thresholds-" + size);

            // the province's average without its source: refused on the page, naming the source; nothing written
            b.find(TOILETS + " input[name=threshold]").sendKeys("71.2");
            b.find(TOILETS + " button[type=submit]").click();
            assertThat(b.text("#page-error")).contains("农村卫生厕所普及率", "来源", "未保存");
            assertThat(b.text(TOILETS + " .error")).contains("来源");
            assertThat(b.find(TOILETS + " input[name=source]").getDomAttribute("class")).contains("field-error");
            assertThat(b.find(TOILETS + " input[name=threshold]").getDomProperty("value")).isEqualTo("71.2");
            assertThat(toilets(office, id).get("threshold").isNull()).isTrue();
            noSideways(b);
            b.screenshot("thresholds-refused-" + size);
            card(b, "thresholds-refused-card-" + size);

            // with its source: the value in force, and where it is from
            b.find(TOILETS + " input[name=source]").sendKeys(SOURCE);
            b.find(TOILETS + " button[type=submit]").click();
            assertThat(b.text("#saved")).contains("农村卫生厕所普及率", "不低于参照值 71.2%");
            assertThat(b.path()).startsWith(page + "?saved=");
            assertThat(b.all("#missing")).isEmpty();
            assertThat(b.text(TOILETS + " .in-force")).isEqualTo("不低于参照值 71.2%");
            assertThat(b.text(TOILETS + " .own")).contains("71.2%", "来源：" + SOURCE, "地方做法");
            JsonNode set = toilets(office, id);
            assertThat(set.get("threshold").asDouble()).isEqualTo(71.2);
            assertThat(set.get("referenceSource").asText()).isEqualTo(SOURCE);
            noSideways(b);
            shot(b, "thresholds-saved-" + size);
            card(b, "thresholds-saved-card-" + size);

            b.open(page + "?lang=en");
            assertThat(b.text("h1")).isEqualTo("Indicators and thresholds");
            assertThat(b.text(TOILETS + " .in-force")).isEqualTo("at least the reference value 71.2%");
            assertThat(b.text(TOILETS + " .own")).contains("Source: " + SOURCE, "local practice");
            b.open(page + "?lang=zh");
        }

        // a supervisor reads the page, without a form
        try (Browser b = new Browser(port, width, height)) {
            b.open(page);
            b.login(f.supervisors.get(0), Fixture.PASSWORD);
            assertThat(b.text("#read-only")).contains("仅供查看");
            assertThat(b.text(TOILETS + " .in-force")).isEqualTo("不低于参照值 71.2%");
            assertThat(b.all("form[method=post] input[name=threshold]")).isEmpty();
            noSideways(b);
        }
    }

    private static JsonNode toilets(Api office, long id) {
        return StandardsTest.byCode(office.get("/api/campaigns/" + id + "/thresholds").json(), "RURAL_SANITARY_TOILETS");
    }

    /** The indicator's card alone, where the full page is too long to read. */
    private static void card(Browser b, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(b.find(TOILETS).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void shot(Browser b, String name) {
        b.driver().executeScript("window.scrollTo(0, 0)");
        b.screenshot(name);
    }

    private static void noSideways(Browser b) {
        assertThat(b.sidewaysOverflow()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
