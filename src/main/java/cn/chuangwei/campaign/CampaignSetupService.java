package cn.chuangwei.campaign;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignRequest.LeadingGroup;
import cn.chuangwei.campaign.CampaignRequest.PhaseDates;
import cn.chuangwei.campaign.CampaignRequest.UnitRequest;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Directory;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.standard.StandardVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a campaign up: checks everything first, then writes the campaign, its phases, people, units and task
 * decomposition table in one transaction and starts its process. A refusal names the field and writes nothing.
 */
@Service
public class CampaignSetupService {

    static final String PROCESS_KEY = "campaign";
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final CampaignTemplates templates;
    private final StandardVersions standards;
    private final Directory directory;
    private final Regions regions;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PhaseProgress progress;
    private final TransactionTemplate dryRun;
    private final TemplateDates templateDates;

    CampaignSetupService(CampaignRepository campaigns, PhaseRepository phases, CampaignTemplates templates,
                         StandardVersions standards, Directory directory, RuntimeService runtime,
                         ApplicationEventPublisher events, Clock clock, Regions regions, PhaseProgress progress,
                         PlatformTransactionManager transactions, TemplateDates templateDates) {
        this.templateDates = templateDates;
        this.progress = progress;
        this.dryRun = new TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.campaigns = campaigns;
        this.phases = phases;
        this.templates = templates;
        this.standards = standards;
        this.directory = directory;
        this.regions = regions;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the campaign and, unless it is a draft, starts its process. */
    @Transactional
    public long create(CampaignRequest req, String createdBy) {
        long id = register(req, createdBy);
        if (!Boolean.TRUE.equals(req.draft())) {
            start(id);
        }
        return id;
    }

    /**
     * What a campaign would be, were it registered: its phases' dates, how many tasks each phase would get, and what
     * the office should know of the working-day calendar those dates were counted on.
     */
    public record Preview(Map<Phase, DateRange> phases, Map<Phase, Integer> tasks, List<TemplateDates.Note> notes) {
    }

    /**
     * Registers the campaign exactly as {@link #create} would, reads back its phases and tasks, and rolls it all back:
     * the same checks (a refusal as {@link #create}'s), nothing written.
     */
    public Preview preview(CampaignRequest req, String createdBy) {
        return dryRun.execute(status -> {
            status.setRollbackOnly();
            long id = register(req, createdBy);
            Map<Phase, DateRange> dates = new EnumMap<>(Phase.class);
            Map<Phase, Integer> tasks = new EnumMap<>(Phase.class);
            for (CampaignPhase p : phases.ofCampaign(id)) {
                dates.put(p.phase(), new DateRange(p.startDate(), p.endDate()));
                tasks.put(p.phase(), progress.counts(id, p.phase()).total());
            }
            return new Preview(dates, tasks, templateDates.notes(dates));
        });
    }

    /** Starts the process of a draft campaign. */
    @Transactional
    public void start(long id) {
        Campaign c = campaigns.find(id).orElseThrow(() -> ApiException.notFound("unknown-campaign", id));
        if (c.status() != CampaignStatus.DRAFT) {
            throw ApiException.conflict("campaign-not-draft", "status", c.status());
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, "campaign-" + id, Map.of(CampaignVariables.CAMPAIGN_ID, id));
    }

    /** Checks the request and writes the campaign as a draft; returns its id. Writes nothing when it refuses. */
    @Transactional
    public long register(CampaignRequest req, String createdBy) {
        String name = text(req.name(), "name", 200);
        String town = text(req.town(), "town", 100);
        CampaignTemplate template = null;
        if (req.template() != null && !req.template().isBlank()) {
            template = templates.find(req.template().trim())
                    .orElseThrow(() -> ApiException.badRequest("unknown-template", "template", req.template()));
        }
        CampaignKind kind = req.kind() == null && template != null ? template.kind()
                : parse(CampaignKind.class, req.kind(), "kind");
        CampaignLevel level = req.level() == null && template != null ? template.level()
                : parse(CampaignLevel.class, req.level(), "level");
        String standard = req.standard() != null ? req.standard().trim() : template != null ? template.standard() : null;
        if (standard == null || standard.isBlank()) {
            throw ApiException.badRequest("required", "standard", "standard");
        }
        // a standard is named by its family; a new campaign follows the family's latest version, and stays on it
        String named = standard.trim();
        standard = standards.latestCode(named)
                .orElseThrow(() -> ApiException.badRequest("unknown-standard", "standard", named));
        Map<Phase, DateRange> dates = phaseDates(req, template);
        List<CampaignMember> members = members(req);
        Map<String, CampaignUnit> units = units(req.units(), members, town);
        if (campaigns.activeExists(town, kind, level)) {
            throw ApiException.conflict("duplicate-campaign", "town", town);
        }

        Region townRegion = regions.town(town);
        long id = campaigns.insert(name, townRegion, kind, level, standard,
                template == null ? null : template.id(), createdBy, clock.instant());
        dates.forEach((phase, range) -> phases.insert(id, phase, range.start(), range.end()));
        members.forEach(m -> campaigns.insertMember(id, m));
        units.values().forEach(u -> campaigns.insertUnit(id, u));
        // the town's people work in its tenant from the start: the campaign's processes run there
        members.forEach(m -> regions.addMember(townRegion, m.userId()));
        if (createdBy != null) {
            regions.addMember(townRegion, createdBy); // whoever sets up a town's first campaign works in it
        }
        units.values().forEach(u -> regions.addMember(townRegion, u.headUserId()));
        events.publishEvent(new CampaignRegistered(id, standard, template, units, dates,
                req.tasks() == null ? List.of() : req.tasks()));
        return id;
    }

    /**
     * A campaign started from its Tasklist start form: the town's units and people are taken over from its most recent
     * campaign, the phases and tasks from the template.
     */
    @Transactional
    public long registerFromStartForm(String name, String town, String templateId, LocalDate startDate, String initiator) {
        String t = text(town, "town", 100);
        Campaign previous = campaigns.latestOfTown(t).orElseThrow(() -> ApiException.badRequest("town-has-no-units", "town", t));
        // only the town's own people start its next campaign (the engine gives the new instance the town's tenant unasked)
        if (!regions.isMember(regions.findTown(t).orElseThrow(), initiator)) {
            throw ApiException.forbidden("office-only");
        }
        List<CampaignMember> members = campaigns.members(previous.id());
        LeadingGroup group = new LeadingGroup(
                members.stream().filter(m -> m.role() == MemberRole.LEADER).map(CampaignMember::userId).findFirst().orElse(null),
                ids(members, MemberRole.DEPUTY), ids(members, MemberRole.MEMBER));
        List<UnitRequest> units = campaigns.units(previous.id()).stream()
                .map(u -> new UnitRequest(u.code(), u.name(), u.type().name(), u.headUserId(), u.deputyUserId(), u.roles()))
                .toList();
        CampaignRequest req = new CampaignRequest(name, t, null, null, templateId, null, startDate, null, group,
                ids(members, MemberRole.OFFICE), ids(members, MemberRole.SUPERVISOR), units, List.of(), true);
        return register(req, initiator);
    }

    private static List<String> ids(List<CampaignMember> members, MemberRole role) {
        return members.stream().filter(m -> m.role() == role).map(CampaignMember::userId).toList();
    }

    private Map<Phase, DateRange> phaseDates(CampaignRequest req, CampaignTemplate template) {
        Map<Phase, DateRange> dates = new EnumMap<>(Phase.class);
        if (req.phases() != null && !req.phases().isEmpty()) {
            for (int i = 0; i < req.phases().size(); i++) {
                PhaseDates p = req.phases().get(i);
                String f = "phases[" + i + "]";
                if (p == null) {
                    throw ApiException.badRequest("required", f, f);
                }
                Phase phase = Phase.parse(p.phase()).orElseThrow(() -> ApiException.badRequest(
                        p.phase() == null ? "required" : "unknown-phase", f + ".phase", f + ".phase", p.phase()));
                if (p.startDate() == null || p.endDate() == null) {
                    throw ApiException.badRequest("required", f + ".startDate", f + ".startDate/endDate");
                }
                if (p.endDate().isBefore(p.startDate())) {
                    throw ApiException.badRequest("end-before-start", f + ".endDate", phase.zh());
                }
                if (dates.put(phase, new DateRange(p.startDate(), p.endDate())) != null) {
                    throw ApiException.badRequest("duplicate-phase", f + ".phase", phase.zh());
                }
            }
            for (Phase phase : Phase.values()) {
                if (!dates.containsKey(phase)) {
                    throw ApiException.badRequest("missing-phase", "phases", phase.zh());
                }
            }
        } else if (template != null && req.startDate() != null) {
            dates.putAll(templateDates.phases(template, req.startDate()));
        } else {
            throw ApiException.badRequest("required", "phases", "phases / startDate");
        }
        DateRange previous = null;
        for (Phase phase : Phase.values()) {
            DateRange r = dates.get(phase);
            if (previous != null && !r.start().isAfter(previous.end())) {
                throw ApiException.badRequest("phases-overlap", "phases", phase.zh());
            }
            previous = r;
        }
        return dates;
    }

    private List<CampaignMember> members(CampaignRequest req) {
        LeadingGroup g = req.leadingGroup();
        if (g == null || g.leader() == null || g.leader().isBlank()) {
            throw ApiException.badRequest("required", "leadingGroup.leader", "leadingGroup.leader");
        }
        List<CampaignMember> members = new ArrayList<>();
        Set<String> inGroup = new HashSet<>();
        addPeople(members, inGroup, List.of(g.leader()), MemberRole.LEADER, "leadingGroup.leader");
        addPeople(members, inGroup, g.deputies(), MemberRole.DEPUTY, "leadingGroup.deputies");
        addPeople(members, inGroup, g.members(), MemberRole.MEMBER, "leadingGroup.members");
        addPeople(members, new HashSet<>(), req.office(), MemberRole.OFFICE, "office");
        addPeople(members, new HashSet<>(), req.supervisors(), MemberRole.SUPERVISOR, "supervisors");
        return members;
    }

    private void addPeople(List<CampaignMember> members, Set<String> seen, List<String> ids, MemberRole role, String field) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String f = role == MemberRole.LEADER ? field : field + "[" + i + "]";
            String id = ids.get(i) == null ? null : ids.get(i).trim();
            if (id == null || id.isEmpty()) {
                throw ApiException.badRequest("required", f, f);
            }
            if (!directory.userExists(id)) {
                throw ApiException.badRequest("unknown-person", f, f, id);
            }
            if (!seen.add(id)) {
                throw ApiException.badRequest("duplicate-person", f, f, id);
            }
            members.add(new CampaignMember(id, role));
        }
    }

    private Map<String, CampaignUnit> units(List<UnitRequest> requested, List<CampaignMember> members, String town) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("required", "units", "units");
        }
        Set<String> deputies = members.stream()
                .filter(m -> m.role() == MemberRole.DEPUTY || m.role() == MemberRole.LEADER)
                .map(CampaignMember::userId).collect(Collectors.toSet());
        Map<String, CampaignUnit> units = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            UnitRequest u = requested.get(i);
            String f = "units[" + i + "]";
            if (u == null) {
                throw ApiException.badRequest("required", f, f);
            }
            if (u.code() == null || !UNIT_CODE.matcher(u.code()).matches()) {
                throw ApiException.badRequest(u.code() == null ? "required" : "invalid-unit-code", f + ".code", f + ".code",
                        u.code());
            }
            String unitName = text(u.name(), f + ".name", 100);
            UnitType type = parse(UnitType.class, u.type(), f + ".type");
            if (u.head() == null || !directory.userExists(u.head())) {
                throw ApiException.badRequest(u.head() == null ? "required" : "unknown-person", f + ".head", f + ".head",
                        u.head());
            }
            if (u.deputy() != null && !deputies.contains(u.deputy())) {
                throw ApiException.badRequest("deputy-not-in-group", f + ".deputy", f + ".deputy", u.deputy());
            }
            campaigns.otherTownUsingUnit(u.code(), town).ifPresent(other -> {
                throw ApiException.conflict("unit-code-taken", f + ".code", u.code(), other);
            });
            List<String> roles = u.roles() == null ? List.of()
                    : u.roles().stream().filter(r -> r != null && !r.isBlank()).map(String::trim).toList();
            if (units.put(u.code(), new CampaignUnit(u.code(), unitName, type, u.head(), u.deputy(), roles)) != null) {
                throw ApiException.badRequest("duplicate-unit", f + ".code", u.code());
            }
        }
        return units;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", field, field);
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ApiException.badRequest("too-long", field, field, max);
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", field, field);
        }
        Map<String, E> byName = java.util.Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(Enum::name, Function.identity()));
        E e = byName.get(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        if (e == null) {
            throw ApiException.badRequest("invalid-choice", field, field, value, String.join(", ", byName.keySet()));
        }
        return e;
    }
}
