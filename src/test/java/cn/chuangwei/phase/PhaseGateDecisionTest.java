package cn.chuangwei.phase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.DecisionTable;
import cn.chuangwei.support.DecisionTable.Outcome;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/phase-gate.dmn} and its boundaries, on the standalone DMN engine. */
class PhaseGateDecisionTest {

    static final DecisionTable TABLE = new DecisionTable("phase-gate.dmn", "phase-gate");

    @ParameterizedTest(name = "rejection {0}, past end {1}, accepted {2}, critical open {3} -> {4} ({5})")
    @CsvSource({
            // rule 1: a majority rejects -> ESCALATE; exactly half is not a majority
            "0.6,   false, 1.0,  0, ESCALATE, Rule_MajorityRejects",
            "0.51,  false, 1.0,  0, ESCALATE, Rule_MajorityRejects",
            "0.5,   false, 1.0,  0, HOLD,     Rule_SomeReject",
            // rule 2: phase over and under 80% accepted -> ESCALATE; 80% exactly is not, nor before the end
            "0.0,   true,  0.79, 0, ESCALATE, Rule_OverdueFarBehind",
            "0.0,   true,  0.0,  2, ESCALATE, Rule_OverdueFarBehind",
            "0.0,   true,  0.8,  0, HOLD,     Rule_Behind",
            "0.0,   false, 0.79, 0, HOLD,     Rule_Behind",
            // rule 3: a critical task open -> HOLD
            "0.0,   false, 1.0,  1, HOLD,     Rule_CriticalOpen",
            "0.0,   true,  0.8,  1, HOLD,     Rule_CriticalOpen",
            // rule 4: under 95% accepted -> HOLD; 95% exactly passes
            "0.0,   false, 0.949, 0, HOLD,    Rule_Behind",
            "0.0,   false, 0.95, 0, PASS,     Rule_Pass",
            // rule 5: a minority rejects -> HOLD
            "0.2,   false, 1.0,  0, HOLD,     Rule_SomeReject",
            "0.01,  true,  1.0,  0, HOLD,     Rule_SomeReject",
            // rule 6: all approve, work done -> PASS, whether or not the end date has passed
            "0.0,   false, 1.0,  0, PASS,     Rule_Pass",
            "0.0,   true,  1.0,  0, PASS,     Rule_Pass"})
    void decides(double rejection, boolean pastEnd, double accepted, int critical, String outcome, String rule) {
        Outcome o = TABLE.evaluate(Map.of("rejectionShare", rejection, "pastEnd", pastEnd, "acceptedShare", accepted,
                "criticalOpen", critical));
        assertThat(o.result()).containsOnlyKeys("outcome");
        assertThat(o.get("outcome")).isEqualTo(outcome);
        assertThat(o.rule()).isEqualTo(rule);
    }
}
