package cn.chuangwei.org;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
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
 * The set-up pages of the hierarchy: {@code /board/regions} lists the regions the caller oversees or whose people they
 * set up, with a form for a new town (or other region) under one they oversee; {@code /board/regions/{id}} lists a
 * region's people by role, with a form to add one and a button to take a role away. A refused form comes back with the
 * reason and the entries (the password excepted), and nothing is saved.
 */
@Page
class RegionPage {

    private final RegionSetup setup;
    private final CurrentUser currentUser;
    private final Texts texts;

    RegionPage(RegionSetup setup, CurrentUser currentUser, Texts texts) {
        this.setup = setup;
        this.currentUser = currentUser;
        this.texts = texts;
    }

    /** A region on the list: its name, level and the region above it, indented by depth. */
    record Row(long id, String name, String level, String parent, int depth, boolean managesPeople) {
    }

    /** A region a new one may go under, and the levels it may take there. */
    record Parent(String value, String label) {
    }

    /** A person with a role, as the page shows them. */
    record Holder(String userId, String name, String email, String role, String roleName) {
    }

    record Choice(String value, String label) {
    }

    @GetMapping("/board/regions")
    String list(@RequestParam(required = false) Long created, Model model, Locale locale) {
        requireSetUpRights();
        return list(model, locale, created, Map.of(), null, null);
    }

    @PostMapping("/board/regions")
    String create(@RequestParam Map<String, String> fields, Model model, Locale locale, HttpServletResponse response) {
        try {
            String parent = fields.get("parentId");
            Long parentId = parent == null || parent.isBlank() ? null : parse(parent, "parentId");
            Region r = setup.create(new RegionSetup.NewRegion(fields.get("name"), fields.get("level"), parentId));
            return "redirect:/board/regions?created=" + r.id();
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return list(model, locale, null, fields, message(e, locale), e.field());
        }
    }

    @GetMapping("/board/regions/{id}")
    String region(@PathVariable long id, @RequestParam(required = false) String added,
                  @RequestParam(required = false) String removed, Model model, Locale locale) {
        model.addAttribute("added", added);
        model.addAttribute("removed", removed);
        return region(id, model, locale, Map.of(), null, null);
    }

    @PostMapping("/board/regions/{id}/people")
    String add(@PathVariable long id, @RequestParam Map<String, String> fields, Model model, Locale locale,
               HttpServletResponse response) {
        try {
            RegionSetup.Person p = setup.add(id, new RegionSetup.NewPerson(fields.get("userId"), fields.get("name"),
                    fields.get("email"), fields.get("password"), fields.get("role")));
            return "redirect:/board/regions/" + id + "?added=" + p.userId();
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            Map<String, String> entered = new HashMap<>(fields);
            entered.remove("password");
            return region(id, model, locale, entered, message(e, locale), e.field());
        }
    }

    @PostMapping("/board/regions/{id}/people/{userId}/{role}/remove")
    String remove(@PathVariable long id, @PathVariable String userId, @PathVariable String role) {
        setup.remove(id, userId, role);
        return "redirect:/board/regions/" + id + "?removed=" + userId;
    }

    // ------------------------------------------------------------------------------------------------ the models

    private String list(Model model, Locale locale, Long created, Map<String, String> entered, String error,
                        String errorField) {
        List<RegionSetup.RegionView> visible = setup.visible();
        Map<Long, String> names = new HashMap<>();
        visible.forEach(v -> names.put(v.id(), v.name()));
        List<Row> rows = visible.stream().filter(v -> v.oversees() || v.managesPeople())
                .map(v -> new Row(v.id(), v.name(), levelName(v.level(), locale),
                        v.parentId() == null ? null : names.get(v.parentId()), v.depth(), v.managesPeople()))
                .toList();
        List<Parent> parents = new java.util.ArrayList<>();
        if (currentUser.isAdmin()) {
            parents.add(new Parent("", texts.get("page.regions.top", locale)));
        }
        visible.stream().filter(v -> v.oversees() && !Region.Level.TOWN.name().equals(v.level()))
                .forEach(v -> parents.add(new Parent(String.valueOf(v.id()), v.name() + "（" + levelName(v.level(), locale)
                        + "）")));
        List<Choice> levels = java.util.Arrays.stream(Region.Level.values())
                .map(l -> new Choice(l.name(), levelName(l.name(), locale))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("parents", parents);
        model.addAttribute("levels", levels);
        model.addAttribute("createdName", created == null ? null : visible.stream().filter(v -> v.id() == created)
                .map(RegionSetup.RegionView::name).findFirst().orElse(null));
        model.addAttribute("entered", new HashMap<>(entered));
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        return "regions";
    }

    private String region(long id, Model model, Locale locale, Map<String, String> entered, String error,
                          String errorField) {
        Region region = setup.forPeople(id);
        List<Holder> people = setup.people(id).stream().map(p -> new Holder(p.userId(), p.name(), p.email(), p.role(),
                roleName(p.role(), locale))).toList();
        List<Choice> roles = setup.rolesToGive(region).stream()
                .filter(r -> r != RegionRole.COUNTY_OFFICE || currentUser.isAdmin() || currentUser.inGroup(Groups.COUNTY_OFFICE))
                .map(r -> new Choice(r.name(), roleName(r.name(), locale))).toList();
        List<String> path = setup.path(region).stream().map(Region::name).toList();
        String added = (String) model.getAttribute("added");
        model.addAttribute("addedName", added == null ? null : people.stream().filter(p -> p.userId().equals(added))
                .map(Holder::name).findFirst().orElse(null));
        model.addAttribute("region", region);
        model.addAttribute("levelName", levelName(region.level().name(), locale));
        model.addAttribute("path", String.join(" › ", path));
        model.addAttribute("people", people);
        model.addAttribute("roles", roles);
        model.addAttribute("entered", new HashMap<>(entered));
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        return "region";
    }

    /** 403 unless the caller could set anything up: an administrator, a county's office or a town's office. */
    private void requireSetUpRights() {
        if (!currentUser.isAdmin() && !currentUser.inGroup(Groups.COUNTY_OFFICE) && !currentUser.inGroup(Groups.OFFICE)) {
            throw ApiException.forbidden("region-people-only");
        }
    }

    private String levelName(String level, Locale locale) {
        return texts.get("page.level." + level, locale);
    }

    private String roleName(String role, Locale locale) {
        return texts.get("page.role." + role, locale);
    }

    private String message(ApiException e, Locale locale) {
        return "en".equals(Pages.lang(locale)) ? texts.en("error." + e.code(), e.args())
                : texts.zh("error." + e.code(), e.args());
    }

    private static long parse(String value, String field) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
    }
}
