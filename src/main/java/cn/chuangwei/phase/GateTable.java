package cn.chuangwei.phase;

import cn.chuangwei.kernel.DecisionTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The phase gate's decision table as deployed ({@code phase-gate}, the latest version, as {@code phase.bpmn} binds
 * it): its rules in words (each rule's description, {@code 中文 / English}) and which rule given inputs meet. It is
 * evaluated in memory ({@link DecisionTables}), so a page asking leaves no decision in the engine's history.
 */
@Component
class GateTable {

    static final String DECISION = "phase-gate";

    private final DecisionTables tables;

    GateTable(DecisionTables tables) {
        this.tables = tables;
    }

    /** The table's rules in order, in the locale's language. */
    List<RuleText> rules(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<RuleText> texts = new ArrayList<>();
        for (Rule r : rules(tables.latest(DECISION))) {
            String d = r.getDescription() == null ? "" : r.getDescription().getTextContent();
            int slash = d.indexOf(" / ");
            String text = slash < 0 ? d : en ? d.substring(slash + 3) : d.substring(0, slash);
            String outcome = r.getOutputEntries().iterator().next().getTextContent().replace("\"", "").trim();
            texts.add(new RuleText(r.getId(), text.trim(), outcome));
        }
        return texts;
    }

    /** The outcome the table gives these inputs, and the rule that gives it (hit policy FIRST: one rule). */
    Decided decide(Map<String, Object> inputs) {
        DecisionTables.Decided d = tables.decide(DECISION, Variables.fromMap(inputs));
        return new Decided((String) d.result().getEntry("outcome"), d.rules().isEmpty() ? null : d.rules().get(0));
    }

    private static java.util.Collection<Rule> rules(DecisionTables.Table table) {
        return table.model().getModelElementById(DECISION).getChildElementsByType(
                org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next().getRules();
    }

    /** A rule of the table in words, with the outcome it gives. */
    record RuleText(String id, String text, String outcome) {
    }

    /** The table's outcome for some inputs and the id of the rule that matched. */
    record Decided(String outcome, String rule) {
    }
}
