package cn.chuangwei.work;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.escalation.EscalationRepository;
import cn.chuangwei.task.OverdueRule;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskStatus;
import cn.chuangwei.task.WorkItem;
import cn.chuangwei.task.WorkService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 我的待办: the caller's tasks that can be acted on now ({@link WorkService#myTasks}), grouped by deadline into overdue
 * (by {@link OverdueRule}), today, this week and later, each with its campaign, unit, whether it came back for rework and
 * the highest rung of the escalation ladder its row reached.
 */
@Component
class MyWork {

    enum Group { OVERDUE, TODAY, WEEK, LATER }

    /** One line of the list. */
    record Line(String taskId, String name, String campaign, String unit, LocalDate deadline, String deadlineText,
                boolean overdue, boolean returned, String level) {
    }

    private final WorkService work;
    private final CampaignRepository campaigns;
    private final TaskRowRepository rows;
    private final EscalationRepository escalations;
    private final OverdueRule overdue;
    private final DueDates dueDates;

    MyWork(WorkService work, CampaignRepository campaigns, TaskRowRepository rows, EscalationRepository escalations,
           OverdueRule overdue, DueDates dueDates) {
        this.dueDates = dueDates;
        this.work = work;
        this.campaigns = campaigns;
        this.rows = rows;
        this.escalations = escalations;
        this.overdue = overdue;
    }

    Map<Group, List<Line>> grouped() {
        List<WorkItem> items = work.myTasks(null, null);
        Map<Long, Optional<Campaign>> campaignOf = new HashMap<>();
        Map<Long, Map<String, String>> unitNames = new HashMap<>();
        Map<Long, TaskRow> rowOf = new HashMap<>();
        rows.findAll(items.stream().map(WorkItem::taskRowId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(r -> rowOf.put(r.id(), r));
        Map<Long, OverdueRule.Cutoff> cutoffs = new HashMap<>();
        Map<Long, EscalationRepository.Step> levels = escalations.highestOfTasks(rowOf.keySet());
        LocalDate today = dueDates.today();
        LocalDate endOfWeek = today.with(DayOfWeek.SUNDAY);
        Map<Group, List<Line>> groups = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            groups.put(g, new ArrayList<>());
        }
        for (WorkItem i : items) {
            Campaign c = i.campaignId() == null ? null
                    : campaignOf.computeIfAbsent(i.campaignId(), campaigns::find).orElse(null);
            String unit = i.unitCode() == null || c == null ? null
                    : unitNames.computeIfAbsent(c.id(), id -> campaigns.units(id).stream()
                            .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name, (a, b) -> a)))
                    .get(i.unitCode());
            TaskRow row = i.taskRowId() == null ? null : rowOf.get(i.taskRowId());
            LocalDate deadline = row != null ? row.deadline()
                    : i.due() == null ? null : i.due().toInstant().atZone(dueDates.zone()).toLocalDate();
            // a row is overdue by the board's rule (open, its phase under way, past its deadline); other work by its day
            boolean late = row != null ? cutoffs.computeIfAbsent(row.campaignId(), overdue::now).overdue(row)
                    : deadline != null && overdue.isPast(deadline);
            boolean returned = row != null && row.status() == TaskStatus.RETURNED;
            EscalationRepository.Step step = row == null ? null : levels.get(row.id());
            Line line = new Line(i.id(), i.name(), c == null ? null : c.name(), unit, deadline,
                    ChineseDates.format(deadline), late, returned, step == null ? null : step.level().name());
            Group g = late ? Group.OVERDUE : deadline == null ? Group.LATER : !deadline.isAfter(today) ? Group.TODAY
                    : !deadline.isAfter(endOfWeek) ? Group.WEEK : Group.LATER;
            groups.get(g).add(line);
        }
        return groups;
    }
}
