package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.DecisionTable;
import cn.chuangwei.support.DecisionTable.Outcome;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every routing rule of {@code dmn/case-routing.dmn}: each category, normal and urgent. */
class CaseRoutingDecisionTest {

    static final DecisionTable TABLE = new DecisionTable("case-routing.dmn", "case-routing");

    @ParameterizedTest(name = "{0} ({1}) -> {2}, handle within {3} h")
    @CsvSource({
            "STREET_CLEANLINESS, NORMAL, sanitation,         16, 9",
            "STREET_CLEANLINESS, URGENT, sanitation,         4,  4",
            "GARBAGE,            NORMAL, sanitation,         8,  9",
            "GARBAGE,            URGENT, sanitation,         4,  4",
            "ILLEGAL_ADS,        NORMAL, sanitation,         16, 9",
            "ILLEGAL_ADS,        URGENT, sanitation,         4,  4",
            "CLUTTER,            NORMAL, sanitation,         16, 9",
            "CLUTTER,            URGENT, sanitation,         4,  4",
            "ILLEGAL_BUILDING,   NORMAL, construction,       45, 9",
            "ILLEGAL_BUILDING,   URGENT, construction,       4,  4",
            "STREET_VENDING,     NORMAL, sanitation,         8,  9",
            "STREET_VENDING,     URGENT, sanitation,         4,  4",
            "SHOP_FRONT,         NORMAL, sanitation,         16, 9",
            "SHOP_FRONT,         URGENT, sanitation,         4,  4",
            "TOILET,             NORMAL, sanitation,         16, 9",
            "TOILET,             URGENT, sanitation,         4,  4",
            "MARKET,             NORMAL, market,             16, 9",
            "MARKET,             URGENT, market,             4,  4",
            "FOOD_BUSINESS,      NORMAL, market-supervision, 27, 9",
            "FOOD_BUSINESS,      URGENT, market-supervision, 4,  4",
            "VECTOR_BREEDING,    NORMAL, health-center,      27, 9",
            "VECTOR_BREEDING,    URGENT, health-center,      4,  4",
            "WATER,              NORMAL, environment,        45, 9",
            "WATER,              URGENT, environment,        4,  4",
            "MANHOLE_COVER,      NORMAL, construction,       8,  9",
            "MANHOLE_COVER,      URGENT, construction,       4,  4",
            "STREET_LAMP,        NORMAL, construction,       27, 9",
            "STREET_LAMP,        URGENT, construction,       4,  4",
            "LITTER_BIN,         NORMAL, sanitation,         16, 9",
            "LITTER_BIN,         URGENT, sanitation,         4,  4",
            "OTHER,              NORMAL, office,             27, 9",
            "OTHER,              URGENT, office,             4,  4"})
    void routes(String category, String urgency, String role, int handleHours, int checkHours) {
        Outcome o = TABLE.evaluate(Map.of("category", category, "urgency", urgency));
        assertThat(o.get("unitRole")).isEqualTo(role);
        assertThat(((Number) o.result().get("handleHours")).intValue()).isEqualTo(handleHours);
        assertThat(((Number) o.result().get("checkHours")).intValue()).isEqualTo(checkHours);
        assertThat(((Number) o.result().get("registerHours")).intValue()).isEqualTo(1);
        assertThat(((Number) o.result().get("dispatchHours")).intValue()).isEqualTo(1);
        // 处理反馈: an urgent case's unit reports back within the hour, any other within half a working day
        assertThat(((Number) o.result().get("feedbackHours")).intValue()).isEqualTo("URGENT".equals(urgency) ? 1 : 4);
        assertThat(o.rule()).isEqualTo("Rule_" + category + ("URGENT".equals(urgency) ? "_Urgent" : "_Normal"));
    }
}
