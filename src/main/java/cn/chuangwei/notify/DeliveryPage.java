package cn.chuangwei.notify;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.notify.Deliveries.Counts;
import cn.chuangwei.notify.Deliveries.Filter;
import cn.chuangwei.notify.Deliveries.Found;
import cn.chuangwei.notify.Deliveries.Group;
import cn.chuangwei.org.Directory;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.TownPeople;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 消息发送情况 ({@code /board/messages}): the office reads how its town's messages went out, by channel and state, and
 * sends a parked one again. Counts per state at the top (each a link to its list), filters in the address, the list as a
 * table on a laptop and as cards on a phone. Who sees what and the resend itself are {@link Deliveries}'s.
 */
@Page
class DeliveryPage {

    static final String PATH = "/board/messages";
    /** The recipients offered in the filter. */
    private static final int RECIPIENTS = 300;

    /** A choice of a filter: its value in the address and its words. */
    record Option(String value, String label) {
    }

    /** A count at the top of the page, a link to its list. */
    record Tile(String id, String label, long count, String href, String tone, boolean current) {
    }

    private final Deliveries deliveries;
    private final DeliveryLines lines;
    private final CampaignRepository campaigns;
    private final TownPeople townPeople;
    private final Directory directory;
    private final Texts texts;

    DeliveryPage(Deliveries deliveries, DeliveryLines lines, CampaignRepository campaigns, TownPeople townPeople,
                 Directory directory, Texts texts) {
        this.deliveries = deliveries;
        this.lines = lines;
        this.campaigns = campaigns;
        this.townPeople = townPeople;
        this.directory = directory;
        this.texts = texts;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String state, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String campaign, @RequestParam(required = false) String recipient,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String page, @RequestParam(required = false) String resent,
                Model model, Locale locale, HttpServletResponse response) {
        deliveries.scope();
        Map<String, String> params = params(state, channel, campaign, recipient, from, to);
        Filter filter;
        try {
            filter = Filter.parse(state, channel, number(campaign, "campaign"), recipient, from, to,
                    page == null || page.isBlank() ? null : number(page, "page").intValue(), null);
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", Pages.refusal(texts, e, locale, f -> texts.get("page.messages.filter." + f, locale)));
            filter = new Filter(null, null, null, null, null, null, 1, Filter.DEFAULT_SIZE);
            params = Map.of();
        }
        if (resent != null && !resent.isBlank()) {
            try {
                DeliveryLines.Line line = lines.of(deliveries.require(number(resent, "resent")), locale);
                model.addAttribute("notice", texts.get("page.messages.resent", locale, line.subject(), line.recipient(),
                        line.channel(), line.state()));
            } catch (ApiException e) {
                // a resent message the caller does not see (a hand-made address): no notice
            }
        }
        return render(filter, params, model, locale);
    }

    /** Sends a parked message again; back to the list with a notice, or the list with the reason it was refused. */
    @PostMapping(PATH + "/{id}/resend")
    String resend(@PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale,
                  HttpServletResponse response) {
        Map<String, String> params = params(form.get("state"), form.get("channel"), form.get("campaign"),
                form.get("recipient"), form.get("from"), form.get("to"));
        try {
            deliveries.resend(id);
        } catch (ApiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            response.setStatus(409);
            model.addAttribute("error", Pages.refusal(texts, e, locale, null));
            Filter filter;
            try {
                filter = Filter.parse(params.get("state"), params.get("channel"), number(params.get("campaign"), "campaign"),
                        params.get("recipient"), params.get("from"), params.get("to"), null, null);
            } catch (ApiException bad) {
                filter = new Filter(null, null, null, null, null, null, 1, Filter.DEFAULT_SIZE);
                params = Map.of();
            }
            return render(filter, params, model, locale);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(PATH);
        params.forEach(back::queryParam);
        back.queryParam("resent", id);
        if ("en".equals(Pages.lang(locale))) {
            back.queryParam("lang", "en");
        }
        return "redirect:" + back.build().encode().toUriString();
    }

    private String render(Filter filter, Map<String, String> params, Model model, Locale locale) {
        Found found = deliveries.find(filter);
        Counts counts = deliveries.counts();
        model.addAttribute("title", texts.get("page.messages.title", locale));
        model.addAttribute("tiles", List.of(
                tile("sent-today", "page.messages.count.sent-today", counts.sentToday(), Group.SENT, "green", filter, locale),
                tile("waiting", "page.messages.count.waiting", counts.waiting(), Group.WAITING, "grey", filter, locale),
                tile("retrying", "page.messages.count.retrying", counts.retrying(), Group.RETRYING, "yellow", filter, locale),
                tile("parked", "page.messages.count.parked", counts.parked(), Group.PARKED, "red", filter, locale)));
        model.addAttribute("lines", lines.of(found.messages(), locale));
        model.addAttribute("total", found.total());
        model.addAttribute("params", params);
        model.addAttribute("filtered", filter.any());
        model.addAttribute("states", java.util.Arrays.stream(Group.values())
                .map(g -> new Option(g.key(), texts.get("page.messages.group." + g.key(), locale))).toList());
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values())
                .map(c -> new Option(c.name(), lines.channel(c, locale))).toList());
        model.addAttribute("campaigns", campaignOptions());
        model.addAttribute("recipients", recipientOptions());
        int pages = (int) Math.max(1, (found.total() + filter.size() - 1) / filter.size());
        model.addAttribute("pageNo", filter.page());
        model.addAttribute("pages", pages);
        model.addAttribute("previous", filter.page() > 1 ? href(params, filter.page() - 1, locale) : null);
        model.addAttribute("next", filter.page() < pages ? href(params, filter.page() + 1, locale) : null);
        return "messages";
    }

    private Tile tile(String id, String key, long count, Group group, String tone, Filter filter, Locale locale) {
        Map<String, String> only = Map.of("state", group.key());
        return new Tile(id, texts.get(key, locale), count, href(only, 1, locale), tone, filter.group() == group);
    }

    /** The campaigns of the caller's towns (an administrator's: every town's). */
    private List<Option> campaignOptions() {
        List<Long> towns = townPeople.officeTowns().stream().map(Region::id).toList();
        return campaigns.ofTowns(towns).stream().map(c -> new Option(String.valueOf(c.id()), c.name())).toList();
    }

    /** The people the caller's towns' messages went to, by name. */
    private List<Option> recipientOptions() {
        Function<String, String> names = directory.displayNames();
        List<Option> options = new ArrayList<>(deliveries.recipients(RECIPIENTS).stream()
                .map(u -> new Option(u, names.apply(u))).toList());
        options.sort(Comparator.comparing(Option::label));
        return options;
    }

    private static String href(Map<String, String> params, int page, Locale locale) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PATH);
        params.forEach(b::queryParam);
        if (page > 1) {
            b.queryParam("page", page);
        }
        if ("en".equals(Pages.lang(locale))) {
            b.queryParam("lang", "en");
        }
        return b.build().encode().toUriString();
    }

    /** The filters given, in the order of the form, blank ones left out. */
    private static Map<String, String> params(String state, String channel, String campaign, String recipient,
                                              String from, String to) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "state", state);
        put(p, "channel", channel);
        put(p, "campaign", campaign);
        put(p, "recipient", recipient);
        put(p, "from", from);
        put(p, "to", to);
        return p;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.trim());
        }
    }

    private static Long number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
    }
}
