package cn.chuangwei.task;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignRegistered;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignTemplate.TemplatePhase;
import cn.chuangwei.campaign.CampaignTemplate.TemplateTask;
import cn.chuangwei.campaign.CampaignTemplate;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.TemplateDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Directory;
import cn.chuangwei.standard.StandardAreas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new campaign's decomposition table: the template's tasks for each unit that takes the template's role, and the
 * tasks of the request, each checked by {@link RowRules}. Runs in the transaction that registers the campaign, so a
 * refused row leaves no campaign behind.
 */
@Component
class CampaignPlan {

    private final TaskRowRepository rows;
    private final StandardAreas standards;
    private final Directory directory;
    private final TemplateDates templateDates;

    CampaignPlan(TaskRowRepository rows, StandardAreas standards, Directory directory, TemplateDates templateDates) {
        this.templateDates = templateDates;
        this.rows = rows;
        this.standards = standards;
        this.directory = directory;
    }

    @EventListener
    void on(CampaignRegistered campaign) {
        Map<String, String> areas = standards.areas(campaign.standardCode()).stream().collect(Collectors.toMap(
                StandardAreas.Area::code, StandardAreas.Area::nameZh, (a, b) -> a, LinkedHashMap::new));
        Set<String> areaCodes = areas.keySet();
        List<NewTaskRow> taskRows = new ArrayList<>();
        if (campaign.template() != null) {
            taskRows.addAll(fromTemplate(campaign.template(), campaign.units(), campaign.phases(), areaCodes));
        }
        RowRules rules = new RowRules(campaign.units(), campaign.phases(), areas, directory::userExists);
        List<TaskRequest> tasks = campaign.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            TaskRequest t = tasks.get(i);
            if (t == null) {
                throw ApiException.badRequest("required", "tasks[" + i + "]", "tasks[" + i + "]");
            }
            String prefix = "tasks[" + i + "].";
            taskRows.add(rules.check(new RawTaskRow(t.phase(), t.title(), t.target(), t.unit(), t.person(), t.deadline(),
                    t.critical() == null ? null : t.critical().toString(), t.area()), null, f -> prefix + f));
        }
        taskRows.forEach(r -> rows.insert(campaign.campaignId(), r, TaskOrigin.PLAN, 0));
    }

    private List<NewTaskRow> fromTemplate(CampaignTemplate template, Map<String, CampaignUnit> units,
                                                 Map<Phase, DateRange> dates, Set<String> areaCodes) {
        Map<String, List<CampaignUnit>> byRole = new LinkedHashMap<>();
        for (CampaignUnit u : units.values()) {
            u.roles().forEach(r -> byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(u));
            if (u.type().isVillage()) {
                byRole.computeIfAbsent(CampaignTemplate.VILLAGES, k -> new ArrayList<>()).add(u);
            }
        }
        Set<String> missing = new TreeSet<>();
        List<NewTaskRow> result = new ArrayList<>();
        for (TemplatePhase p : template.phases()) {
            DateRange range = dates.get(p.phase());
            for (TemplateTask t : p.tasks()) {
                List<CampaignUnit> assigned = byRole.get(t.unit());
                if (assigned == null) {
                    missing.add(t.unit());
                    continue;
                }
                LocalDate deadline = templateDates.deadline(range, t.dueDay());
                String area = t.area() != null && areaCodes.contains(t.area()) ? t.area() : null;
                for (CampaignUnit u : assigned) {
                    result.add(new NewTaskRow(p.phase(), t.title(), t.target(), u.code(), u.headUserId(), deadline,
                            t.critical(), area));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("template-role-unmapped", "units", String.join(", ", missing));
        }
        return result;
    }
}
