package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
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
        assertThat(national.get("items")).hasSize(41);
        assertThat(national.get("scope").asText()).contains("建成区");
        assertThat(national.get("source").get("document").asText()).isEqualTo("全爱卫发〔2021〕6号");
        assertThat(national.get("source").get("status").asText()).isEqualTo("RECONSTRUCTED");
        // item (二), the only item of the 2021 text verified besides (一): village committees' 公共卫生委员会
        JsonNode committee = byCode(national.get("items"), "ORG-06");
        assertThat(committee.get("name").asText()).contains("公共卫生委员会");
        assertThat(committee.get("source").get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(committee.get("source").get("clause").asText()).contains("（二）");
        // the 2021 reporting set: street cleaning and pest-proofing split, toilets against the province's average,
        // the trends; the 2010 indicators not in it are gone
        List<String> codes = national.get("indicators").findValuesAsText("code");
        assertThat(codes).contains("MAIN_STREET_CLEANING_HOURS", "LANE_CLEANING_HOURS", "FLY_PROOFING_RATE",
                "RODENT_PROOFING_RATE", "RURAL_SANITARY_TOILETS", "STUDENT_MYOPIA_TREND", "STUDENT_OBESITY_TREND",
                "SATISFACTION", "RODENT_DENSITY").hasSize(30)
                .doesNotContain("PROVINCIAL_SANITARY_VILLAGES", "GARBAGE_CONTAINER_COVERAGE", "CLOSED_GARBAGE_TRANSPORT",
                        "TAP_WATER_COVERAGE", "PEST_PROOFING_KEY_TRADES", "SANITARY_TOILET_COVERAGE");
        JsonNode toilets = byCode(national.get("indicators"), "RURAL_SANITARY_TOILETS");
        assertThat(toilets.get("comparison").asText()).isEqualTo("GE_REFERENCE");
        assertThat(toilets.get("threshold").isNull()).isTrue();
        assertThat(byCode(national.get("indicators"), "STUDENT_MYOPIA_TREND").get("comparison").asText())
                .isEqualTo("NOT_RISING");
        assertThat(byCode(national.get("indicators"), "SATISFACTION").get("source").get("document").asText())
                .isEqualTo("全爱卫发〔2010〕6号");
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
        // the Jiangsu file as the published Jiangsu standard has it: students 80 / 70 %, sewers 80 % under 环境卫生,
        // 六清六建 under 组织管理
        assertThat(byCode(provincial.get("indicators"), "STUDENT_HEALTH_KNOWLEDGE").get("threshold").asInt()).isEqualTo(80);
        assertThat(byCode(provincial.get("indicators"), "STUDENT_HEALTH_BEHAVIOUR").get("threshold").asInt()).isEqualTo(70);
        JsonNode sewer = byCode(provincial.get("indicators"), "SEWER_COVERAGE");
        assertThat(sewer.get("threshold").asInt()).isEqualTo(80);
        assertThat(sewer.get("areaCode").asText()).isEqualTo("ENVIRONMENTAL_SANITATION");
        assertThat(sewer.get("source").get("status").asText()).isEqualTo("PUBLISHED");
        JsonNode cleanUp = byCode(provincial.get("items"), "ORG-05");
        assertThat(cleanUp.get("name").asText()).contains("六清六建");
        assertThat(cleanUp.get("areaCode").asText()).isEqualTo("ORG_MANAGEMENT");
    }

    static JsonNode byCode(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (n.get("code").asText().equals(code)) {
                return n;
            }
        }
        throw new AssertionError(code + " not in " + list);
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
        assertThat(ok.json().get("items")).hasSize(46);
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
        // the campaign's own number rests on the office's word, no longer on the standard's source
        JsonNode own = byCode(office.get("/api/campaigns/" + id + "/thresholds").json(), "SATISFACTION");
        assertThat(own.get("source").get("status").asText()).isEqualTo("LOCAL_PRACTICE");
        assertThat(own.get("source").get("document").isNull()).isTrue();
        Reply sourced = office.put("/api/campaigns/" + id + "/thresholds/SATISFACTION",
                Map.of("threshold", 95, "source", "苏爱卫〔2020〕1号 第三条"));
        assertThat(sourced.json().get("source").get("document").asText()).isEqualTo("苏爱卫〔2020〕1号 第三条");
        assertThat(office.put("/api/campaigns/" + id + "/thresholds/SATISFACTION",
                Map.of("threshold", 95, "source", List.of("x"))).json().get("field").asText()).isEqualTo("source");
        JsonNode untouched = byCode(office.get("/api/campaigns/" + id + "/thresholds").json(), "SEWER_COVERAGE");
        assertThat(untouched.get("source").get("status").asText()).isNotEqualTo("LOCAL_PRACTICE");
    }

    /** A campaign on the 2021 national standard. */
    static CampaignRequest national(CampaignRequest r) {
        return new CampaignRequest(r.name(), r.town(), r.kind(), r.level(), r.template(), "national-2021", r.startDate(),
                r.phases(), r.leadingGroup(), r.office(), r.supervisors(), r.units(), r.tasks(), r.draft());
    }

    @Test
    void aReferenceValueIsEnteredWithItsSourceAndATrendTakesNoThreshold() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Reply created = office.post("/api/campaigns", national(f.small(LocalDate.of(2027, 4, 1), List.of(), true)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String thresholds = "/api/campaigns/" + id + "/thresholds";
        JsonNode toilets = byCode(office.get(thresholds).json(), "RURAL_SANITARY_TOILETS");
        assertThat(toilets.get("comparison").asText()).isEqualTo("GE_REFERENCE");
        assertThat(toilets.get("threshold").isNull()).isTrue();
        assertThat(toilets.get("referenceSource").isNull()).isTrue();

        Reply noSource = office.put(thresholds + "/RURAL_SANITARY_TOILETS", Map.of("threshold", 71.2));
        assertThat(noSource.status()).as(noSource.raw()).isEqualTo(400);
        assertThat(noSource.json().get("code").asText()).isEqualTo("reference-source-required");
        assertThat(noSource.json().get("message").asText()).contains("RURAL_SANITARY_TOILETS");
        assertThat(noSource.json().get("messageEn").asText()).contains("name its source");
        assertThat(office.put(thresholds + "/RURAL_SANITARY_TOILETS", Map.of("threshold", 171.2, "source", "省统计公报"))
                .json().get("code").asText()).isEqualTo("percent-out-of-range");
        assertThat(byCode(office.get(thresholds).json(), "RURAL_SANITARY_TOILETS").get("threshold").isNull()).isTrue();

        Reply set = office.put(thresholds + "/RURAL_SANITARY_TOILETS",
                Map.of("threshold", 71.2, "source", "全省平均水平：省卫生健康委2026年统计公报"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.json().get("threshold").asDouble()).isEqualTo(71.2);
        assertThat(set.json().get("referenceSource").asText()).isEqualTo("全省平均水平：省卫生健康委2026年统计公报");
        JsonNode inForce = byCode(office.get(thresholds).json(), "RURAL_SANITARY_TOILETS");
        assertThat(inForce.get("threshold").asDouble()).isEqualTo(71.2);
        assertThat(inForce.get("referenceSource").asText()).contains("统计公报");
        assertThat(inForce.get("source").get("status").asText()).isEqualTo("INDICATOR_ONLY");

        Reply trend = office.put(thresholds + "/STUDENT_MYOPIA_TREND", Map.of("threshold", 50));
        assertThat(trend.status()).as(trend.raw()).isEqualTo(400);
        assertThat(trend.json().get("code").asText()).isEqualTo("threshold-not-allowed");
    }
}
