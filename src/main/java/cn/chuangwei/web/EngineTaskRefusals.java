package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One answer, through Camunda's REST API ({@code /engine-rest/task/{id}/...}, and Tasklist's
 * {@code /camunda/api/engine/engine/default/task/{id}/...}: an {@link EngineRestRule}), for a task the caller
 * may not see, whatever the endpoint: left alone, the engine says "No task found" with a 400 for a new comment, 404
 * for the task itself, 403 for its variables and a 500 for a task that does not exist. As the application's own API
 * answers:
 * <ul>
 *   <li>403 {@code not-your-task}: the task exists (open, or completed and not the caller's) and the engine's
 *   authorizations hide it from the caller. Task ids are random, so saying that one exists tells nothing about another
 *   unit's work;</li>
 *   <li>404 {@code unknown-task}: there is no such task;</li>
 *   <li>409 {@code task-already-completed}: a completed task the caller worked on or may see in the history;</li>
 *   <li>403 {@code task-history-closed}: the comments and attachments of a task the caller may see, but not its
 *   history, where the engine keeps them (a unit head and their own task).</li>
 * </ul>
 * A task the caller may see goes on to the engine, which checks the rest (claiming, completing) itself; so do the
 * comments and attachments of a task the caller may see in the history, completed or not.
 */
@Configuration
class EngineTaskRefusals {

    private static final Pattern TASK_PATH = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)(/.*)?$");
    /** Addresses under {@code task/} that name no task. */
    private static final Set<String> NOT_A_TASK = Set.of("count", "create", "report");
    /** What the engine reads from a task's history rather than from the task. */
    private static final Pattern HISTORY_PART = Pattern.compile("^/(?:comment|attachment)(?:/.*)?$");

    @Bean
    EngineRestRule chuangweiEngineTaskRefusals(TaskService tasks, HistoryService history, AppRights appRights,
                                                         CurrentUser currentUser) {
        return config -> config.register(new Gate(tasks, history, appRights, currentUser));
    }

    @Priority(Priorities.AUTHORIZATION)
    record Gate(TaskService tasks, HistoryService history, AppRights appRights, CurrentUser currentUser)
            implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            Matcher m = TASK_PATH.matcher(request.getUriInfo().getPath());
            if (!m.matches() || NOT_A_TASK.contains(m.group(1))) {
                return;
            }
            String taskId = m.group(1);
            boolean historyPart = m.group(2) != null && HISTORY_PART.matcher(m.group(2)).matches();
            // with the caller's rights: the engine's authorizations (and tenants) decide what they see
            if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
                if (historyPart && !seenInHistory(taskId)) {
                    throw ApiException.forbidden("task-history-closed");
                }
                return;
            }
            if (appRights.lookUp(() -> tasks.createTaskQuery().taskId(taskId).count()) > 0) {
                throw ApiException.forbidden("not-your-task");
            }
            HistoricTaskInstance done = appRights.lookUp(() ->
                    history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
            if (done == null) {
                throw ApiException.notFound("unknown-task", taskId);
            }
            boolean seen = seenInHistory(taskId);
            if (!seen && !wasTheirs(done)) {
                throw ApiException.forbidden("not-your-task");
            }
            if (historyPart && "GET".equals(request.getMethod())) {
                if (seen) {
                    return;
                }
                throw ApiException.forbidden("task-history-closed");
            }
            throw ApiException.conflict("task-already-completed", "taskId", taskId);
        }

        private boolean seenInHistory(String taskId) {
            return history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        }

        /** Whether the caller was the completed task's assignee, or a candidate by name or group. */
        private boolean wasTheirs(HistoricTaskInstance task) {
            String user = currentUser.id();
            if (user.equals(task.getAssignee())) {
                return true;
            }
            List<String> groups = currentUser.groups();
            return appRights.lookUp(() -> history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list())
                    .stream().anyMatch(l -> user.equals(l.getUserId()) || groups.contains(l.getGroupId()));
        }
    }
}
