package cn.chuangwei.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/phase-gate.dmn} and its boundaries, on the standalone DMN engine. */
class PhaseGateDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = PhaseGateDecisionTest.class.getResourceAsStream("/dmn/phase-gate.dmn")) {
            decision = dmn.parseDecision("phase-gate", in);
        }
    }

    static DmnDecisionTableResult decide(double rejectionShare, boolean pastEnd, double acceptedShare, int criticalOpen) {
        VariableMap v = Variables.createVariables().putValue("rejectionShare", rejectionShare).putValue("pastEnd", pastEnd)
                .putValue("acceptedShare", acceptedShare).putValue("criticalOpen", criticalOpen);
        return dmn.evaluateDecisionTable(decision, v);
    }

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
        DmnDecisionTableResult result = decide(rejection, pastEnd, accepted, critical);
        assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(outcome);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("outcome");
        assertThat(matchedRule(rejection, pastEnd, accepted, critical)).isEqualTo(rule);
    }

    /** The first rule that matches, found by evaluating the table with each rule's id recorded by the engine's listener. */
    static String matchedRule(double rejection, boolean pastEnd, double accepted, int critical) {
        List<String> matched = new java.util.ArrayList<>();
        DmnEngineConfiguration config = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        ((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration) config).customPostDecisionTableEvaluationListeners(
                List.of(event -> event.getMatchingRules().forEach(r -> matched.add(r.getId()))));
        DmnEngine engine = config.buildEngine();
        try (InputStream in = PhaseGateDecisionTest.class.getResourceAsStream("/dmn/phase-gate.dmn")) {
            DmnDecision d = engine.parseDecision("phase-gate", in);
            engine.evaluateDecisionTable(d, Variables.createVariables().putValue("rejectionShare", rejection)
                    .putValue("pastEnd", pastEnd).putValue("acceptedShare", accepted).putValue("criticalOpen", critical));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(matched).hasSize(1);
        return matched.get(0);
    }
}
