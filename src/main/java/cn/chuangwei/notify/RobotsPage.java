package cn.chuangwei.notify;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's group robots in the browser ({@code /board/{campaignId}/robots}), for its town's office: the robots of the
 * campaign's own group and of its units, webhooks and secrets masked; a form to add one, and per robot a form to rename
 * it or give it a new webhook or secret (blank: keep) and a button to delete it. By the API's rules ({@link RobotEdits});
 * a refused form comes back with the reason and the entries (the secret excepted), and nothing is saved.
 */
@Page
class RobotsPage {

    /** A group a robot may serve: the campaign's own (value blank) or a unit's, by name. */
    record Choice(String value, String label) {
    }

    /** A robot as the page lists it. */
    record Row(long id, String group, String channel, String name, String webhook, String secret, boolean signed) {
    }

    private final RobotEdits edits;
    private final VisibleCampaigns campaigns;
    private final Texts texts;

    RobotsPage(RobotEdits edits, VisibleCampaigns campaigns, Texts texts) {
        this.edits = edits;
        this.campaigns = campaigns;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/robots")
    String page(@PathVariable long campaignId, @RequestParam(required = false) String saved,
                @RequestParam(required = false) String deleted, Model model, Locale locale) {
        Campaign c = campaigns.requireOffice(campaignId);
        if (saved != null) {
            model.addAttribute("notice", texts.get("page.robots.saved", locale));
        } else if (deleted != null) {
            model.addAttribute("notice", texts.get("page.robots.deleted", locale));
        }
        return page(c, Map.of(), null, null, null, model, locale);
    }

    @PostMapping("/board/{campaignId:\\d+}/robots")
    String add(@PathVariable long campaignId, @RequestParam Map<String, String> fields, Model model, Locale locale,
               HttpServletResponse response) {
        Campaign c = campaigns.requireOffice(campaignId);
        try {
            edits.add(campaignId, new RobotEdits.RobotRequest(fields.get("unitCode"), fields.get("channel"),
                    fields.get("name"), fields.get("webhook"), fields.get("secret")));
            return "redirect:/board/" + campaignId + "/robots?saved=1";
        } catch (ApiException e) {
            return refused(e, c, fields, null, model, locale, response);
        }
    }

    @PostMapping("/board/{campaignId:\\d+}/robots/{robotId:\\d+}")
    String change(@PathVariable long campaignId, @PathVariable long robotId, @RequestParam Map<String, String> fields,
                  Model model, Locale locale, HttpServletResponse response) {
        Campaign c = campaigns.requireOffice(campaignId);
        try {
            edits.change(campaignId, robotId, new RobotEdits.RobotRequest(null, null, fields.get("name"),
                    fields.get("webhook"), fields.get("secret")));
            return "redirect:/board/" + campaignId + "/robots?saved=1";
        } catch (ApiException e) {
            return refused(e, c, fields, robotId, model, locale, response);
        }
    }

    @PostMapping("/board/{campaignId:\\d+}/robots/{robotId:\\d+}/delete")
    String remove(@PathVariable long campaignId, @PathVariable long robotId) {
        edits.remove(campaignId, robotId);
        return "redirect:/board/" + campaignId + "/robots?deleted=1";
    }

    private String refused(ApiException e, Campaign c, Map<String, String> fields, Long robotId, Model model,
                           Locale locale, HttpServletResponse response) {
        if (e.status().value() == 403 || e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        Map<String, String> entered = new HashMap<>(fields);
        entered.remove("secret");
        String error = Pages.refusal(texts, e, locale, f -> texts.get("page.robots.field." + f, locale));
        return page(c, entered, error, e.field(), robotId, model, locale);
    }

    private String page(Campaign c, Map<String, String> entered, String error, String errorField, Long failed,
                        Model model, Locale locale) {
        List<CampaignUnit> units = edits.units(c.id());
        Map<String, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        String own = texts.get("page.robots.campaign-group", locale);
        List<Choice> groups = new ArrayList<>();
        groups.add(new Choice("", own));
        units.forEach(u -> groups.add(new Choice(u.code(), u.name())));
        List<Choice> channels = List.of(Channel.WECOM_ROBOT, Channel.DINGTALK_ROBOT).stream()
                .map(ch -> new Choice(ch.name(), texts.get("channel." + ch.name(), locale))).toList();
        List<String> order = units.stream().map(CampaignUnit::code).toList();
        List<Row> rows = edits.list(c.id()).stream()
                .sorted(java.util.Comparator.comparingInt(r -> r.unitCode() == null ? -1 : order.indexOf(r.unitCode())))
                .map(r -> new Row(r.id(),
                r.unitCode() == null ? own : names.getOrDefault(r.unitCode(), r.unitName()),
                texts.get("channel." + r.channel().name(), locale), r.name(), r.webhook(), r.secret(),
                r.channel() == Channel.DINGTALK_ROBOT)).toList();
        model.addAttribute("campaign", c);
        model.addAttribute("rows", rows);
        model.addAttribute("groups", groups);
        model.addAttribute("channels", channels);
        model.addAttribute("entered", entered);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("failed", failed);
        return "robots";
    }
}
