package cn.chuangwei.phase;

import cn.chuangwei.kernel.AppRights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The phase gate's decision table as deployed ({@code phase-gate}, the latest version, as {@code phase.bpmn} binds
 * it): its rules in words (each rule's description, {@code 中文 / English}) and which rule given inputs meet. It is
 * evaluated on a standalone DMN engine, so a page asking leaves no decision in the engine's history.
 */
@Component
class GateTable {

    static final String DECISION = "phase-gate";

    private final RepositoryService repository;
    private final AppRights appRights;
    /** The rules matched by the evaluation under way on this thread. */
    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    GateTable(RepositoryService repository, AppRights appRights) {
        this.repository = repository;
        this.appRights = appRights;
    }

    /** The table's rules in order, in the locale's language. */
    List<RuleText> rules(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<RuleText> texts = new ArrayList<>();
        for (Rule r : table().rules()) {
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
        Parsed t = table();
        List<String> matched = new ArrayList<>();
        MATCHED.set(matched);
        try {
            String outcome = (String) t.engine().evaluateDecisionTable(t.decision(), Variables.fromMap(inputs))
                    .getSingleResult().getEntry("outcome");
            return new Decided(outcome, matched.isEmpty() ? null : matched.get(0));
        } finally {
            MATCHED.remove();
        }
    }

    private Parsed table() {
        DecisionDefinition d = appRights.lookUp(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).withoutTenantId().latestVersion().singleResult());
        return parsed.computeIfAbsent(d.getId(), id -> {
            DmnModelInstance model = appRights.lookUp(() -> repository.getDmnModelInstance(id));
            List<Rule> rules = List.copyOf(model.getModelElementById(DECISION).getChildElementsByType(
                    org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next().getRules());
            DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                    .customPostDecisionTableEvaluationListeners(List.of(event -> {
                        List<String> matched = MATCHED.get();
                        if (matched != null) {
                            event.getMatchingRules().forEach(r -> matched.add(r.getId()));
                        }
                    }))
                    .buildEngine();
            return new Parsed(rules, engine, engine.parseDecision(DECISION, model));
        });
    }

    private record Parsed(List<Rule> rules, DmnEngine engine, DmnDecision decision) {
    }

    /** A rule of the table in words, with the outcome it gives. */
    record RuleText(String id, String text, String outcome) {
    }

    /** The table's outcome for some inputs and the id of the rule that matched. */
    record Decided(String outcome, String rule) {
    }
}
