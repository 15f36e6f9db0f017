package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.DecisionTable;
import cn.chuangwei.support.DecisionTable.Outcome;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/indicator-compliance.dmn} and {@code dmn/acceptance-readiness.dmn} at its boundaries. */
class InspectionDecisionTest {

    static final DecisionTable COMPLIANCE = new DecisionTable("indicator-compliance.dmn", "indicator-compliance");
    static final DecisionTable READINESS = new DecisionTable("acceptance-readiness.dmn", "acceptance-readiness");

    static Map<String, Object> reading(String comparison, Double reading, Double threshold, String grade,
                                       String gradeThreshold, Boolean achieved, boolean veto) {
        Map<String, Object> v = new HashMap<>();
        v.put("comparison", comparison);
        v.put("reading", reading);
        v.put("threshold", threshold);
        v.put("grade", grade);
        v.put("gradeThreshold", gradeThreshold);
        v.put("achieved", achieved);
        v.put("veto", veto);
        return v;
    }

    @ParameterizedTest(name = "{0} reading {1} vs {2}, veto {3} -> {4}")
    @CsvSource({
            // satisfaction >= 90% is a veto item: 89.9 fails it, 90.0 meets it
            "GE, 89.9,  90,  true,  VETO_FAILED, Rule_VetoFailed",
            "GE, 90.0,  90,  true,  COMPLIANT,   Rule_Compliant",
            "GE, 100,   90,  true,  COMPLIANT,   Rule_Compliant",
            // health knowledge >= 80%: 79.99 fails, 80 meets
            "GE, 79.99, 80,  false, FAILED,      Rule_Failed",
            "GE, 80,    80,  false, COMPLIANT,   Rule_Compliant",
            // school health education 100%
            "GE, 99.9,  100, false, FAILED,      Rule_Failed",
            // an upper bound (LE)
            "LE, 5.0,   5,   false, COMPLIANT,   Rule_Compliant",
            "LE, 5.1,   5,   false, FAILED,      Rule_Failed",
            "LE, 5.1,   5,   true,  VETO_FAILED, Rule_VetoFailed"})
    void numbers(String comparison, double reading, double threshold, boolean veto, String result, String rule) {
        Outcome o = COMPLIANCE.evaluate(reading(comparison, reading, threshold, null, null, null, veto));
        assertThat(o.get("result")).isEqualTo(result);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "grade {0} vs at least {1}, veto {2} -> {3}")
    @CsvSource({
            "C, C, true,  COMPLIANT,   Rule_Compliant",
            "D, C, true,  VETO_FAILED, Rule_VetoFailed",
            "A, C, true,  COMPLIANT,   Rule_Compliant",
            "B, B, false, COMPLIANT,   Rule_Compliant",
            "C, B, false, FAILED,      Rule_Failed",
            "D, D, true,  COMPLIANT,   Rule_Compliant"})
    void grades(String grade, String threshold, boolean veto, String result, String rule) {
        Outcome o = COMPLIANCE.evaluate(reading("GRADE_AT_LEAST", null, null, grade, threshold, null, veto));
        assertThat(o.get("result")).isEqualTo(result);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "achieved {0}, veto {1} -> {2}")
    @CsvSource({
            "true,  true,  COMPLIANT,   Rule_Compliant",
            "false, true,  VETO_FAILED, Rule_VetoFailed",
            "false, false, FAILED,      Rule_Failed"})
    void yesNo(boolean achieved, boolean veto, String result, String rule) {
        Outcome o = COMPLIANCE.evaluate(reading("IS_TRUE", null, null, null, null, achieved, veto));
        assertThat(o.get("result")).isEqualTo(result);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "missing reading for {0} -> MISSING")
    @CsvSource({"GE", "LE", "GRADE_AT_LEAST", "IS_TRUE"})
    void missing(String comparison) {
        Outcome o = COMPLIANCE.evaluate(reading(comparison, null, 90.0, null, "C", null, true));
        assertThat(o.get("result")).isEqualTo("MISSING");
        assertThat(o.rule()).isEqualTo("Rule_Missing");
    }

    @ParameterizedTest(name = "vetoes {0}, failed {1}, areas low {2}, score/pass {3} -> {4}")
    @CsvSource({
            "1, 0, 0, 1.2,   NOT_ELIGIBLE, Rule_Veto",
            "2, 3, 1, 0.5,   NOT_ELIGIBLE, Rule_Veto",
            "0, 1, 0, 1.2,   RECTIFY,      Rule_Indicators",
            "0, 0, 1, 1.2,   RECTIFY,      Rule_Areas",
            "0, 0, 0, 0.999, RECTIFY,      Rule_Score",
            "0, 0, 0, 1.0,   READY,        Rule_Ready",
            "0, 0, 0, 1.18,  READY,        Rule_Ready"})
    void readiness(int vetoes, int failed, int areasLow, double scoreOverPass, String readiness, String rule) {
        Outcome o = READINESS.evaluate(Map.of("vetoFailed", vetoes, "failedIndicators", failed, "areasBelowMin", areasLow,
                "scoreOverPass", scoreOverPass));
        assertThat(o.get("readiness")).isEqualTo(readiness);
        assertThat(o.rule()).isEqualTo(rule);
    }
}
