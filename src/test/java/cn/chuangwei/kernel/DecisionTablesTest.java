package cn.chuangwei.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.H2Test;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Decision tables evaluated in memory: the latest version deployed takes effect at once, and no history is written. */
@H2Test
class DecisionTablesTest {

    static final String KEY = "cw-decision-tables-test";

    @Autowired
    DecisionTables tables;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void aVersionDeployedAnewTakesEffectAtOnceAndNoDecisionIsWrittenToHistory() {
        deploy("\"first\"");
        assertThat(tables.decide(KEY, Variables.createVariables().putValue("n", 5)).result().<String>getEntry("answer"))
                .isEqualTo("first");
        deploy("\"second\"");
        DecisionTables.Decided d = tables.decide(KEY, Variables.createVariables().putValue("n", 5));
        assertThat(d.result().<String>getEntry("answer")).isEqualTo("second");
        assertThat(d.rules()).containsExactly("Rule_Big");
        assertThat(tables.decide(KEY, Variables.createVariables().putValue("n", 1)).result()).isNull();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(KEY).count()).isZero();
    }

    private void deploy(String answer) {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="test" namespace="test">
                  <decision id="%s" name="test" camunda:historyTimeToLive="30">
                    <decisionTable id="t" hitPolicy="FIRST">
                      <input id="i"><inputExpression id="ie" typeRef="integer"><text>n</text></inputExpression></input>
                      <output id="o" name="answer" typeRef="string"/>
                      <rule id="Rule_Big"><inputEntry id="e"><text>&gt; 3</text></inputEntry>
                        <outputEntry id="oe"><text>%s</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(KEY, answer);
        repository.createDeployment().name(KEY).addString(KEY + ".dmn", dmn).deploy();
    }
}
