package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.org.Directory;
import cn.chuangwei.task.TaskVariables;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A step of {@code acceptance.bpmn} or {@code maintenance.bpmn} is still open at its due date (the non-interrupting
 * timer on the step, at the same variable as its dueDate): its owners are told by mail that it is overdue (template
 * {@code STEP_OVERDUE}). The owners are whoever claimed the task, else its candidates: the authority's people, or the
 * members of the town's office. The step stays open; a step done again (returned, re-inspected) is a new task and is
 * reminded again.
 */
@Component
class RemindOverdueStepDelegate implements JavaDelegate {

    static final String TEMPLATE = "STEP_OVERDUE";
    static final String STEP = "overdueStep";

    private final TaskService tasks;
    private final StepOwners owners;
    private final Directory directory;
    private final Notifier notifier;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final Texts texts;
    private final SiteSettings site;

    RemindOverdueStepDelegate(TaskService tasks, StepOwners owners, Directory directory, Notifier notifier, CampaignRepository campaigns,
                              DueDates dueDates, Texts texts, SiteSettings site) {
        this.tasks = tasks;
        this.owners = owners;
        this.directory = directory;
        this.notifier = notifier;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.texts = texts;
        this.site = site;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = (String) execution.getVariable(STEP);
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(step).singleResult();
        if (task == null || task.getDueDate() == null) {
            return;
        }
        String campaignName = campaigns.find(TaskVariables.campaignId(execution)).orElseThrow().name();
        String deadline = task.getDueDate().toInstant().atZone(dueDates.zone()).toLocalDate()
                .format(DateTimeFormatter.ISO_LOCAL_DATE);
        notifier.send(new Notifier.Notice("step-overdue:" + task.getId(), NoticeKind.REMINDER,
                TaskVariables.campaignId(execution), null, TEMPLATE, locale -> {
            Map<String, String> v = new HashMap<>();
            v.put("campaignName", campaignName);
            v.put("taskTitle", texts.get("acceptance.task." + step, Locale.forLanguageTag(locale)));
            v.put("deadline", deadline);
            v.put("link", site.link("/work/tasks/" + task.getId()));
            return v;
        }), owners(task));
    }

    /** Whoever claimed the task, else its candidate people and the members of its candidate groups in its town. */
    private List<String> owners(Task task) {
        StepOwners.Owners o = owners.of(task);
        if (o.assignee() != null) {
            return List.of(o.assignee());
        }
        List<String> people = new ArrayList<>(o.users());
        // the group's members in the campaign's town only: the office group holds every town's office
        o.groups().forEach(g -> people.addAll(directory.membersOf(g, task.getTenantId())));
        return people;
    }
}
