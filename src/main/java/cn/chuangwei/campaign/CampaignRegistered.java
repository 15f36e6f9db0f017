package cn.chuangwei.campaign;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.kernel.Phase;
import java.util.List;
import java.util.Map;

/**
 * Published inside the transaction that writes a new campaign, once its phases, people and units are written: the task
 * module lays out the campaign's decomposition (the template's tasks and those of the request) in the same
 * transaction, so a refused row leaves nothing behind.
 *
 * @param template the template the campaign follows, or null
 * @param tasks    the request's own tasks, field names {@code tasks[i].…} in a refusal
 */
public record CampaignRegistered(long campaignId, String standardCode, CampaignTemplate template,
                                 Map<String, CampaignUnit> units, Map<Phase, DateRange> phases, List<TaskRequest> tasks) {
}
