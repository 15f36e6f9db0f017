package cn.chuangwei.work;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms as the engine deployed them: a task's form ({@link FormService#getDeployedTaskForm}) with the values
 * of its fields from the task's variables, and a form by its id for the office's preview.
 */
@Component
class DeployedForms {

    /**
     * A form's schema (JSON text, safe inside a script element), the values it opens with, and its title: the first
     * line of its first text block, as the form itself heads its fields.
     */
    record Form(String schema, String data, String title) {
    }

    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final FormService forms;
    private final RepositoryService repository;
    private final AppRights appRights;
    private final ObjectMapper json;

    DeployedForms(FormService forms, RepositoryService repository, AppRights appRights, ObjectMapper json) {
        this.forms = forms;
        this.repository = repository;
        this.appRights = appRights;
        this.json = json;
    }

    /**
     * The task's form and the values of its fields (strings, numbers, booleans; dates as yyyy-MM-dd), read with the
     * caller's rights; null when the task has no Camunda Form.
     */
    Form ofTask(String taskId, ZoneId zone) {
        JsonNode schema;
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            schema = json.readTree(in);
        } catch (org.camunda.bpm.engine.BadUserRequestException e) {
            return null; // no deployed form
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> options = new LinkedHashSet<>();
        keys(schema, keys, options);
        keys.addAll(options);
        Map<String, Object> data = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            VariableMap values = forms.getTaskFormVariables(taskId, List.copyOf(keys), false);
            for (String key : keys) {
                Object v = values.containsKey(key) ? values.getValueTyped(key).getValue() : null;
                if (v instanceof String text && options.contains(key)) {
                    data.put(key, options(text));
                } else if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    data.put(key, v);
                } else if (v instanceof Date d) {
                    data.put(key, d.toInstant().atZone(zone).toLocalDate().toString());
                }
            }
        }
        return new Form(safe(schema), safe(json.valueToTree(data)), title(schema));
    }

    /** A deployed form by its id (the newest deployment holding {@code forms/<id>.form}), with no data. */
    Form byId(String formId) {
        if (formId == null || !FORM_ID.matcher(formId).matches()) {
            throw ApiException.notFound("unknown-form", formId);
        }
        String wanted = formId + ".form";
        return appRights.lookUp(() -> {
            for (Deployment d : repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 200)) {
                for (String name : repository.getDeploymentResourceNames(d.getId())) {
                    if (name.equals(wanted) || name.endsWith("/" + wanted)) {
                        try (InputStream in = repository.getResourceAsStream(d.getId(), name)) {
                            JsonNode schema = json.readTree(in);
                            return new Form(safe(schema), "{}", title(schema));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
            throw ApiException.notFound("unknown-form", formId);
        });
    }

    /** The first line of the form's first text block without its Markdown heading marks; null when it has none. */
    static String title(JsonNode schema) {
        JsonNode components = schema.get("components");
        if (components != null && components.isArray()) {
            for (JsonNode c : components) {
                if ("text".equals(c.path("type").asText()) && c.path("text").isTextual()) {
                    String line = c.get("text").asText().strip().lines().findFirst().orElse("");
                    line = line.replaceFirst("^#+\\s*", "").strip();
                    return line.isEmpty() ? null : line;
                }
            }
        }
        return null;
    }

    /**
     * A select's or radio group's options held by a variable ({@code valuesKey}): the variable is JSON text,
     * [{"label": "...", "value": "..."}] (the engine has no JSON variable type here); none when it is not such a list.
     */
    private JsonNode options(String text) {
        try {
            JsonNode list = json.readTree(text);
            return list != null && list.isArray() ? list : json.createArrayNode();
        } catch (IOException e) {
            return json.createArrayNode();
        }
    }

    /** The ids of the deployed forms' fields and of the variables holding options, components nested in groups included. */
    private static void keys(JsonNode node, Set<String> keys, Set<String> options) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            if (c.hasNonNull("key") && c.get("key").isTextual()) {
                keys.add(c.get("key").asText());
            }
            if (c.hasNonNull("valuesKey") && c.get("valuesKey").isTextual()) {
                options.add(c.get("valuesKey").asText());
            }
            if (c.hasNonNull("valuesExpression") && c.get("valuesExpression").isTextual()) {
                keys.addAll(expressionVariables(c.get("valuesExpression").asText()));
            }
            keys(c, keys, options);
        }
    }

    private static final Pattern NAME = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|([A-Za-z_][A-Za-z0-9_]*)(\\s*[(:])?");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "for", "in", "return", "some", "every",
            "satisfies", "and", "or", "not", "null", "true", "false", "instance", "of", "between", "function", "substring",
            "string", "date", "time");

    /**
     * The variables a FEEL expression of options reads ({@code valuesExpression}, e.g. the 派遣 form's
     * "for c in split(unitChoices, ";") return {...}"): its names outside strings that are neither FEEL's words nor
     * functions called, nor a context's keys ("label:"). A name the expression binds itself ("c") is asked for too,
     * and the task has no such variable.
     */
    static Set<String> expressionVariables(String expression) {
        Set<String> names = new LinkedHashSet<>();
        java.util.regex.Matcher m = NAME.matcher(expression);
        while (m.find()) {
            if (m.group(1) != null && m.group(2) == null && !FEEL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** JSON for a {@code <script type="application/json">} element: no "</script>" can come out of a value. */
    private String safe(JsonNode node) {
        try {
            return json.writeValueAsString(node).replace("<", "\\u003c");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
