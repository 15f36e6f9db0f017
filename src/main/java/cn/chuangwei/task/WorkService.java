package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.CurrentUser;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's Camunda tasks. Lists come from the engine with the caller's authorizations applied, so a unit
 * head sees only their unit's tasks; completing a task checks who may do it, checks the form's answers, claims the
 * task for the caller and completes it, all in one transaction.
 */
@Service
public class WorkService {

    private static final List<String> CONTEXT = List.of("campaignId", "phase", "taskRowId", "unitCode");
    /** The tasks of {@code phase.bpmn} assigned to one signer: someone else is refused as not a signer. */
    private static final Set<String> SIGNING = Set.of("signGate", "leaderDecision");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskRowRepository rows;
    private final TaskForms forms;
    private final CurrentUser currentUser;
    private final AppRights appRights;

    WorkService(TaskService tasks, RuntimeService runtime, HistoryService history, TaskRowRepository rows,
                TaskForms forms, CurrentUser currentUser, AppRights appRights) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.rows = rows;
        this.forms = forms;
        this.currentUser = currentUser;
        this.appRights = appRights;
    }

    /**
     * Tasks the caller is to work on: assigned to them, or open to them or one of their groups (not those they may only
     * read). Two indexed queries, merged: one query with an OR over the assignee and the candidate links scans every
     * running task (at province scale, 20,000 of them: 197 ms against 30 ms in the benchmark). Each query selects by
     * the caller's own name and groups, so it names only tasks the caller works on; it runs without the engine's
     * authorization check, which costs a scan of every authorization (one per open task) per query.
     */
    public List<WorkItem> myTasks(Long campaignId, String taskDefinitionKey) {
        String user = currentUser.id();
        Map<String, Task> found = new LinkedHashMap<>();
        // a candidate user's query takes in the groups the user belongs to
        for (TaskQuery q : List.of(tasks.createTaskQuery().taskAssignee(user), tasks.createTaskQuery().taskCandidateUser(user))) {
            if (campaignId != null) {
                q.processVariableValueEquals("campaignId", campaignId);
            }
            if (taskDefinitionKey != null) {
                q.taskDefinitionKey(taskDefinitionKey);
            }
            appRights.lookUp(() -> q.initializeFormKeys().list()).forEach(t -> found.putIfAbsent(t.getId(), t));
        }
        // the office's and the supervisors' groups are every town's: a town's people work only on their town's tasks
        List<String> towns = currentUser.tenants();
        List<Task> list = found.values().stream()
                .filter(t -> t.getTenantId() == null || towns.contains(t.getTenantId()))
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                .toList();
        Map<String, Map<String, Object>> contexts = contexts(list);
        return list.stream().map(t -> item(t, contexts.get(t.getId()), false)).toList();
    }

    /**
     * The context (campaign, phase, row, unit) of the listed tasks of decomposition rows, in three queries rather than
     * a command per task: the row is a variable of the task itself ({@link LinkTaskToRowListener}), the campaign and
     * the phase are its process's, the unit is the row's. Tasks not found so are left out and read one by one.
     */
    private Map<String, Map<String, Object>> contexts(List<Task> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> rowOfTask = new HashMap<>();
        appRights.lookUp(() -> runtime.createVariableInstanceQuery()
                .taskIdIn(list.stream().map(Task::getId).toArray(String[]::new))
                .variableName(TaskVariables.TASK_ROW_ID).disableCustomObjectDeserialization().list())
                .forEach(v -> {
                    if (v.getValue() instanceof Number n) {
                        rowOfTask.put(v.getTaskId(), n.longValue());
                    }
                });
        if (rowOfTask.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> ofProcess = new HashMap<>();
        appRights.lookUp(() -> runtime.createVariableInstanceQuery()
                .processInstanceIdIn(list.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                        .toArray(String[]::new))
                .variableNameIn("campaignId", "phase").disableCustomObjectDeserialization().list())
                .stream().filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()))
                .forEach(v -> ofProcess.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        Map<Long, String> units = rows.unitCodes(rowOfTask.values());
        Map<String, Map<String, Object>> contexts = new HashMap<>();
        for (Task t : list) {
            Long row = rowOfTask.get(t.getId());
            Map<String, Object> process = ofProcess.getOrDefault(t.getProcessInstanceId(), Map.of());
            if (row != null && units.get(row) != null && process.get("campaignId") != null && process.get("phase") != null) {
                contexts.put(t.getId(), Map.of("campaignId", process.get("campaignId"), "phase", process.get("phase"),
                        "taskRowId", row, "unitCode", units.get(row)));
            }
        }
        return contexts;
    }

    public WorkItem get(String taskId) {
        return item(visibleTask(taskId), null, true);
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> answers) {
        Task task = visibleTask(taskId);
        String user = currentUser.id();
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw ApiException.forbidden(SIGNING.contains(task.getTaskDefinitionKey()) ? "not-a-signer" : "not-your-task");
        }
        Map<String, Object> values = answers == null ? Map.of() : answers;
        forms.check(task.getTaskDefinitionKey(), values);
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user);
        }
        tasks.complete(taskId, new HashMap<>(values));
    }

    /**
     * The task, if the caller may work on it (its assignee, or a candidate by name or group; the engine checks its
     * authorizations again when the task is assigned and completed): 404 when there is no such task, 409 when it was
     * completed already, 403 when it belongs to someone else (another unit, another signer).
     */
    Task visibleTask(String taskId) {
        Task any = appRights.lookUp(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (any != null && mayWork(any)) {
            return any;
        }
        if (any == null) {
            boolean done = appRights.lookUp(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
            throw done ? ApiException.conflict("task-already-completed", "taskId", taskId)
                    : ApiException.notFound("unknown-task", taskId);
        }
        throw ApiException.forbidden(SIGNING.contains(any.getTaskDefinitionKey()) ? "not-a-signer" : "not-your-task");
    }

    /** Whether the caller works on the task: its assignee, or (unassigned) a candidate user or in a candidate group. */
    boolean mayWork(Task task) {
        if (task.getTenantId() != null && !currentUser.tenants().contains(task.getTenantId())) {
            return false;
        }
        String user = currentUser.id();
        if (user.equals(task.getAssignee())) {
            return true;
        }
        if (task.getAssignee() != null) {
            return false;
        }
        List<IdentityLink> links = appRights.lookUp(() -> tasks.getIdentityLinksForTask(task.getId()));
        List<String> groups = currentUser.groups();
        return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .anyMatch(l -> user.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId())));
    }

    private WorkItem item(Task t, Map<String, Object> context, boolean withForm) {
        Map<String, Object> v = context != null ? context : tasks.getVariables(t.getId(), CONTEXT);
        Map<String, Object> form = null;
        if (withForm) {
            form = new HashMap<>(tasks.getVariables(t.getId(), List.of("campaignName", "phaseName", "unitName", "taskTitle",
                    "taskTarget", "taskDeadlineText", "resultSummary", "lastReturnReason", "area", "areaName", "itemsText",
                    "indicatorsText")));
            form.values().removeIf(java.util.Objects::isNull);
        }
        return new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getFormKey(), t.getCreateTime(),
                t.getDueDate(), t.getAssignee(), v.get("campaignId") == null ? null : ((Number) v.get("campaignId")).longValue(),
                (String) v.get("phase"), v.get("taskRowId") == null ? null : ((Number) v.get("taskRowId")).longValue(),
                (String) v.get("unitCode"), t.getProcessInstanceId(), form);
    }
}
