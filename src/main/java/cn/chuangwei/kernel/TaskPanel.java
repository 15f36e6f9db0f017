package cn.chuangwei.kernel;

import java.util.Locale;
import java.util.Map;

/**
 * What the workbench's task page shows beside a task's form, contributed by the module that owns the task's process:
 * the evidence beside the result under review, a gate's figures beside the signature, a case's photos beside its
 * registration. The workbench collects every such bean, so a module adds a panel without editing the workbench.
 *
 * <p>The workbench asks a panel only after it has checked that the caller may work on the task, and asks with the
 * caller's engine authentication in place; a panel still shows only what the caller may see.
 */
public interface TaskPanel {

    /** Whether this panel belongs beside the form of tasks with this definition key (keys are unique across models). */
    boolean shows(String taskDefinitionKey);

    /** The panel for one task, or null when there is nothing to show. */
    View view(String taskId, Locale locale);

    /**
     * A Thymeleaf template under {@code pages/} holding a fragment named {@code panel}, which reads its data from the
     * variable {@code panel} (this model); panels are shown in ascending {@code order}.
     */
    record View(String template, Map<String, Object> model, int order) {
    }
}
