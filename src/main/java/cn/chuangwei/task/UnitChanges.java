package cn.chuangwei.task;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.Directory;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office gives a row to another unit of the campaign, with its reason: while the row is with its unit (not yet
 * submitted, or returned for rework), as a deadline moves. The row takes the new unit and its head; its open task in
 * Tasklist leaves the old unit's group for the new one's (the application's rights do it: nobody edits a task's
 * candidates through Tasklist), loses a claim by the old unit and takes the new unit's name; the change is recorded in
 * the row's history and as a comment on the task.
 */
@Service
class UnitChanges {

    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final AppRights appRights;
    private final Directory directory;
    private final Clock clock;

    UnitChanges(TaskRowRepository rows, CampaignRepository campaigns, TaskService tasks, RuntimeService runtime,
                AppRights appRights, Directory directory, Clock clock) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.runtime = runtime;
        this.appRights = appRights;
        this.directory = directory;
        this.clock = clock;
    }

    /** Gives the row to the unit {@code unitCode} of its campaign; refusals name the field. */
    @Transactional
    public TaskRow change(long campaignId, long rowId, String unitCode, String reason, String user) {
        TaskRow row = rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        if (!row.status().isOpen()) {
            throw ApiException.conflict("unit-not-changeable", "unit");
        }
        String why = DeadlineChanges.reason(reason);
        if (unitCode == null || unitCode.isBlank()) {
            throw ApiException.badRequest("required", "unit", "unit");
        }
        CampaignUnit from = campaigns.unit(campaignId, row.unitCode()).orElseThrow();
        CampaignUnit to = campaigns.unit(campaignId, unitCode.trim())
                .orElseThrow(() -> ApiException.badRequest("unknown-unit", "unit", "unit", unitCode));
        if (to.code().equals(from.code())) {
            throw ApiException.badRequest("unit-unchanged", "unit", to.name());
        }
        rows.setUnit(rowId, to.code(), to.headUserId());
        String note = from.name() + " → " + to.name() + "：" + why;
        rows.event(rowId, "UNIT_CHANGED", user, note, clock.instant());
        appRights.lookUp(() -> {
            moveOpenTask(rowId, row.title(), from, to, directory.displayName(user) + "：" + note);
            return null;
        });
        return rows.find(rowId).orElseThrow();
    }

    private void moveOpenTask(long rowId, String title, CampaignUnit from, CampaignUnit to, String note) {
        Task task = tasks.createTaskQuery().taskDefinitionKey(UnitTaskForms.UNIT_TASK)
                .taskVariableValueEquals(TaskVariables.TASK_ROW_ID, rowId).singleResult();
        if (task == null) {
            return;
        }
        // the unit-work instance's own variables: its later steps (review, rework) go by them
        runtime.setVariable(task.getExecutionId(), "unitCode", to.code());
        runtime.setVariable(task.getExecutionId(), "unitName", to.name());
        tasks.deleteCandidateGroup(task.getId(), Groups.unit(from.code()));
        tasks.addCandidateGroup(task.getId(), Groups.unit(to.code()));
        task.setName(to.name() + "：" + title);
        task.setAssignee(null);
        tasks.saveTask(task);
        tasks.createComment(task.getId(), task.getProcessInstanceId(), "【调整责任单位】" + note);
    }
}
