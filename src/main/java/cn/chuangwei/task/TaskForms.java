package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.ProcessForms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The forms of every user task, by task definition key, as the modules that own the processes declare them
 * ({@link ProcessForms}). The application's API checks a completion's answers here before it completes a task, and
 * the engine's REST API lets through only a form's answers; the task listeners check the same rules themselves.
 */
@Component
class TaskForms {

    private final Map<String, FormRules> byTask = new HashMap<>();

    TaskForms(List<ProcessForms> processes) {
        for (ProcessForms p : processes) {
            for (FormRules form : p.forms()) {
                if (!form.startForm() && byTask.put(form.element(), form) != null) {
                    throw new IllegalStateException("two forms for user task " + form.element());
                }
            }
        }
    }

    /** The form of a user task, if it has one. */
    public Optional<FormRules> of(String taskKey) {
        return Optional.ofNullable(byTask.get(taskKey));
    }

    /** Checks a task's answers by its definition key; returns nothing, refuses with the field named. */
    public void check(String taskKey, Map<String, Object> answers) {
        of(taskKey).orElseThrow(() -> ApiException.badRequest("unknown-task-kind", "taskDefinitionKey", taskKey))
                .check(answers);
    }
}
