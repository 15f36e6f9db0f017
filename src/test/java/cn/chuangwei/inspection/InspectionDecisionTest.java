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
        v.put("reading1", null);
        v.put("reading2", null);
        return v;
    }

    static Map<String, Object> trend(Double oldest, Double middle, Double latest, boolean veto) {
        Map<String, Object> v = reading("NOT_RISING", latest, null, null, null, null, veto);
        v.put("reading1", oldest);
        v.put("reading2", middle);
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
    @CsvSource({"GE", "LE", "GRADE_AT_LEAST", "IS_TRUE", "NOT_RISING"})
    void missing(String comparison) {
        Outcome o = COMPLIANCE.evaluate(reading(comparison, null, 90.0, null, "C", null, true));
        assertThat(o.get("result")).isEqualTo("MISSING");
        assertThat(o.rule()).isEqualTo("Rule_Missing");
    }

    @ParameterizedTest(name = "reading {0} vs reference {1} -> {2}")
    @CsvSource({
            // 农村卫生厕所普及率 ≥ the province's average entered for the campaign: equal meets it, just below does not
            "71.2,  71.2, COMPLIANT,    Rule_Compliant",
            "71.19, 71.2, FAILED,       Rule_Failed",
            "90,    71.2, COMPLIANT,    Rule_Compliant",
            "0,     0,    COMPLIANT,    Rule_Compliant",
            // no reference entered: no verdict, never a silent pass, whatever the reading
            "100,   ,     NO_REFERENCE, Rule_NoReference",
            "0,     ,     NO_REFERENCE, Rule_NoReference"})
    void reference(double reading, Double reference, String result, String rule) {
        Outcome o = COMPLIANCE.evaluate(reading("GE_REFERENCE", reading, reference, null, null, null, false));
        assertThat(o.get("result")).isEqualTo(result);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "reading missing, reference {0} -> MISSING")
    @CsvSource(value = {"71.2", "NULL"}, nullValues = "NULL")
    void referenceWithoutReading(Double reference) {
        Outcome o = COMPLIANCE.evaluate(reading("GE_REFERENCE", null, reference, null, null, null, false));
        assertThat(o.get("result")).isEqualTo("MISSING");
        assertThat(o.rule()).isEqualTo("Rule_Missing");
    }

    @ParameterizedTest(name = "trend {0}, {1}, {2} (veto {3}) -> {4}")
    @CsvSource({
            // 近视率 / 肥胖率 over three years, oldest first: not rising passes, any year-on-year rise fails
            "52.0, 51.0, 50.0, false, COMPLIANT,   Rule_Compliant",   // falling
            "52.0, 52.0, 52.0, false, COMPLIANT,   Rule_Compliant",   // flat
            "52.0, 52.0, 51.9, false, COMPLIANT,   Rule_Compliant",   // flat, then falling
            "50.0, 51.0, 52.0, false, FAILED,      Rule_Failed",      // rising
            "52.0, 52.0, 52.1, false, FAILED,      Rule_Failed",      // rising in the last year only, just
            "52.0, 52.1, 52.0, false, FAILED,      Rule_Failed",      // a rise, then back: a year rose
            "52.0, 50.0, 51.0, false, FAILED,      Rule_Failed",      // latest below the oldest, but it rose last year
            "50.0, 51.0, 52.0, true,  VETO_FAILED, Rule_VetoFailed"})
    void trends(double oldest, double middle, double latest, boolean veto, String result, String rule) {
        Outcome o = COMPLIANCE.evaluate(trend(oldest, middle, latest, veto));
        assertThat(o.get("result")).isEqualTo(result);
        assertThat(o.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "trend {0}, {1}, {2} -> MISSING")
    @CsvSource(value = {"NULL, 51, 50", "52, NULL, 50", "52, 51, NULL"}, nullValues = "NULL")
    void trendIncomplete(Double oldest, Double middle, Double latest) {
        Outcome o = COMPLIANCE.evaluate(trend(oldest, middle, latest, false));
        assertThat(o.get("result")).isEqualTo("MISSING");
        assertThat(o.rule()).isEqualTo("Rule_Missing");
    }

    @ParameterizedTest(name = "grade {0} cannot be compared -> MISSING")
    @CsvSource({"E", "X"})
    void unreadable(String grade) {
        Outcome o = COMPLIANCE.evaluate(reading("GRADE_AT_LEAST", null, null, grade, "C", null, true));
        assertThat(o.get("result")).isEqualTo("MISSING");
        assertThat(o.rule()).isEqualTo("Rule_Unreadable");
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
