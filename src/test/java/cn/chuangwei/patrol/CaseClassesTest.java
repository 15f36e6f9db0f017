package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.kernel.Texts;
import cn.chuangwei.support.H2Test;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case categories as data (issue 16, item 6): every small class belongs to a big class of 部件 or 事件, has a code
 * of its own and says how far it rests on GB/T 30428.2 (never claimed as the standard's code); every one routes, normal
 * and urgent, by its own rule of {@code case-routing.dmn}; the 13 categories of before are all still there.
 */
@H2Test
class CaseClassesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseNames names;
    @Autowired
    DecisionService decisions;

    @Test
    void everyCategoryHasItsClassCodeAndProvenanceAndRoutesByItsOwnRule() {
        List<CaseNames.Category> all = names.classified(Texts.ZH);
        assertThat(all).extracting(CaseNames.Category::code).contains("STREET_CLEANLINESS", "GARBAGE", "ILLEGAL_ADS",
                "CLUTTER", "ILLEGAL_BUILDING", "STREET_VENDING", "SHOP_FRONT", "TOILET", "MARKET", "FOOD_BUSINESS",
                "VECTOR_BREEDING", "WATER", "OTHER");
        assertThat(all).hasSize(jdbc.sql("select count(*) from case_category").query(Integer.class).single());
        assertThat(all).extracting(CaseNames.Category::kind).contains("PART", "EVENT").containsOnly("PART", "EVENT");
        Set<String> codes = new HashSet<>();
        for (CaseNames.Category c : all) {
            assertThat(codes.add(c.classNo())).as("class code %s once", c.classNo()).isTrue();
            assertThat(c.classNo()).startsWith(c.classCode()).startsWith("PART".equals(c.kind()) ? "P" : "E");
            assertThat(c.provenance()).isIn("RECONSTRUCTION", "LOCAL_PRACTICE");
            assertThat(c.name()).isNotBlank();
            assertThat(c.className()).isNotBlank();
            for (String urgency : List.of("NORMAL", "URGENT")) {
                var result = decisions.evaluateDecisionTableByKey("case-routing").variables(Variables.createVariables()
                        .putValue("category", c.code()).putValue("urgency", urgency)).evaluate();
                assertThat(result.getSingleResult()).as("%s %s routes", c.code(), urgency).isNotNull();
                assertThat((String) result.getSingleResult().getEntry("unitRole")).isNotBlank();
            }
        }
        assertThat(jdbc.sql("select provenance from case_class").query(String.class).list())
                .containsOnly("RECONSTRUCTION");
        assertThat(names.classifiedName("CLUTTER", Texts.ZH)).isEqualTo("事件 · 街面秩序 · 乱堆乱放");
        assertThat(names.classifiedName("TOILET", Locale.ENGLISH)).isEqualTo("Component · Street sanitation facilities · Public toilets");
        assertThat(names.groups(Texts.ZH).get(0).label()).isEqualTo("部件 · 公用设施");
    }
}
