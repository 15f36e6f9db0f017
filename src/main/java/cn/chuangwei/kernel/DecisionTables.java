package cn.chuangwei.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * The application's own decision tables ({@code dmn/}), evaluated in memory on a standalone DMN engine: the latest
 * deployed version of a table, parsed once per version and node, with no decision instance written to the engine's
 * history and no check of the caller's rights (the table is the application's to read, whoever's action asks it). The
 * latest version is looked up on each evaluation (one indexed query), so a table deployed anew takes effect at once on
 * every node. What a decision leads to is recorded where it matters (an escalation step, a case's route, a gate's
 * outcome), not as the engine's decision history. Decisions a process model evaluates itself (business rule tasks)
 * stay the engine's.
 */
@Component
public class DecisionTables {

    /** A version of a table as deployed: its definition id, its model and the parsed decision. */
    public record Table(String definitionId, DmnModelInstance model, DmnDecision decision) {
    }

    /** A table's single matching rule's outputs (null when no rule matched) and the ids of the rules that matched. */
    public record Decided(DmnDecisionRuleResult result, List<String> rules) {
    }

    /** The rules matched by the evaluation under way on this thread. */
    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

    private final RepositoryService repository;
    private final AppRights appRights;
    private final DmnEngine engine;
    private final Map<String, Table> parsed = new ConcurrentHashMap<>();

    DecisionTables(RepositoryService repository, AppRights appRights) {
        this.repository = repository;
        this.appRights = appRights;
        this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(event -> {
                    List<String> matched = MATCHED.get();
                    if (matched != null) {
                        event.getMatchingRules().forEach(r -> matched.add(r.getId()));
                    }
                }))
                .buildEngine();
    }

    /** The latest deployed version of the table with this key (the decision's id in its model). */
    public Table latest(String key) {
        DecisionDefinition d = appRights.lookUp(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult());
        if (d == null) {
            throw new IllegalStateException("no decision table " + key + " deployed");
        }
        return parsed.computeIfAbsent(d.getId(), id -> {
            DmnModelInstance model = appRights.lookUp(() -> repository.getDmnModelInstance(id));
            return new Table(id, model, engine.parseDecision(key, model));
        });
    }

    /** Evaluates the latest version of a table whose hit policy gives at most one rule. */
    public Decided decide(String key, VariableMap inputs) {
        return decide(latest(key), inputs);
    }

    /** Evaluates this version of a table whose hit policy gives at most one rule. */
    public Decided decide(Table table, VariableMap inputs) {
        List<String> matched = new ArrayList<>();
        MATCHED.set(matched);
        try {
            DmnDecisionRuleResult r = engine.evaluateDecisionTable(table.decision(), inputs).getSingleResult();
            return new Decided(r, List.copyOf(matched));
        } finally {
            MATCHED.remove();
        }
    }
}
