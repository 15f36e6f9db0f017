package cn.chuangwei.inspection;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.standard.Provenance;
import cn.chuangwei.standard.StandardAreas;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.standard.Threshold;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A campaign's indicators and the thresholds in force in the browser ({@code /board/{campaignId}/thresholds}), by area:
 * each indicator's requirement in words, the standard's default and where it is from, the campaign's own value and the
 * source the office gave. The office sets its own value (a reference value such as 全省平均水平 with its source) with a
 * form per indicator, by the API's rule ({@link StandardController#set}); everyone else in the campaign reads the page.
 */
@Page
class ThresholdsPage {

    /** Where a threshold is from, in words: the document (by number), the clause, how far it is verified. */
    record Source(String document, String clause, String status, boolean verified) {
    }

    /** The campaign's own value of an indicator, in words. */
    record OwnValue(String value, Source source, String setBy, String setOn) {
    }

    /** An indicator as the page shows it; {@code form} whether the office may set a value for it here. */
    record Line(String code, String name, boolean veto, String requirement, String standardDefault, Source standardSource,
                OwnValue own, boolean form, boolean reference, boolean missingReference, String type, String unit, String fieldLabel,
                String value, String source) {
    }

    /** An area of the standard and its indicators. */
    record Area(String name, List<Line> lines) {
    }

    private static final List<String> GRADES = List.of("A", "B", "C", "D");

    private final CampaignThresholds thresholds;
    private final InspectionService inspection;
    private final Requirements requirements;
    private final VisibleCampaigns campaigns;
    private final CurrentUser currentUser;
    private final Directory directory;
    private final Texts texts;

    ThresholdsPage(CampaignThresholds thresholds, InspectionService inspection, Requirements requirements,
                   VisibleCampaigns campaigns, CurrentUser currentUser, Directory directory, Texts texts) {
        this.thresholds = thresholds;
        this.inspection = inspection;
        this.requirements = requirements;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.directory = directory;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/thresholds")
    String page(@PathVariable long campaignId, @RequestParam(required = false) String saved, Model model, Locale locale) {
        Campaign c = campaigns.require(campaignId);
        List<CampaignThresholds.Entry> entries = thresholds.entries(campaignId);
        if (saved != null) {
            entries.stream().filter(e -> e.standard().code().equals(saved)).findFirst().ifPresent(e -> model.addAttribute(
                    "notice", texts.get("page.thresholds.saved", locale, name(e.standard(), locale),
                            requirements.of(e.inForce(), locale))));
        }
        return page(c, entries, null, Map.of(), model, locale);
    }

    /** Sets the campaign's own value of an indicator; refused with the field named on the page, nothing written. */
    @PostMapping("/board/{campaignId:\\d+}/thresholds/{indicator}")
    String set(@PathVariable long campaignId, @PathVariable String indicator, @RequestParam Map<String, String> fields,
               Model model, Locale locale, HttpServletResponse response) {
        currentUser.requireOffice();
        Campaign c = campaigns.requireOffice(campaignId);
        List<CampaignThresholds.Entry> entries = thresholds.entries(campaignId);
        CampaignThresholds.Entry entry = CampaignThresholds.find(entries, indicator);
        try {
            if (!settable(entry.standard())) {
                throw ApiException.badRequest("threshold-not-allowed", "threshold", indicator, entry.standard().comparison());
            }
            thresholds.set(campaignId, indicator, value(entry.standard().type(), fields.get("threshold")),
                    fields.get("source"), currentUser.id());
            return "redirect:" + UriComponentsBuilder.fromPath("/board/" + campaignId + "/thresholds")
                    .queryParam("saved", indicator).build().encode().toUriString();
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", refusal(e, entry.standard(), fields, locale));
            model.addAttribute("errorField", e.field());
            return page(c, entries, indicator, fields, model, locale);
        }
    }

    private String page(Campaign c, List<CampaignThresholds.Entry> entries, String failed, Map<String, String> entered,
                        Model model, Locale locale) {
        boolean office = currentUser.isOffice() && campaigns.isOffice(c.id());
        boolean en = "en".equals(Pages.lang(locale));
        java.util.function.Function<String, String> people = directory.displayNames();
        List<Area> areas = new ArrayList<>();
        for (StandardAreas.Area a : inspection.standardOf(c.id()).areas()) {
            List<Line> lines = entries.stream().filter(e -> e.standard().areaCode().equals(a.code()))
                    .map(e -> line(e, office, e.standard().code().equals(failed) ? entered : null, people, locale))
                    .toList();
            if (!lines.isEmpty()) {
                areas.add(new Area(en ? a.nameEn() : a.nameZh(), lines));
            }
        }
        model.addAttribute("campaign", c);
        model.addAttribute("areas", areas);
        model.addAttribute("office", office);
        model.addAttribute("failed", failed);
        model.addAttribute("grades", GRADES);
        model.addAttribute("missing", areas.stream().flatMap(a -> a.lines().stream()).filter(Line::missingReference)
                .toList());
        return "thresholds";
    }

    private Line line(CampaignThresholds.Entry e, boolean office, Map<String, String> entered,
                      java.util.function.Function<String, String> people, Locale locale) {
        Standards.Indicator standard = e.standard();
        String comparison = standard.comparison();
        boolean reference = Threshold.GE_REFERENCE.equals(comparison);
        String standardDefault = reference || Threshold.NOT_RISING.equals(comparison)
                ? texts.get("page.thresholds.no-default." + comparison, locale) : requirements.of(standard, locale);
        OwnValue own = e.own() == null ? null : new OwnValue(requirements.of(e.inForce(), locale),
                source(new Provenance(e.own().source(), e.own().setOn(), null, Provenance.LOCAL_PRACTICE, null), locale),
                people.apply(e.own().setBy()), ChineseDates.format(e.own().setOn(), locale));
        String value = entered != null ? entered.get("threshold")
                : e.own() == null || e.own().threshold() == null ? "" : Requirements.value(e.own().threshold());
        String source = entered != null ? entered.get("source") : e.own() == null ? "" : e.own().source();
        return new Line(standard.code(), name(standard, locale), standard.veto(), requirements.of(e.inForce(), locale),
                standardDefault, source(standard.source(), locale), own, office && settable(standard), reference,
                reference && e.inForce().threshold() == null, standard.type(), standard.unit() == null ? "" : standard.unit(),
                texts.get(reference ? "page.thresholds.field.reference" : "page.thresholds.field.threshold", locale),
                value == null ? "" : value, source == null ? "" : source);
    }

    /** A trend has no number, a yes-or-no indicator only "yes": nothing for the office to set. */
    private static boolean settable(Standards.Indicator i) {
        return !Threshold.NOT_RISING.equals(i.comparison()) && !"BOOLEAN".equals(i.type());
    }

    private Source source(Provenance p, Locale locale) {
        if (p == null) {
            return new Source(texts.get("provenance.no-source", locale), null,
                    texts.get("provenance.status.NONE", locale), false);
        }
        String document = p.document() == null ? texts.get("provenance.campaign-own", locale) : p.document();
        return new Source(document, p.clause(), texts.get("provenance.status." + p.status(), locale), p.verified());
    }

    /** What the form sent as the API's value: a number as a number (full-width digits and a trailing % allowed). */
    private static Object value(String type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if ("PERCENT".equals(type) || "NUMBER".equals(type)) {
            String n = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
            try {
                return new BigDecimal(n);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    private static String name(Standards.Indicator i, Locale locale) {
        return "en".equals(Pages.lang(locale)) && i.nameEn() != null ? i.nameEn() : i.name();
    }

    /**
     * The refusal in the reader's words: the indicator by name and the field by its label ({0} the indicator, {1} the
     * field, {2} what was entered, {3} the limit); a refusal the page has no words of its own for, as the API says it.
     */
    private String refusal(ApiException e, Standards.Indicator i, Map<String, String> fields, Locale locale) {
        String field = e.field() == null ? "threshold" : e.field();
        String label = texts.get(Threshold.GE_REFERENCE.equals(i.comparison()) && "threshold".equals(field)
                ? "page.thresholds.field.reference" : "page.thresholds.field." + field, locale);
        String key = "page.thresholds.refusal." + e.code();
        String entered = fields.getOrDefault(field, "");
        String said = texts.get(key, locale, name(i, locale), label, entered == null ? "" : entered.strip(),
                "too-long".equals(e.code()) ? e.args()[e.args().length - 1] : "");
        return said.equals(key) ? Pages.refusal(texts, e, locale, f -> label) : said;
    }
}
