package cn.chuangwei.campaign;

import cn.chuangwei.campaign.CampaignForm.UnitRow;
import cn.chuangwei.campaign.CampaignTemplate.TemplatePhase;
import cn.chuangwei.campaign.CampaignTemplate.TemplateTask;
import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.RegionRole;
import cn.chuangwei.org.TownPeople;
import cn.chuangwei.standard.StandardVersions;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A town's first campaign set up in the browser ({@code /board/campaigns/new}), by the town's office: kind, level,
 * template, dates, the leading group, office and supervisors from the town's people, the units with their heads, the
 * deputies in charge of them and the template's tasks they take. Rows are added and removed by the form's own buttons
 * (no script needed). The preview registers the campaign through {@link CampaignSetupService#preview} (the API's
 * checks, then rolled back) and shows everything that will be written; creating it is {@code POST /api/campaigns}'s
 * {@link CampaignSetupService#create}. A refusal comes back on the form, its field named in Chinese.
 */
@Page
class CampaignSetupPage {

    private static final Pattern UNIT_FIELD = Pattern.compile("units\\[(\\d+)\\]\\.(\\w+)");
    private static final Pattern PHASE_FIELD = Pattern.compile("phases\\[(\\d+)\\]\\.(\\w+)");
    private static final Pattern LIST_FIELD =
            Pattern.compile("(leadingGroup\\.deputies|leadingGroup\\.members|office|supervisors|units)\\[(\\d+)\\]");

    record Choice(String value, String label) {
    }

    record Check(String value, String label, boolean checked) {
    }

    record PhaseInput(String phase, String label, String start, String end) {
    }

    record GroupPerson(String userId, String name, String role) {
    }

    record UnitInput(int index, String code, String name, String type, String head, String deputy, Set<String> roles) {
    }

    record PhaseLine(String label, String start, String end, int tasks) {
    }

    record UnitLine(String name, String type, String head, String deputy, String roles) {
    }

    private final CampaignSetupService setup;
    private final CampaignTemplates templates;
    private final VisibleCampaigns visible;
    private final TownPeople townPeople;
    private final StandardVersions standards;
    private final CurrentUser currentUser;
    private final Texts texts;

    CampaignSetupPage(CampaignSetupService setup, CampaignTemplates templates, VisibleCampaigns visible,
                      TownPeople townPeople, StandardVersions standards, CurrentUser currentUser, Texts texts) {
        this.setup = setup;
        this.templates = templates;
        this.visible = visible;
        this.townPeople = townPeople;
        this.standards = standards;
        this.currentUser = currentUser;
        this.texts = texts;
    }

    @GetMapping("/board/campaigns/new")
    String page(@RequestParam(required = false) Long town, Model model, Locale locale) {
        currentUser.requireOffice();
        List<Region> towns = towns();
        Region t = town == null ? towns.stream().filter(r -> !visible.townHasCampaign(r.name())).findFirst()
                .orElse(towns.get(0)) : towns.stream().filter(r -> r.id() == town).findFirst()
                .orElseThrow(() -> ApiException.forbidden("office-only"));
        return form(fresh(t, templates.all().stream().findFirst().orElse(null), locale), t, towns, model, locale);
    }

    @PostMapping("/board/campaigns/new")
    String post(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
                HttpServletResponse response) {
        currentUser.requireOffice();
        List<Region> towns = towns();
        CampaignForm form = CampaignForm.read(params);
        Region town = towns.stream().filter(r -> String.valueOf(r.id()).equals(form.town)).findFirst()
                .orElseThrow(() -> ApiException.forbidden("office-only"));
        visible.requireSetUp(town.name());
        String action = params.getFirst("action") == null ? "preview" : params.getFirst("action");
        switch (action) {
            case "add-unit" -> {
                if (form.units.size() < CampaignForm.MAX_UNITS) {
                    form.units.add(UnitRow.blank());
                }
                return form(form, town, towns, model, locale);
            }
            case "template" -> {
                CampaignForm fresh = fresh(town, templates.find(form.template).orElse(null), locale);
                fresh.name = form.name.isEmpty() ? fresh.name : form.name;
                fresh.startDate = form.startDate;
                fresh.group.putAll(form.group);
                fresh.office.clear();
                fresh.office.addAll(form.office);
                fresh.supervisors.clear();
                fresh.supervisors.addAll(form.supervisors);
                return form(fresh, town, towns, model, locale);
            }
            case "town", "edit" -> {
                return form(form, town, towns, model, locale);
            }
            default -> {
                if (action.startsWith("remove-unit-")) {
                    int i = parse(action.substring("remove-unit-".length()));
                    if (i >= 0 && i < form.units.size()) {
                        form.units.remove(i);
                    }
                    return form(form, town, towns, model, locale);
                }
            }
        }
        try {
            CampaignRequest request = form.request(town.name(), town.id());
            if ("create".equals(action)) {
                long id = setup.create(request, currentUser.id());
                return "redirect:/board/" + id + "/import?created=1";
            }
            CampaignSetupService.Preview preview = setup.preview(request, currentUser.id());
            return preview(form, request, preview, town, model, locale);
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", message(e, form, town, locale));
            model.addAttribute("errorInput", input(e.field()));
            return form(form, town, towns, model, locale);
        }
    }

    // ------------------------------------------------------------------------------------------------ the form

    /** A new form for the town: the template's name, its roles each as a unit row, and one village; all the office. */
    private CampaignForm fresh(Region town, CampaignTemplate template, Locale locale) {
        CampaignForm f = new CampaignForm();
        f.town = String.valueOf(town.id());
        if (template != null) {
            f.template = template.id();
            f.name = town.name() + template.name();
            for (String role : roles(template)) {
                f.units.add(new UnitRow("", roleName(role, locale), UnitType.DEPARTMENT.name(), "", "", List.of(role)));
            }
            f.units.add(new UnitRow("", texts.get("page.setup.example-village", locale), UnitType.VILLAGE.name(), "",
                    "", List.of()));
        } else {
            f.units.add(UnitRow.blank());
        }
        for (TownPeople.Person p : townPeople.of(town)) {
            if (p.role() == RegionRole.OFFICE) {
                f.office.add(p.userId());
            } else if (p.role() == RegionRole.SUPERVISOR) {
                f.supervisors.add(p.userId());
            }
        }
        return f;
    }

    private String form(CampaignForm f, Region town, List<Region> towns, Model model, Locale locale) {
        List<TownPeople.Person> people = townPeople.of(town);
        CampaignTemplate template = templates.find(f.template).orElse(null);
        // what the form's basic fields hold (the template reads a map: the form stays package-private)
        model.addAttribute("f", Map.of("town", f.town, "name", f.name, "template", f.template, "kind", f.kind,
                "level", f.level, "standard", f.standard, "startDate", f.startDate));
        model.addAttribute("town", town);
        model.addAttribute("towns", towns.stream().map(r -> new Choice(String.valueOf(r.id()), r.name())).toList());
        model.addAttribute("templates", templates.all().stream().map(t -> new Choice(t.id(), t.name(locale))).toList());
        model.addAttribute("kinds", Arrays.stream(CampaignKind.values())
                .map(k -> new Choice(k.name(), texts.get("campaign-kind." + k.name(), locale))).toList());
        model.addAttribute("levels", Arrays.stream(CampaignLevel.values())
                .map(l -> new Choice(l.name(), texts.get("page.setup.level." + l.name(), locale))).toList());
        // a family by its latest version, which a new campaign takes
        model.addAttribute("standards", standards.latestOfEach().stream().map(v -> new Choice(v.family(),
                standards.label(v, locale))).toList());
        model.addAttribute("phases", f.phases.entrySet().stream().map(e -> new PhaseInput(e.getKey().name(),
                texts.get("phase." + e.getKey().name(), locale), e.getValue()[0], e.getValue()[1])).toList());
        model.addAttribute("groupPeople", people.stream().filter(p -> p.role() == RegionRole.LEADING_GROUP)
                .map(p -> new GroupPerson(p.userId(), p.name(), f.group.getOrDefault(p.userId(), ""))).toList());
        model.addAttribute("officePeople", checks(people, RegionRole.OFFICE, f.office));
        model.addAttribute("supervisorPeople", checks(people, RegionRole.SUPERVISOR, f.supervisors));
        List<UnitInput> units = new ArrayList<>();
        for (int i = 0; i < f.units.size(); i++) {
            UnitRow u = f.units.get(i);
            units.add(new UnitInput(i, u.code(), u.name(), u.type(), u.head(), u.deputy(),
                    new LinkedHashSet<>(u.roles())));
        }
        model.addAttribute("units", units);
        model.addAttribute("unitTypes", Arrays.stream(UnitType.values())
                .map(t -> new Choice(t.name(), texts.get("page.setup.unit-type." + t.name(), locale))).toList());
        // a unit's head: the town's unit heads first, then its other people
        List<Choice> heads = new ArrayList<>();
        people.stream().filter(p -> p.role() == RegionRole.UNIT_HEAD)
                .forEach(p -> heads.add(new Choice(p.userId(), p.name())));
        people.stream().filter(p -> p.role() != RegionRole.UNIT_HEAD
                        && heads.stream().noneMatch(h -> h.value().equals(p.userId())))
                .forEach(p -> heads.add(new Choice(p.userId(), p.name())));
        model.addAttribute("heads", heads);
        model.addAttribute("deputies", people.stream().filter(p -> p.role() == RegionRole.LEADING_GROUP)
                .map(p -> new Choice(p.userId(), p.name())).toList());
        model.addAttribute("roleChoices", template == null ? List.of()
                : roles(template).stream().map(r -> new Choice(r, roleName(r, locale))).toList());
        model.addAttribute("templateDays", template == null ? null : template.phases().stream()
                .map(p -> texts.get("page.setup.phase-days", locale, texts.get("phase." + p.phase().name(), locale),
                        p.days()))
                .collect(Collectors.joining("，")));
        model.addAttribute("mode", "edit");
        return "campaign-new";
    }

    private static List<Check> checks(List<TownPeople.Person> people, RegionRole role, List<String> chosen) {
        return people.stream().filter(p -> p.role() == role)
                .map(p -> new Check(p.userId(), p.name(), chosen.contains(p.userId()))).toList();
    }

    // ------------------------------------------------------------------------------------------------ the preview

    private String preview(CampaignForm f, CampaignRequest req, CampaignSetupService.Preview preview, Region town,
                           Model model, Locale locale) {
        Map<String, String> names = townPeople.of(town).stream()
                .collect(Collectors.toMap(TownPeople.Person::userId, TownPeople.Person::name, (a, b) -> a));
        Function<String, String> name = id -> id == null ? "—" : names.getOrDefault(id, id);
        CampaignTemplate template = req.template() == null ? null : templates.find(req.template()).orElse(null);
        String kind = req.kind() != null ? req.kind() : template == null ? null : template.kind().name();
        String level = req.level() != null ? req.level() : template == null ? null : template.level().name();
        String standard = req.standard() != null ? req.standard() : template == null ? null : template.standard();
        model.addAttribute("name", req.name());
        model.addAttribute("town", town);
        model.addAttribute("kindName", texts.get("campaign-kind." + kind, locale));
        model.addAttribute("levelName", texts.get("page.setup.level." + level, locale));
        model.addAttribute("templateName", template == null ? texts.get("page.setup.no-template", locale)
                : template.name(locale));
        model.addAttribute("standardName", standard == null ? null : standards.latest(standard)
                .map(v -> standards.label(v, locale)).orElse(standard));
        List<PhaseLine> phases = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Phase, DateRange> e : preview.phases().entrySet()) {
            int n = preview.tasks().getOrDefault(e.getKey(), 0);
            total += n;
            phases.add(new PhaseLine(texts.get("phase." + e.getKey().name(), locale),
                    ChineseDates.format(e.getValue().start(), locale), ChineseDates.format(e.getValue().end(), locale),
                    n));
        }
        model.addAttribute("phaseLines", phases);
        model.addAttribute("calendarNotes", preview.notes().stream().map(n -> calendarNote(n, locale)).toList());
        model.addAttribute("calendarYear", preview.notes().isEmpty() ? null : preview.notes().get(0).year());
        model.addAttribute("totalTasks", total);
        model.addAttribute("leader", name.apply(req.leadingGroup().leader()));
        model.addAttribute("deputyNames", names(req.leadingGroup().deputies(), name));
        model.addAttribute("memberNames", names(req.leadingGroup().members(), name));
        model.addAttribute("officeNames", names(req.office(), name));
        model.addAttribute("supervisorNames", names(req.supervisors(), name));
        model.addAttribute("unitLines", req.units().stream().map(u -> new UnitLine(u.name(),
                texts.get("page.setup.unit-type." + u.type(), locale), name.apply(u.head()),
                u.deputy() == null ? "—" : name.apply(u.deputy()),
                u.roles().isEmpty() ? "—"
                        : u.roles().stream().map(r -> roleName(r, locale)).collect(Collectors.joining("、"))))
                .toList());
        model.addAttribute("fields", f.fields());
        model.addAttribute("mode", "preview");
        return "campaign-new";
    }

    private String calendarNote(TemplateDates.Note n, Locale locale) {
        String key = "page.setup.calendar-note." + n.kind().name();
        return n.phase() == null ? texts.get(key, locale, n.year())
                : texts.get(key, locale, texts.get("phase." + n.phase().name(), locale),
                ChineseDates.format(n.day(), locale));
    }

    private static String names(List<String> ids, Function<String, String> name) {
        return ids == null || ids.isEmpty() ? "—" : ids.stream().map(name).collect(Collectors.joining("、"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The towns whose office the caller is; 403 when none. */
    private List<Region> towns() {
        List<Region> towns = townPeople.officeTowns();
        if (towns.isEmpty()) {
            throw ApiException.forbidden("office-only");
        }
        return towns;
    }

    /** The template's unit roles in the order its tasks name them, without the villages (every village takes those). */
    private static List<String> roles(CampaignTemplate template) {
        Set<String> roles = new LinkedHashSet<>();
        for (TemplatePhase p : template.phases()) {
            for (TemplateTask t : p.tasks()) {
                if (!CampaignTemplate.VILLAGES.equals(t.unit())) {
                    roles.add(t.unit());
                }
            }
        }
        return List.copyOf(roles);
    }

    private String roleName(String role, Locale locale) {
        String key = "page.setup.role." + role;
        String label = texts.get(key, locale);
        return key.equals(label) ? role : label;
    }

    /** The refusal in the reader's words: the field at fault and the people in it named as the page names them. */
    private String message(ApiException e, CampaignForm f, Region town, Locale locale) {
        if ("template-role-unmapped".equals(e.code()) && e.args().length > 0) {
            String roles = Arrays.stream(String.valueOf(e.args()[0]).split(",\\s*"))
                    .map(r -> CampaignTemplate.VILLAGES.equals(r) ? texts.get("page.setup.villages", locale)
                            : roleName(r, locale))
                    .collect(Collectors.joining("、"));
            return texts.get("page.setup.error.template-role-unmapped", locale, roles);
        }
        if ("one-leader".equals(e.code())) {
            return texts.get("page.setup.error.one-leader", locale);
        }
        Map<String, String> names = townPeople.of(town).stream()
                .collect(Collectors.toMap(TownPeople.Person::userId, TownPeople.Person::name, (a, b) -> a));
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && names.containsKey(s)) {
                args[i] = names.get(s);
            }
        }
        ApiException named = new ApiException(e.status(), e.code(), e.field(), e.row(), args);
        return Pages.refusal(texts, named, locale, field -> label(field, f, locale));
    }

    /** The field of the API's request in the reader's words: 第2个责任单位（宣传办）的负责人. */
    private String label(String field, CampaignForm f, Locale locale) {
        Matcher m = UNIT_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String unit = i < f.units.size() && !f.units.get(i).name().isEmpty()
                    ? texts.get("page.setup.field.unit-name", locale, f.units.get(i).name()) : "";
            return texts.get("page.setup.field.unit-part", locale, i + 1, unit,
                    texts.get("page.setup.field.unit." + m.group(2), locale));
        }
        m = PHASE_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String phase = i < Phase.values().length ? texts.get("phase." + Phase.values()[i].name(), locale) : "";
            return texts.get("page.setup.field.phase-part", locale, phase,
                    texts.get("page.setup.field.phase." + m.group(2), locale));
        }
        m = LIST_FIELD.matcher(field);
        if (m.matches()) {
            return texts.get("page.setup.field." + m.group(1), locale);
        }
        String key = "page.setup.field." + field;
        String label = texts.get(key, locale);
        return key.equals(label) ? field : label;
    }

    /** The form's input at fault, for its red border: "u2.head", "phase.IMPLEMENTATION.end", "name". */
    private static String input(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = UNIT_FIELD.matcher(field);
        if (m.matches()) {
            return "u" + m.group(1) + "." + m.group(2);
        }
        m = PHASE_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < Phase.values().length ? "phase." + Phase.values()[i].name() + "."
                    + (m.group(2).startsWith("end") ? "end" : "start") : null;
        }
        return field;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
