package cn.chuangwei.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.chuangwei.kernel.FormRules.Field;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a form's rules check answers: the refusal, its field and its arguments. */
class FormRulesTest {

    private static final FormRules HANDLE = FormRules.userTask("p", "handle", "handle-form",
            Field.readOnly("title"),
            Field.choice("outcome", "DONE", "LATER"),
            Field.text("result", 5).requiredWhen("outcome", "DONE"),
            Field.date("until").requiredWhen("outcome", "LATER"));

    private static ApiException refusal(Map<String, Object> answers) {
        return catchThrowableOfType(ApiException.class, () -> HANDLE.check(answers));
    }

    @Test
    void anythingButAnAnswerIsRefusedFirstAReadOnlyFieldToo() {
        ApiException e = refusal(Map.of("title", "x"));
        assertThat(e.code()).isEqualTo("unknown-field");
        assertThat(e.field()).isEqualTo("title");
        assertThat(HANDLE.answers()).containsExactly("outcome", "result", "until");
    }

    @Test
    void aChoiceIsRequiredAndOneOfItsOptions() {
        assertThat(refusal(Map.of()).code()).isEqualTo("required");
        ApiException e = refusal(Map.of("outcome", "SOON"));
        assertThat(e.code()).isEqualTo("invalid-choice");
        assertThat(e.args()).containsExactly("outcome", "SOON", "DONE, LATER");
    }

    @Test
    void aFieldRequiredForAnOptionIsRequiredForThatOptionOnly() {
        assertThat(refusal(Map.of("outcome", "DONE", "result", "\u3000 ")).code()).isEqualTo("required");
        assertThat(refusal(Map.of("outcome", "DONE", "result", " 123456 ")).code()).isEqualTo("too-long");
        assertThatCode(() -> HANDLE.check(Map.of("outcome", "DONE", "result", " 12345 "))).doesNotThrowAnyException();
        // a date is checked as a date where it is required, and only there
        assertThat(refusal(Map.of("outcome", "LATER", "until", "tomorrow")).code()).isEqualTo("invalid-date");
        assertThatCode(() -> HANDLE.check(Map.of("outcome", "DONE", "result", "ok", "until", "tomorrow")))
                .doesNotThrowAnyException();
        assertThat(refusal(Map.of("outcome", "DONE", "result", 5)).code()).isEqualTo("invalid-value");
    }

    @Test
    void variablesAreReadForTheAnswersOnly() {
        Map<String, Object> variables = new HashMap<>(Map.of("title", "shown", "outcome", "LATER", "until", "2027-01-04"));
        assertThatCode(() -> HANDLE.checkVariables(variables::get)).doesNotThrowAnyException();
        variables.remove("until");
        assertThat(catchThrowableOfType(ApiException.class, () -> HANDLE.checkVariables(variables::get)).field())
                .isEqualTo("until");
    }
}
