package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.support.DecisionTable;
import cn.chuangwei.support.DecisionTable.Outcome;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/notice-routing.dmn}: which channels each kind of notice takes. */
class NoticeRoutingDecisionTest {

    static final DecisionTable TABLE = new DecisionTable("notice-routing.dmn", "notice-routing");

    @ParameterizedTest(name = "{0} -> {1}, unit group {2}, campaign group {3}, digest {4}, SMS at night {5}")
    @CsvSource({
            // routine: the person's first channel; reminders and the two lower rungs may wait for the digest
            "ASSIGNMENT,      FIRST, false, false, false, false, Rule_Assignment",
            "REMINDER,        FIRST, false, false, true,  false, Rule_Reminder",
            "YELLOW,          FIRST, false, false, true,  false, Rule_Yellow",
            "RED,             FIRST, false, false, true,  false, Rule_Red",
            "DIGEST,          FIRST, false, false, false, false, Rule_Digest",
            // 通报 and above: every channel and the group; only 约谈 and 问责 send SMS at night
            "CIRCULAR,        ALL,   true,  false, false, false, Rule_Circular",
            "CIRCULAR_ISSUED, ALL,   false, true,  false, false, Rule_CircularIssued",
            "INTERVIEW,       ALL,   true,  false, false, true,  Rule_Interview",
            "ACCOUNTABILITY,  ALL,   true,  true,  false, true,  Rule_Accountability"})
    void routes(String kind, String reach, boolean unitGroup, boolean campaignGroup, boolean digest, boolean nightSms,
                String rule) {
        Outcome o = TABLE.evaluate(Map.of("notice", kind));
        assertThat(o.get("reach")).isEqualTo(reach);
        assertThat(o.result().get("unitGroup")).isEqualTo(unitGroup);
        assertThat(o.result().get("campaignGroup")).isEqualTo(campaignGroup);
        assertThat(o.result().get("digest")).isEqualTo(digest);
        assertThat(o.result().get("nightSms")).isEqualTo(nightSms);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @Test
    void everyKindOfNoticeHasItsRule() {
        assertThat(Arrays.stream(NoticeKind.values()).map(k -> TABLE.evaluate(Map.of("notice", k.name())).rule()))
                .doesNotContainNull().hasSize(NoticeKind.values().length);
    }

    @Test
    void anUnknownKindMatchesNoRule() {
        assertThatThrownBy(() -> TABLE.evaluate(Map.of("notice", "GOSSIP"))).isInstanceOf(AssertionError.class);
    }
}
