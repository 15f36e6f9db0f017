package cn.chuangwei.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.kernel.Groups;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.H2Test;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The set-up pages in Debian's Chromium at a phone's size: a county's office creates a town under its county and adds
 * the town's office, who can then sign in; a second try is refused with the reason on the page. Screenshots go to
 * {@code target/screenshots/}.
 */
@H2Test
class RegionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @Test
    void aCountysOfficeCreatesATownAndAddsItsOffice() {
        String p = "rb" + System.nanoTime() % 1_000_000;
        Api admin = new Api(port, "admin", RegionSetupTest.ADMIN_PASSWORD);
        long county = admin.post("/api/regions", Map.of("name", "测试县" + p, "level", "COUNTY")).json().get("id").asLong();
        String overseer = p + "-county";
        assertThat(admin.post("/api/regions/" + county + "/people", Map.of("userId", overseer, "name", "王主任",
                "email", overseer + "@test.example", "password", RegionSetupTest.PASSWORD, "role", "COUNTY_OFFICE"))
                .status()).isEqualTo(201);
        String town = "梅林镇" + p;
        String office = p + "-office";

        try (Browser b = new Browser(port, 412, 915)) {
            b.open("/board/regions");
            b.login(overseer, RegionSetupTest.PASSWORD);
            assertThat(b.path()).isEqualTo("/board/regions");
            assertThat(b.text("h1")).isEqualTo("区域与人员");
            assertThat(b.text("#regions tbody")).contains("测试县" + p);
            assertThat(b.text("#regions tbody tr td:nth-child(2)")).isEqualTo("县");
            new Select(b.find("#parentId")).selectByVisibleText("测试县" + p + "（县）");
            assertThat(new Select(b.find("#level")).getFirstSelectedOption().getText()).isEqualTo("乡镇");
            b.find("#name").sendKeys(town);
            b.screenshot("regions-new-town");
            b.find("#create").click();
            assertThat(b.text("#created")).contains(town);
            assertThat(b.text("#regions tbody")).contains(town).contains("乡镇");

            b.driver().findElement(org.openqa.selenium.By.linkText(town)).click();
            assertThat(b.text("#region-name")).isEqualTo(town);
            String regionPage = b.path();
            assertThat(b.text("#region-path")).isEqualTo("测试县" + p + " › " + town);
            new Select(b.find("#role")).selectByVisibleText("创卫办");
            b.find("#userId").sendKeys(office);
            b.find("#person-name").sendKeys("刘主任");
            b.find("#email").sendKeys(office + "@test.example");
            b.find("#password").sendKeys(RegionSetupTest.PASSWORD);
            b.find("#add").click();
            assertThat(b.text("#added")).contains("刘主任");
            assertThat(b.text("#people tbody")).contains("刘主任").contains("创卫办").contains(office);
            assertThat(b.driver().getPageSource()).doesNotContain("OFFICE<");
            b.screenshot("region-people");

            // the same person again: refused with the reason, the entries kept, nothing saved
            new Select(b.find("#role")).selectByVisibleText("创卫办");
            b.find("#userId").sendKeys(office);
            b.find("#add").click();
            assertThat(b.text("#person-error")).contains("已有这一角色");
            assertThat(b.find("#userId").getDomProperty("value")).isEqualTo(office);
            assertThat(b.all("#people tbody tr")).hasSize(1);

            b.open(regionPage);
            b.find("#lang-en").click();
            assertThat(b.text("#people thead")).contains("Role");
            assertThat(b.text("#people tbody")).contains("Campaign office");
        }
        assertThat(identity.createUserQuery().userId(office).memberOfGroup(Groups.OFFICE).count()).isEqualTo(1);
        assertThat(new Api(port, office, RegionSetupTest.PASSWORD).get("/api/regions").json().toString()).contains(town);
    }
}
