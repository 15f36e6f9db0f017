package cn.chuangwei.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionVariablesTest {

    @Test
    void theVariablesAnOptionsExpressionReads() {
        assertThat(DeployedForms.expressionVariables("=if unitChoices = null then [] else for c in split(unitChoices, \";\")"
                + " return {label: substring after(c, \"=\"), value: substring before(c, \"=\")}"))
                .containsExactly("unitChoices", "c");
        assertThat(DeployedForms.expressionVariables("=items")).containsExactly("items");
        assertThat(DeployedForms.expressionVariables("=\"a b\"")).isEmpty();
    }
}
