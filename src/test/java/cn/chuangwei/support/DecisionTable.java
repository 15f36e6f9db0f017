package cn.chuangwei.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** A decision table from {@code dmn/}, on the standalone DMN engine, telling which rule matched. */
public class DecisionTable {

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<String> matched = new ArrayList<>();

    public DecisionTable(String file, String decisionKey) {
        DmnEngineConfiguration config = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        ((DefaultDmnEngineConfiguration) config).customPostDecisionTableEvaluationListeners(
                List.of(event -> event.getMatchingRules().forEach(r -> matched.add(r.getId()))));
        engine = config.buildEngine();
        try (InputStream in = DecisionTable.class.getResourceAsStream("/dmn/" + file)) {
            decision = engine.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of the first matching rule, and that rule's id. */
    public record Outcome(Map<String, Object> result, String rule) {
        public String get(String output) {
            return (String) result.get(output);
        }
    }

    public synchronized Outcome evaluate(Map<String, Object> inputs) {
        matched.clear();
        DmnDecisionRuleResult entries = engine.evaluateDecisionTable(decision, Variables.fromMap(inputs))
                .getSingleResult();
        assertThat(matched).as("FIRST hit policy: one rule").hasSize(1);
        return new Outcome(entries.getEntryMap(), matched.get(0));
    }
}
