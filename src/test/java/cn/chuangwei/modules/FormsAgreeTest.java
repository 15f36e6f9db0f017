package cn.chuangwei.modules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.FormRules.Required;
import cn.chuangwei.kernel.FormRules.Type;
import cn.chuangwei.kernel.ProcessForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms under {@code bpmn/forms} and the rules the application enforces ({@link FormRules}, declared by
 * each process's module as a {@link ProcessForms} bean) agree: every form is shown by a user task or a start event of
 * a model under {@code bpmn/}, has rules in Java for that element, and the two name the same fields, the same read-only
 * fields, the same required fields (a field the form hides unless a choice has a value is required for that value), the
 * same longest answers and the same options. Display-only components (text, html…) are left out. No Spring context:
 * the rules are found by scanning the classpath for {@link ProcessForms} components.
 */
class FormsAgreeTest {

    /** The forms a start event shows (Tasklist's "start process"): the rest are user tasks' forms. */
    private static final Map<String, String> START_FORMS = Map.of("campaign-start", "campaign#CampaignStarted");

    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator");
    /** The one condition the forms use: hidden unless a choice has a value. */
    private static final Pattern HIDE_UNLESS = Pattern.compile("=\\s*(\\w+)\\s*!=\\s*\"([^\"]*)\"\\s*");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form shown by a process element: the process's id, the element's id, whether it is a start event. */
    record Use(String process, String element, String form, boolean startEvent) {
    }

    @Test
    void everyFormIsShownByAModelAndTheStartFormsAreTheListedOnes() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<Use> uses = uses();
        List<String> problems = new ArrayList<>();
        for (String form : forms.keySet()) {
            if (uses.stream().noneMatch(u -> u.form().equals(form))) {
                problems.add(form + ": no user task or start event shows it");
            }
        }
        for (Use u : uses) {
            if (!forms.containsKey(u.form())) {
                problems.add(u.process() + "#" + u.element() + ": no form " + u.form() + " under bpmn/forms");
            }
        }
        Map<String, String> startForms = new TreeMap<>();
        uses.stream().filter(Use::startEvent).forEach(u -> startForms.put(u.form(), u.process() + "#" + u.element()));
        assertThat(problems).isEmpty();
        assertThat(startForms).as("start forms (START_FORMS lists them)").isEqualTo(new TreeMap<>(START_FORMS));
    }

    @Test
    void everyFormHasItsRulesInJavaAndEveryRuleItsForm() throws IOException {
        Map<String, FormRules> rules = javaRules();
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Use u : uses()) {
            String at = u.process() + "#" + u.element();
            used.add(at);
            FormRules r = rules.get(at);
            if (r == null) {
                problems.add(at + " shows " + u.form() + " but no ProcessForms declares its rules");
            } else if (!r.form().equals(u.form()) || r.startForm() != u.startEvent()) {
                problems.add(at + " shows " + u.form() + (u.startEvent() ? " as start form" : "") + ", the rules say "
                        + r.form() + (r.startForm() ? " as start form" : ""));
            }
        }
        rules.keySet().stream().filter(at -> !used.contains(at))
                .forEach(at -> problems.add(at + ": rules in Java for an element no model has (or that shows no form)"));
        assertThat(problems).isEmpty();
        // the registry of user-task forms is keyed by task definition key alone
        List<String> taskKeys = rules.values().stream().filter(r -> !r.startForm()).map(FormRules::element).toList();
        assertThat(taskKeys).doesNotHaveDuplicates();
    }

    @Test
    void theRulesAndTheFormsNameTheSameFieldsWithTheSameRules() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> problems = new ArrayList<>();
        for (FormRules r : javaRules().values()) {
            JsonNode form = forms.get(r.form());
            if (form == null) {
                continue;  // reported by everyFormIsShownByAModel…
            }
            Map<String, Field> inForm = new LinkedHashMap<>();
            fields(form.path("components"), r.form(), inForm, problems);
            Map<String, Field> inJava = new LinkedHashMap<>();
            r.fields().forEach(f -> inJava.put(f.key(), f));
            Set<String> keys = new LinkedHashSet<>(inForm.keySet());
            keys.addAll(inJava.keySet());
            for (String key : keys) {
                Field f = inForm.get(key);
                Field j = inJava.get(key);
                if (f == null) {
                    problems.add(r.form() + "." + key + ": in the Java rules, not in the form");
                } else if (j == null) {
                    problems.add(r.form() + "." + key + ": in the form, not in the Java rules");
                } else if (!f.equals(j)) {
                    problems.add(r.form() + "." + key + ": the form says " + f + ", Java says " + j);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStartFormOffersTheTemplatesShipped() throws IOException {
        Set<String> shipped = new TreeSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.yaml")) {
            try (InputStream in = file.getInputStream()) {
                shipped.add(yaml.readTree(in).path("id").asText());
            }
        }
        FormRules start = javaRules().get(START_FORMS.get("campaign-start"));
        assertThat(start.fields().stream().filter(f -> f.key().equals("template")).findFirst().orElseThrow().options())
                .containsExactlyInAnyOrderElementsOf(shipped);
    }

    /**
     * The form's components as the rules would describe them: read-only (or disabled) fields, text with its longest
     * answer, choices with their values, dates; required always, or (hidden unless a choice has a value) for that value.
     * Anything the rules cannot describe is reported.
     */
    private static void fields(JsonNode components, String form, Map<String, Field> out, List<String> problems) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String key = c.path("key").asText(null);
            String at = form + "." + (key == null ? c.path("id").asText() : key);
            if (c.has("components")) {
                fields(c.path("components"), form, out, problems);
                continue;
            }
            if (DISPLAY_ONLY.contains(type)) {
                continue;
            }
            if (key == null) {
                problems.add(at + ": a " + type + " without a key");
                continue;
            }
            JsonNode validate = c.path("validate");
            validate.fieldNames().forEachRemaining(v -> {
                if (!v.equals("required") && !v.equals("maxLength")) {
                    problems.add(at + ": validate." + v + " has no counterpart in FormRules");
                }
            });
            Required required = null;
            if (validate.path("required").asBoolean(false)) {
                String hide = c.path("conditional").path("hide").asText(null);
                Matcher m = hide == null ? null : HIDE_UNLESS.matcher(hide);
                if (hide == null) {
                    required = Required.ALWAYS;
                } else if (m.matches()) {
                    required = new Required(m.group(1), m.group(2));
                } else {
                    problems.add(at + ": a required field hidden by a condition FormRules cannot say: " + hide);
                }
            }
            int maxLength = validate.path("maxLength").asInt(0);
            Field field;
            if (c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
                field = new Field(key, Type.READ_ONLY, required, maxLength, List.of());
            } else {
                switch (type) {
                    case "textfield", "textarea" -> field = new Field(key, Type.TEXT, required, maxLength, List.of());
                    case "radio", "select" -> {
                        if (c.has("valuesKey") || c.has("valuesExpression")) {
                            // options from a variable (the 派遣 form's units of the campaign): the rules take the answer
                            // as text of at most maxLength; the module checks it against the variable's source
                            if (c.has("values") || (c.has("valuesKey") && c.has("valuesExpression"))) {
                                problems.add(at + ": options from more than one source");
                            }
                            field = new Field(key, Type.TEXT, required, maxLength, List.of());
                        } else {
                            List<String> options = new ArrayList<>();
                            c.path("values").forEach(v -> options.add(v.path("value").asText()));
                            field = new Field(key, Type.CHOICE, required, maxLength, options);
                        }
                    }
                    case "datetime" -> {
                        if (!"date".equals(c.path("subtype").asText())) {
                            problems.add(at + ": a datetime that is not a date");
                        }
                        // a date picker sends yyyy-MM-dd: ten characters
                        field = new Field(key, Type.DATE, required, maxLength == 0 ? 10 : maxLength, List.of());
                    }
                    default -> {
                        problems.add(at + ": a " + type + ", which FormRules cannot describe");
                        continue;
                    }
                }
            }
            if (out.put(key, field) != null) {
                problems.add(at + ": the key twice");
            }
        }
    }

    /** Every form under {@code bpmn/forms}, by its id. */
    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn", "forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                assertThat(form.path("id").asText()).as(file + ": its id").isEqualTo(
                        file.getFileName().toString().replaceFirst("\\.form$", ""));
                forms.put(form.path("id").asText(), form);
            }
        }
        assertThat(forms).isNotEmpty();
        return forms;
    }

    /** Every user task and start event of the models under {@code bpmn/} that shows a Camunda Form. */
    private static List<Use> uses() throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask t : model.getModelElementsByType(UserTask.class)) {
                    if (t.getCamundaFormRef() != null) {
                        uses.add(new Use(processOf(t), t.getId(), t.getCamundaFormRef(), false));
                    }
                }
                for (StartEvent e : model.getModelElementsByType(StartEvent.class)) {
                    if (e.getCamundaFormRef() != null) {
                        uses.add(new Use(processOf(e), e.getId(), e.getCamundaFormRef(), true));
                    }
                }
            }
        }
        return uses;
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance e = element;
        while (!(e instanceof Process)) {
            e = e.getParentElement();
        }
        return ((Process) e).getId();
    }

    /** The rules every {@link ProcessForms} component declares, by {@code process#element}. */
    private static Map<String, FormRules> javaRules() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProcessForms.class));
        Map<String, FormRules> rules = new TreeMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("cn.chuangwei")) {
            try {
                Class<?> type = Class.forName(bean.getBeanClassName());
                assertThat(type.isAnnotationPresent(Component.class)).as(type + " is a @Component").isTrue();
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                for (FormRules r : ((ProcessForms) constructor.newInstance()).forms()) {
                    assertThat(rules.put(r.process() + "#" + r.element(), r)).as("rules twice for " + r.element()).isNull();
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(bean.getBeanClassName() + " needs a constructor without arguments", e);
            }
        }
        assertThat(rules).isNotEmpty();
        return rules;
    }
}
