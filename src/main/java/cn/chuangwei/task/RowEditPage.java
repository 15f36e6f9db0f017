package cn.chuangwei.task;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office edits one row of the decomposition table ({@code /board/{campaignId}/tasks/{rowId}/edit}): its deadline
 * and its unit, with a reason recorded in the row's history, which the page lists. A row that has left its unit
 * (submitted, accepted, closed) is shown without the form, and the page says why.
 */
@Page
class RowEditPage {

    /** Something that happened to the row, in the reader's words. */
    record Event(String what, String who, String when, String note) {
    }

    record Choice(String value, String label) {
    }

    private final TaskRowRepository rows;
    private final RowEdits edits;
    private final CampaignRepository campaigns;
    private final VisibleCampaigns visible;
    private final CurrentUser currentUser;
    private final Directory directory;
    private final Texts texts;
    private final Clock clock;

    RowEditPage(TaskRowRepository rows, RowEdits edits, CampaignRepository campaigns, VisibleCampaigns visible,
                CurrentUser currentUser, Directory directory, Texts texts, Clock clock) {
        this.rows = rows;
        this.edits = edits;
        this.campaigns = campaigns;
        this.visible = visible;
        this.currentUser = currentUser;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/board/{campaignId:\\d+}/tasks/{rowId}/edit")
    String page(@PathVariable long campaignId, @PathVariable long rowId,
                @RequestParam(required = false) String saved, Model model, Locale locale) {
        Campaign c = office(campaignId);
        model.addAttribute("saved", saved != null);
        return page(c, row(campaignId, rowId), Map.of(), model, locale);
    }

    @PostMapping("/board/{campaignId:\\d+}/tasks/{rowId}/edit")
    String edit(@PathVariable long campaignId, @PathVariable long rowId, @RequestParam Map<String, String> fields,
                Model model, Locale locale, HttpServletResponse response) {
        Campaign c = office(campaignId);
        TaskRow row = row(campaignId, rowId);
        try {
            edits.edit(campaignId, rowId, Pages.date(fields.get("deadline"), "deadline"), fields.get("unit"),
                    fields.get("reason"), currentUser.id());
            return "redirect:/board/" + campaignId + "/tasks/" + rowId + "/edit?saved=1";
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", message(e, locale));
            model.addAttribute("errorField", e.field());
            return page(c, row, fields, model, locale);
        }
    }

    private String page(Campaign c, TaskRow row, Map<String, String> entered, Model model, Locale locale) {
        List<CampaignUnit> units = campaigns.units(c.id());
        String unitName = units.stream().filter(u -> u.code().equals(row.unitCode())).map(CampaignUnit::name)
                .findFirst().orElse(row.unitCode());
        model.addAttribute("campaign", c);
        model.addAttribute("row", row);
        model.addAttribute("phaseName", texts.get("phase." + row.phase().name(), locale));
        model.addAttribute("statusName", texts.get("task-status." + row.status().name(), locale));
        model.addAttribute("unitName", unitName);
        model.addAttribute("person", directory.displayName(row.personUserId()));
        model.addAttribute("deadlineText", ChineseDates.format(row.deadline(), locale));
        model.addAttribute("editable", row.status().isOpen());
        model.addAttribute("units", units.stream().map(u -> new Choice(u.code(), u.name())).toList());
        model.addAttribute("entered", Map.of(
                "deadline", entered.getOrDefault("deadline", row.deadline().toString()),
                "unit", entered.getOrDefault("unit", row.unitCode()),
                "reason", entered.getOrDefault("reason", "")));
        java.util.function.Function<String, String> people = directory.displayNames();
        model.addAttribute("events", rows.events(row.id()).stream().map(e -> new Event(
                texts.get("page.task-event." + e.event(), locale), e.actor() == null
                        ? texts.get("page.task-event.system", locale) : people.apply(e.actor()),
                when(e.at(), locale), note(e))).toList());
        return "row-edit";
    }

    /** The event's note; an escalation's without the ladder's code before its name ("RED 红牌督办"). */
    private static String note(TaskRowRepository.TaskEvent e) {
        String n = e.note();
        return "ESCALATION".equals(e.event()) && n != null && n.indexOf(' ') > 0 ? n.substring(n.indexOf(' ') + 1) : n;
    }

    private String when(java.time.Instant at, Locale locale) {
        LocalDateTime t = LocalDateTime.ofInstant(at, clock.getZone());
        return ChineseDates.format(t.toLocalDate(), locale) + " " + String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private Campaign office(long campaignId) {
        currentUser.requireOffice();
        return visible.requireOffice(campaignId);
    }

    private TaskRow row(long campaignId, long rowId) {
        return rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
    }

    private String message(ApiException e, Locale locale) {
        return Pages.refusal(texts, e, locale, f -> texts.get("page.row-edit.field." + f, locale));
    }
}
