package cn.chuangwei.work;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.task.EvidenceService;
import cn.chuangwei.task.EvidenceSettings;
import cn.chuangwei.task.WorkItem;
import cn.chuangwei.task.WorkService;
import cn.chuangwei.web.Page;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The workbench's pages: {@code /work} lists the caller's tasks (我的待办), {@code /work/tasks/{taskId}} shows one with its
 * deployed form, the panels of the module owning it and, for a unit's task, its evidence; {@code /work/forms/{id}} lets
 * the office preview a deployed form.
 */
@Page
class WorkPage {

    private final MyWork myWork;
    private final WorkService work;
    private final EvidenceService evidence;
    private final DeployedForms forms;
    private final ObjectProvider<TaskPanel> panels;
    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;
    private final DueDates dueDates;
    private final long maxBytes;

    WorkPage(MyWork myWork, WorkService work, EvidenceService evidence, DeployedForms forms,
             ObjectProvider<TaskPanel> panels, CampaignRepository campaigns, CurrentUser currentUser, DueDates dueDates,
             EvidenceSettings limits) {
        this.myWork = myWork;
        this.work = work;
        this.evidence = evidence;
        this.forms = forms;
        this.panels = panels;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.dueDates = dueDates;
        this.maxBytes = limits.maxBytes();
    }

    @GetMapping("/work")
    String list(Model model, HttpSession session) {
        var groups = myWork.grouped();
        model.addAttribute("groups", groups);
        model.addAttribute("empty", groups.values().stream().allMatch(List::isEmpty));
        Object done = session.getAttribute(WorkActions.DONE);
        if (done != null) {
            session.removeAttribute(WorkActions.DONE);
            model.addAttribute("done", done);
        }
        return "work/list";
    }

    @GetMapping("/work/tasks/{taskId}")
    String task(@PathVariable String taskId, Model model, Locale locale) {
        WorkItem task = work.get(taskId);
        var vars = task.form() == null ? java.util.Map.<String, Object>of() : task.form();
        String campaign = task.campaignId() == null ? null
                : campaigns.find(task.campaignId()).map(c -> c.name()).orElse(null);
        String unit = task.campaignId() == null || task.unitCode() == null ? null
                : campaigns.unit(task.campaignId(), task.unitCode()).map(CampaignUnit::name).orElse(null);
        LocalDate deadline = task.due() == null ? null : task.due().toInstant().atZone(dueDates.zone()).toLocalDate();
        String reason = vars.get("lastReturnReason") instanceof String s && !s.isBlank() ? s : null;
        List<TaskPanel.View> views = panels.orderedStream().filter(p -> p.shows(task.taskDefinitionKey()))
                .map(p -> p.view(taskId, locale)).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(TaskPanel.View::order)).toList();
        model.addAttribute("task", task);
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", unit);
        model.addAttribute("deadline", ChineseDates.format(deadline, locale));
        model.addAttribute("hasDeadline", deadline != null);
        model.addAttribute("returnReason", reason);
        model.addAttribute("panels", views);
        model.addAttribute("form", forms.ofTask(taskId, dueDates.zone()));
        boolean takesEvidence = evidence.takesEvidence(task);
        model.addAttribute("takesEvidence", takesEvidence);
        if (takesEvidence) {
            model.addAttribute("evidence", evidence.ofRow(task.taskRowId()));
            model.addAttribute("areas", evidence.areas(task));
            model.addAttribute("removable", true);
            model.addAttribute("maxMegabytes", Math.max(1, maxBytes / (1024 * 1024)));
            model.addAttribute("maxBytes", maxBytes);
        }
        return "work/task";
    }

    /** A deployed form as it renders, without a task or data: for the office to check its forms. */
    @GetMapping("/work/forms/{formId}")
    String form(@PathVariable String formId, Model model) {
        currentUser.requireOffice();
        model.addAttribute("formId", formId);
        model.addAttribute("form", forms.byId(formId));
        return "work/form";
    }
}
