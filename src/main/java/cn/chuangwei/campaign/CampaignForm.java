package cn.chuangwei.campaign;

import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.PhaseDates;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The new-campaign page's form as posted, kept as typed so that it can come back (to add or remove a unit, after a
 * refusal, or hidden under the preview), and turned into the API's {@link CampaignRequest}. Its fields: {@code town}
 * (a region id), {@code name}, {@code template}, {@code kind}, {@code level}, {@code standard}, {@code startDate},
 * {@code phase.<PHASE>.start}/{@code .end}, {@code lg.<userId>} (LEADER, DEPUTY, MEMBER or nothing), {@code office}
 * and {@code supervisors} (user ids), {@code units} (how many rows) and each row's {@code u<i>.code}, {@code .name},
 * {@code .type}, {@code .head}, {@code .deputy}, {@code .roles}.
 */
final class CampaignForm {

    /** A unit row as typed. */
    record UnitRow(String code, String name, String type, String head, String deputy, List<String> roles) {
        static UnitRow blank() {
            return new UnitRow("", "", "", "", "", List.of());
        }
    }

    /** A field to carry as it was typed (under the preview). */
    record Field(String name, String value) {
    }

    static final int MAX_UNITS = 200;

    String town = "";
    String name = "";
    String template = "";
    String kind = "";
    String level = "";
    String standard = "";
    String startDate = "";
    final Map<Phase, String[]> phases = new LinkedHashMap<>();
    final Map<String, String> group = new LinkedHashMap<>();
    final List<String> office = new ArrayList<>();
    final List<String> supervisors = new ArrayList<>();
    final List<UnitRow> units = new ArrayList<>();

    static CampaignForm read(MultiValueMap<String, String> p) {
        CampaignForm f = new CampaignForm();
        f.town = one(p, "town");
        f.name = one(p, "name");
        f.template = one(p, "template");
        f.kind = one(p, "kind");
        f.level = one(p, "level");
        f.standard = one(p, "standard");
        f.startDate = one(p, "startDate");
        for (Phase phase : Phase.values()) {
            f.phases.put(phase, new String[] {one(p, "phase." + phase.name() + ".start"),
                    one(p, "phase." + phase.name() + ".end")});
        }
        p.forEach((key, values) -> {
            if (key.startsWith("lg.") && key.length() > 3 && !values.isEmpty()) {
                f.group.put(key.substring(3), values.get(0) == null ? "" : values.get(0).trim());
            }
        });
        f.office.addAll(many(p, "office"));
        f.supervisors.addAll(many(p, "supervisors"));
        int n = count(one(p, "units"));
        for (int i = 0; i < n; i++) {
            String u = "u" + i + ".";
            f.units.add(new UnitRow(one(p, u + "code"), one(p, u + "name"), one(p, u + "type"), one(p, u + "head"),
                    one(p, u + "deputy"), many(p, u + "roles")));
        }
        return f;
    }

    /** The form's fields as they were typed: to post them again under the preview. */
    List<Field> fields() {
        List<Field> out = new ArrayList<>();
        out.add(new Field("town", town));
        out.add(new Field("name", name));
        out.add(new Field("template", template));
        out.add(new Field("kind", kind));
        out.add(new Field("level", level));
        out.add(new Field("standard", standard));
        out.add(new Field("startDate", startDate));
        phases.forEach((phase, d) -> {
            out.add(new Field("phase." + phase.name() + ".start", d[0]));
            out.add(new Field("phase." + phase.name() + ".end", d[1]));
        });
        group.forEach((user, role) -> out.add(new Field("lg." + user, role)));
        office.forEach(o -> out.add(new Field("office", o)));
        supervisors.forEach(s -> out.add(new Field("supervisors", s)));
        out.add(new Field("units", String.valueOf(units.size())));
        for (int i = 0; i < units.size(); i++) {
            UnitRow u = units.get(i);
            String k = "u" + i + ".";
            out.add(new Field(k + "code", u.code()));
            out.add(new Field(k + "name", u.name()));
            out.add(new Field(k + "type", u.type()));
            out.add(new Field(k + "head", u.head()));
            out.add(new Field(k + "deputy", u.deputy()));
            u.roles().forEach(r -> out.add(new Field(k + "roles", r)));
        }
        return out;
    }

    List<String> inGroup(String role) {
        return group.entrySet().stream().filter(e -> role.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /**
     * The API's request for the town named {@code townName}: the phases' dates when any is given (else the template's
     * from the start date), a unit without a code coded after the town and its row. Refuses a date that is no date and
     * a second leader, naming the field as the API does.
     */
    CampaignRequest request(String townName, long townId) {
        List<PhaseDates> dates = null;
        if (phases.values().stream().anyMatch(d -> !d[0].isEmpty() || !d[1].isEmpty())) {
            dates = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Phase, String[]> e : phases.entrySet()) {
                dates.add(new PhaseDates(e.getKey().name(), date(e.getValue()[0], "phases[" + i + "].startDate"),
                        date(e.getValue()[1], "phases[" + i + "].endDate")));
                i++;
            }
        }
        List<String> leaders = inGroup(MemberRole.LEADER.name());
        if (leaders.size() > 1) {
            throw ApiException.badRequest("one-leader", "leadingGroup.leader", "leadingGroup.leader");
        }
        LeadingGroup lg = new LeadingGroup(leaders.isEmpty() ? null : leaders.get(0), inGroup(MemberRole.DEPUTY.name()),
                inGroup(MemberRole.MEMBER.name()));
        List<UnitRequest> unitRequests = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitRow u = units.get(i);
            unitRequests.add(new UnitRequest(u.code().isEmpty() ? "t" + townId + "-" + (i + 1) : u.code(),
                    u.name(), u.type(), blankToNull(u.head()), blankToNull(u.deputy()), u.roles()));
        }
        return new CampaignRequest(name, townName, blankToNull(kind), blankToNull(level), blankToNull(template),
                blankToNull(standard), date(startDate, "startDate"), dates, lg, List.copyOf(office),
                List.copyOf(supervisors), unitRequests, List.of(), false);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String one(MultiValueMap<String, String> p, String key) {
        String v = p.getFirst(key);
        return v == null ? "" : v.trim();
    }

    private static List<String> many(MultiValueMap<String, String> p, String key) {
        List<String> v = p.get(key);
        return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct()
                .toList();
    }

    private static int count(String text) {
        try {
            return Math.max(0, Math.min(MAX_UNITS, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
