package cn.chuangwei.support;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives a small campaign (no decomposition rows) through the engine: its processes, its jobs, its gates. */
public class CampaignDriver {

    public final long campaignId;
    private final RuntimeService runtime;
    private final TaskService tasks;

    private CampaignDriver(long campaignId, RuntimeService runtime, TaskService tasks) {
        this.campaignId = campaignId;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Sets up and starts a campaign of consecutive 10-day phases from {@code start}, its group sync job done. */
    public static CampaignDriver started(CampaignSetupService setup, RuntimeService runtime, TaskService tasks,
                                         ManagementService management, Fixture f, LocalDate start) {
        return started(setup, runtime, tasks, management, f, start, List.of());
    }

    /** As {@link #started}, with these decomposition rows: the first phase's are its units' tasks at once. */
    public static CampaignDriver started(CampaignSetupService setup, RuntimeService runtime, TaskService tasks,
                                         ManagementService management, Fixture f, LocalDate start,
                                         List<TaskRequest> rows) {
        return started(setup, runtime, tasks, management, f, f.small(start, rows, false));
    }

    /** As {@link #started}, from this request (e.g. another standard). */
    public static CampaignDriver started(CampaignSetupService setup, RuntimeService runtime, TaskService tasks,
                                         ManagementService management, Fixture f, CampaignRequest request) {
        long id = setup.create(request, f.office);
        CampaignDriver d = new CampaignDriver(id, runtime, tasks);
        for (Job j : management.createJobQuery().processInstanceId(d.campaignProcess().getId()).list()) {
            management.executeJob(j.getId());
        }
        return d;
    }

    public ProcessInstance campaignProcess() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + campaignId)
                .processDefinitionKey("campaign").singleResult();
    }

    /** The campaign's active process of the given definition (a phase, the self-inspection, the acceptance). */
    public ProcessInstance sub(String key) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + campaignId)
                .processDefinitionKey(key).active().singleResult();
    }

    /** The open tasks of this definition in the campaign's active phase, in the order they were created. */
    public List<Task> open(String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceId(sub("campaign-phase").getId())
                .taskDefinitionKey(taskDefinitionKey).orderByTaskCreateTime().asc().orderByTaskId().asc().list();
    }

    /** The open task of this definition for one decomposition row. */
    public Task openOfRow(String taskDefinitionKey, long rowId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + campaignId)
                .taskDefinitionKey(taskDefinitionKey).taskVariableValueEquals("taskRowId", rowId).singleResult();
    }

    /** Every member signs the open phase gate: approve. */
    public void approveGate() {
        ProcessInstance phase = sub("campaign-phase");
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("signGate").list()) {
            tasks.complete(t.getId(), Map.of("signDecision", "APPROVE"));
        }
    }
}
