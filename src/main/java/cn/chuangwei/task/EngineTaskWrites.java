package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.FormRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes to a task's variables through the engine's REST API ({@code /engine-rest}, and so Tasklist). The engine lets
 * whoever may work on a task set any variable through it, and a variable the task's scope does not hold lands in the
 * whole process: a unit head could rewrite the phase process every unit shares (its campaign, its deadline, the unit a
 * task goes to). So, as the application's own API does: a task's variables are set only by completing its form, and a
 * completion carries only the form's answers; the read-only fields Tasklist sends back with a form pass unchanged.
 * Administrators keep the engine's own rules.
 */
@Configuration
class EngineTaskWrites {

    private static final Pattern TASK_PATH =
            Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/.*)?$");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

    @Bean
    ResourceConfigCustomizer chuangweiEngineTaskWrites(TaskService tasks, WorkService work, TaskForms forms,
                                                       CurrentUser currentUser, ObjectMapper json) {
        return config -> config.register(new Guard(tasks, work, forms, currentUser, json));
    }

    static class Guard implements ContainerRequestFilter {

        private final TaskService tasks;
        private final WorkService work;
        private final TaskForms forms;
        private final CurrentUser currentUser;
        private final ObjectMapper json;

        Guard(TaskService tasks, WorkService work, TaskForms forms, CurrentUser currentUser, ObjectMapper json) {
            this.tasks = tasks;
            this.work = work;
            this.forms = forms;
            this.currentUser = currentUser;
            this.json = json;
        }

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            Matcher m = TASK_PATH.matcher(request.getUriInfo().getPath());
            if (!m.matches() || !WRITES.contains(request.getMethod()) || currentUser.isAdmin()) {
                return;
            }
            String taskId = m.group(1);
            if (m.group(2).endsWith("ariables")) {
                throw ApiException.forbidden("task-variables-by-form");
            }
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            Set<String> answers = task == null ? null
                    : forms.of(task.getTaskDefinitionKey()).map(FormRules::answers).orElse(null);
            // someone who may not work on the task is refused by the engine itself, as before
            if (answers == null || !work.mayWork(task) || body.length == 0) {
                return;
            }
            JsonNode variables;
            try {
                variables = json.readTree(body).path("variables");
            } catch (IOException e) {
                return;  // the engine answers a malformed body
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                if (!answers.contains(v.getKey()) && !unchanged(taskId, v.getKey(), v.getValue().path("value"))) {
                    throw ApiException.badRequest("not-an-answer", v.getKey(), v.getKey());
                }
            }
        }

        /** A read-only field of the form (the task's title, the campaign's name) sent back as it is. */
        private boolean unchanged(String taskId, String name, JsonNode sent) {
            Object current;
            try {
                current = tasks.getVariable(taskId, name);
            } catch (AuthorizationException e) {
                return false;
            }
            String now = current == null ? "" : current.toString();
            String then = sent.isMissingNode() || sent.isNull() ? "" : sent.isValueNode() ? sent.asText() : sent.toString();
            return Objects.equals(now, then);
        }
    }
}
