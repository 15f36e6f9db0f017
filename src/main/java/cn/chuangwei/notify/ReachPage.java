package cn.chuangwei.notify;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.TownPeople;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's channels and choices in the browser: the office sets them from its town's people page
 * ({@code /board/regions/{regionId}/people/{userId}/reach}: an address per channel, the order, digest or at once, quiet
 * hours); everyone sets their own choices on 我的消息设置 ({@code /work/reach}). By the API's rules ({@link ReachEdits});
 * a refused form comes back with the reason, the field marked and the entries kept, and nothing is saved.
 */
@Page
class ReachPage {

    /** The channels a form sets an address for, in the form's order; their inputs are named after them. */
    static final List<Channel> WITH_ADDRESS = List.of(Channel.WECOM, Channel.DINGTALK, Channel.SMS);
    /** The positions the form offers (every personal channel once). */
    static final int POSITIONS = 4;
    private static final Pattern ROW = Pattern.compile("channels\\[(\\d+)]\\.(channel|address)");
    static final String IMMEDIATE = "IMMEDIATE";
    static final String DIGEST = "DIGEST";

    /** A choice of a select or a radio: its value and its words. */
    record Choice(String value, String label) {
    }

    /** A channel of the person's as the own page lists it. */
    record Line(String channel, String address) {
    }

    private final ReachEdits edits;
    private final TownPeople townPeople;
    private final Texts texts;

    ReachPage(ReachEdits edits, TownPeople townPeople, Texts texts) {
        this.edits = edits;
        this.townPeople = townPeople;
        this.texts = texts;
    }

    // ------------------------------------------------------------------------------------------------ the office's

    @GetMapping("/board/regions/{regionId}/people/{userId}/reach")
    String person(@PathVariable long regionId, @PathVariable String userId,
                  @RequestParam(required = false) String saved, Model model, Locale locale) {
        Region region = townPeople.requireSetsUp(regionId, userId);
        ReachEdits.ReachView view = edits.of(userId);
        Map<String, String> entered = new HashMap<>();
        for (ReachEdits.ChannelView c : view.channels()) {
            entered.put("order" + c.position(), c.channel().name());
            if (c.channel() != Channel.MAIL) {
                entered.put(c.channel().name().toLowerCase(Locale.ROOT), c.address());
            }
        }
        choices(view, entered);
        model.addAttribute("saved", saved != null);
        return person(region, view, entered, null, null, model, locale);
    }

    @PostMapping("/board/regions/{regionId}/people/{userId}/reach")
    String setPerson(@PathVariable long regionId, @PathVariable String userId, @RequestParam Map<String, String> fields,
                     Model model, Locale locale, HttpServletResponse response) {
        Region region = townPeople.requireSetsUp(regionId, userId);
        List<FormChannel> channels = channels(fields);
        try {
            edits.set(userId, new ReachEdits.ReachRequest(channels.stream().map(FormChannel::entry).toList(),
                    delivery(fields),
                    fields.get("quietStart"), fields.get("quietEnd")));
            return "redirect:/board/regions/" + region.id() + "/people/" + userId + "/reach?saved=1";
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            String input = input(e.field(), channels);
            String error = Pages.refusal(texts, e, locale, f -> label(f, channels, locale));
            return person(region, edits.of(userId), new HashMap<>(fields), error, input, model, locale);
        }
    }

    private String person(Region region, ReachEdits.ReachView view, Map<String, String> entered, String error,
                          String errorField, Model model, Locale locale) {
        List<Choice> channels = new ArrayList<>();
        channels.add(new Choice("", texts.get("page.reach.order.none", locale)));
        for (Channel c : ReachEdits.PERSONAL.stream().sorted(java.util.Comparator.comparing(this::formOrder)).toList()) {
            channels.add(new Choice(c.name(), texts.get("channel." + c.name(), locale)));
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= POSITIONS; i++) {
            positions.add(i);
        }
        model.addAttribute("region", region);
        model.addAttribute("person", view);
        model.addAttribute("channels", channels);
        model.addAttribute("positions", positions);
        model.addAttribute("entered", entered);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("deliveries", deliveries(locale));
        return "reach";
    }

    private int formOrder(Channel c) {
        int i = WITH_ADDRESS.indexOf(c);
        return i < 0 ? WITH_ADDRESS.size() : i;
    }

    /** A channel as the form gave it, and the select that placed it (null: added after them for its address). */
    record FormChannel(ReachEdits.ChannelEntry entry, String select) {
    }

    /**
     * The channels as the form gives them: those chosen for the positions, in order; then any other channel with an
     * address entered (an address with no position still reaches the person, last).
     */
    static List<FormChannel> channels(Map<String, String> fields) {
        List<FormChannel> out = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 1; i <= POSITIONS; i++) {
            String chosen = fields.get("order" + i);
            if (chosen != null && !chosen.isBlank()) {
                String c = chosen.strip().toUpperCase(Locale.ROOT);
                named.add(c);
                out.add(new FormChannel(new ReachEdits.ChannelEntry(c, fields.get(c.toLowerCase(Locale.ROOT))),
                        "order" + i));
            }
        }
        for (Channel c : WITH_ADDRESS) {
            String address = fields.get(c.name().toLowerCase(Locale.ROOT));
            if (!named.contains(c.name()) && address != null && !address.isBlank()) {
                out.add(new FormChannel(new ReachEdits.ChannelEntry(c.name(), address), null));
            }
        }
        return out;
    }

    /** The form's input behind a refused field: a channel's address input, a position's select, a time. */
    private static String input(String field, List<FormChannel> channels) {
        Matcher m = field == null ? null : ROW.matcher(field);
        if (m == null || !m.matches()) {
            return field;
        }
        int i = Integer.parseInt(m.group(1));
        if (i >= channels.size()) {
            return null;
        }
        FormChannel c = channels.get(i);
        boolean address = "address".equals(m.group(2))
                && WITH_ADDRESS.stream().anyMatch(w -> w.name().equals(c.entry().channel()));
        return address || c.select() == null ? c.entry().channel().toLowerCase(Locale.ROOT) : c.select();
    }

    /** A refused field in the reader's words. */
    private String label(String field, List<FormChannel> channels, Locale locale) {
        String input = input(field, channels);
        if (input == null) {
            return field;
        }
        if (input.startsWith("order")) {
            return texts.get("page.reach.order", locale, input.substring("order".length()));
        }
        return texts.get("page.reach.field." + input, locale);
    }

    // ------------------------------------------------------------------------------------------------ one's own

    @GetMapping("/work/reach")
    String mine(@RequestParam(required = false) String saved, Model model, Locale locale) {
        ReachEdits.ReachView view = edits.mine();
        Map<String, String> entered = new HashMap<>();
        choices(view, entered);
        model.addAttribute("saved", saved != null);
        return mine(view, entered, null, null, model, locale);
    }

    @PostMapping("/work/reach")
    String setMine(@RequestParam Map<String, String> fields, Model model, Locale locale, HttpServletResponse response) {
        try {
            edits.setMine(new ReachEdits.ChoicesRequest(delivery(fields),
                    fields.get("quietStart"), fields.get("quietEnd")));
            return "redirect:/work/reach?saved=1";
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            String error = Pages.refusal(texts, e, locale, f -> texts.get("page.reach.field." + f, locale));
            return mine(edits.mine(), new HashMap<>(fields), error, e.field(), model, locale);
        }
    }

    private String mine(ReachEdits.ReachView view, Map<String, String> entered, String error, String errorField,
                        Model model, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (ReachEdits.ChannelView c : view.channels()) {
            lines.add(new Line(texts.get("channel." + c.channel().name(), locale),
                    c.address() == null ? texts.get("page.reach.no-address", locale) : c.address()));
        }
        model.addAttribute("person", view);
        model.addAttribute("lines", lines);
        model.addAttribute("mailAddress", view.email() == null ? texts.get("page.reach.no-address", locale) : view.email());
        model.addAttribute("entered", entered);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("deliveries", deliveries(locale));
        return "my-reach";
    }

    // ------------------------------------------------------------------------------------------------ shared

    private static void choices(ReachEdits.ReachView view, Map<String, String> entered) {
        entered.put("delivery", view.immediateInEffect() ? IMMEDIATE : DIGEST);
        entered.put("quietStart", view.quietStart() == null ? "" : view.quietStart());
        entered.put("quietEnd", view.quietEnd() == null ? "" : view.quietEnd());
    }

    /** The radio's choice: at once (true), the digest (false), none (null: as it is). */
    private static Boolean delivery(Map<String, String> fields) {
        String d = fields.get("delivery");
        return IMMEDIATE.equals(d) ? Boolean.TRUE : DIGEST.equals(d) ? Boolean.FALSE : null;
    }

    private List<Choice> deliveries(Locale locale) {
        return List.of(new Choice(DIGEST, texts.get("page.reach.delivery.DIGEST", locale)),
                new Choice(IMMEDIATE, texts.get("page.reach.delivery.IMMEDIATE", locale)));
    }
}
