package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shipped standards load; a bad standard file is refused whole, naming the item; a campaign sets its own thresholds. */
@H2Test
class StandardsTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    static String shipped(String code) throws IOException {
        try (InputStream in = StandardsTest.class.getResourceAsStream("/standards/" + code + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    int rows() {
        return jdbc.sql("select (select count(*) from standard) + (select count(*) from standard_item) "
                + "+ (select count(*) from standard_indicator) + (select count(*) from standard_area)").query(Integer.class).single();
    }

    @Test
    void theShippedStandardsAreLoaded() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        assertThat(office.get("/api/standards").raw()).contains("national-2021").contains("provincial-jiangsu");
        JsonNode national = office.get("/api/standards/national-2021").json();
        assertThat(national.get("areas")).hasSize(8);
        assertThat(national.get("items")).hasSize(39);
        JsonNode provincial = office.get("/api/standards/provincial-jiangsu").json();
        assertThat(provincial.get("areas")).hasSize(10);
        assertThat(provincial.get("areas").get(9).get("nameZh").asText()).isEqualTo("民意测验");
        JsonNode satisfaction = null;
        for (JsonNode i : provincial.get("indicators")) {
            if (i.get("code").asText().equals("SATISFACTION")) {
                satisfaction = i;
            }
        }
        assertThat(satisfaction).isNotNull();
        assertThat(satisfaction.get("threshold").asInt()).isEqualTo(90);
        assertThat(satisfaction.get("veto").asBoolean()).isTrue();
        assertThat(provincial.get("indicators").findValuesAsText("code")).contains("RODENT_DENSITY", "MOSQUITO_DENSITY",
                "FLY_DENSITY", "COCKROACH_DENSITY", "NO_TOBACCO_ADS");
    }

    @Test
    void aBadStandardFileIsRefusedNamingTheItemAndNothingIsWritten() throws IOException {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        String good = shipped("provincial-jiangsu").replace("code: provincial-jiangsu", "code: test-" + f.p.toLowerCase());
        int before = rows();
        Map<String, String[]> cases = Map.of(
                "duplicate item code", new String[] {good.replaceFirst("code: HE-02", "code: HE-01"), "duplicate-code", "HE-01"},
                "percent out of range", new String[] {good.replaceFirst("threshold: 90", "threshold: 120"),
                        "percent-out-of-range", "120"},
                "grade other than A-D", new String[] {good.replaceFirst("threshold: \"C\"", "threshold: \"E\""),
                        "invalid-grade", "E"},
                "threshold of the wrong type", new String[] {good.replaceFirst("threshold: 90", "threshold: \"很高\""),
                        "invalid-threshold", "很高"},
                "unknown field", new String[] {good.replaceFirst("passScore:", "passMark: 1\npassScore:"), "unknown-key",
                        "passMark"});
        for (var c : cases.entrySet()) {
            Reply r = office.upload("/api/standards", "standard.yaml", "application/yaml",
                    c.getValue()[0].getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(c.getKey() + ": " + r.raw()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).as(c.getKey()).isEqualTo(c.getValue()[1]);
            assertThat(r.json().get("message").asText()).as(c.getKey()).contains(c.getValue()[2]);
            assertThat(r.json().get("messageEn").asText()).isNotBlank();
        }
        assertThat(rows()).isEqualTo(before);

        Reply ok = office.upload("/api/standards", "standard.yaml", "application/yaml", good.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.json().get("items")).hasSize(44);
        Reply byHead = new Api(port, f.head("dzb"), Fixture.PASSWORD).upload("/api/standards", "s.yaml", "application/yaml",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(byHead.status()).isEqualTo(403);
    }

    @Test
    void aCampaignSetsAStricterThresholdCheckedAgainstTheIndicatorsType() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        long id = office.post("/api/campaigns", f.small(LocalDate.of(2027, 4, 1), List.of(), true)).json().get("id").asLong();
        Reply stricter = office.put("/api/campaigns/" + id + "/thresholds/SATISFACTION", Map.of("threshold", 95));
        assertThat(stricter.status()).as(stricter.raw()).isEqualTo(200);
        assertThat(stricter.json().get("threshold").asInt()).isEqualTo(95);
        assertThat(office.get("/api/campaigns/" + id + "/thresholds").raw()).contains("\"threshold\":95");
        assertThat(office.put("/api/campaigns/" + id + "/thresholds/SATISFACTION", Map.of("threshold", 101)).json()
                .get("code").asText()).isEqualTo("percent-out-of-range");
        assertThat(office.put("/api/campaigns/" + id + "/thresholds/RODENT_DENSITY", Map.of("threshold", "E")).json()
                .get("code").asText()).isEqualTo("invalid-grade");
        assertThat(office.put("/api/campaigns/" + id + "/thresholds/RODENT_DENSITY", Map.of("threshold", "B")).json()
                .get("threshold").asText()).isEqualTo("B");
        assertThat(office.put("/api/campaigns/" + id + "/thresholds/NO_SUCH", Map.of("threshold", 1)).status()).isEqualTo(404);
        assertThat(office.get("/api/campaigns/" + id + "/thresholds").raw()).contains("\"threshold\":95");
    }
}
