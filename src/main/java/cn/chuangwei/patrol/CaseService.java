package cn.chuangwei.patrol;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.org.Visibility;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrol and complaint cases (巡查 / 投诉, GB/T 30428): a grid inspector reports a problem found on patrol, a hotline
 * operator registers a citizen's complaint; each case runs {@code patrol-case.bpmn}. The caller's contact is private to
 * the office and the hotline.
 */
@Service("patrolCases")  // "caseService" is the engine's (CMMN)
public class CaseService {

    public static final String GRID_INSPECTORS = Groups.GRID_INSPECTORS;
    public static final String HOTLINE = Groups.HOTLINE;
    static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * What a reporter says; the caller's fields only for a complaint. {@code source}: {@code PATROL} (巡查, the default),
     * {@code VIDEO} (视频监控, with the camera or point as {@code sourceRef}) or {@code ASSIGNED} (上级交办, recorded by the
     * office with the assigning document's number as {@code sourceRef}); a complaint's is {@code HOTLINE}.
     */
    public record Report(Long campaignId, String gridCode, String category, String urgency, String description,
                         String address, BigDecimal latitude, BigDecimal longitude, String callerName, String callerPhone,
                         String callerEmail, String source, String sourceRef) {

        /** A report found on patrol or taken on the hotline, as before the other sources. */
        public Report(Long campaignId, String gridCode, String category, String urgency, String description,
                      String address, BigDecimal latitude, BigDecimal longitude, String callerName, String callerPhone,
                      String callerEmail) {
            this(campaignId, gridCode, category, urgency, description, address, latitude, longitude, callerName,
                    callerPhone, callerEmail, null, null);
        }
    }

    /** Where a case comes from: the hotline's complaints have their own address, the others are reported here. */
    static final List<String> REPORTED_SOURCES = List.of("PATROL", "VIDEO", "ASSIGNED");
    static final int SOURCE_REF_MAX = 100;

    /** A grid of the campaign's town and the inspector who patrols it. */
    public record Grid(String code, String name, String inspector) {
    }

    private final CaseRepository cases;
    private final CampaignRepository campaigns;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final Visibility visibility;
    private final Regions regions;
    private final CaseNames names;
    private final Clock clock;

    CaseService(CaseRepository cases, CampaignRepository campaigns, JdbcClient jdbc, RuntimeService runtime,
                TaskService tasks, CurrentUser currentUser, Clock clock, Visibility visibility, Regions regions, CaseNames names) {
        this.cases = cases;
        this.names = names;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.visibility = visibility;
        this.regions = regions;
        this.clock = clock;
    }

    /** Whether the caller may read complainants' names and numbers somewhere: an office or the hotline. */
    boolean seesCallers() {
        return currentUser.isOffice() || currentUser.inGroup(HOTLINE);
    }

    /** Whether the caller reads the complainants of the town's cases: its office, or the hotline working for it. */
    private boolean seesCallers(String tenantId) {
        return visibility.isOfficeOf(tenantId) || (currentUser.inGroup(HOTLINE) && visibility.inTown(tenantId));
    }

    /** The town (tenant) of each campaign asked about, read once per call. */
    private Function<Long, String> towns() {
        Map<Long, String> known = new HashMap<>();
        return campaignId -> known.computeIfAbsent(campaignId,
                id -> campaigns.find(id).map(Campaign::tenantId).orElse(""));
    }

    /** Reports a case and starts its process; refused whole, the field named, when anything is wrong. */
    @Transactional
    public PatrolCase report(Report r, boolean complaint) {
        if (complaint ? !(currentUser.inGroup(HOTLINE) || currentUser.isOffice())
                : !(currentUser.inGroup(GRID_INSPECTORS) || currentUser.inGroup(Groups.SUPERVISORS) || currentUser.isOffice())) {
            throw ApiException.forbidden(complaint ? "hotline-only" : "inspectors-only");
        }
        Report checked = check(r, complaint);
        long id = cases.insert(checked, checked.source(), currentUser.id(), clock.instant());
        cases.event(id, "REPORTED", currentUser.id(), null, clock.instant());
        String pi = runtime.startProcessInstanceByKey("patrol-case", "case-" + id,
                Map.of("caseId", id, "campaignId", checked.campaignId())).getId();
        cases.attachProcess(id, pi);
        return cases.find(id).orElseThrow();
    }

    Report check(Report r, boolean complaint) {
        if (r == null || r.campaignId() == null) {
            throw ApiException.badRequest("required", "campaignId", "campaignId");
        }
        Campaign c = campaigns.find(r.campaignId()).orElseThrow(() -> ApiException.notFound("unknown-campaign", r.campaignId()));
        if (!visibility.inTown(c.tenantId())) {
            throw ApiException.forbidden("not-in-campaign"); // a town's cases are reported by who works in it
        }
        if (c.status() != CampaignStatus.ACTIVE && c.status() != CampaignStatus.COMPLETED) {
            throw ApiException.conflict("campaign-not-running", "campaignId", c.status());
        }
        if (r.gridCode() == null || r.gridCode().isBlank()) {
            throw ApiException.badRequest("required", "gridCode", "gridCode");
        }
        if (grids(c.id()).stream().noneMatch(g -> g.code().equals(r.gridCode().trim()))) {
            throw ApiException.badRequest("unknown-grid", "gridCode", r.gridCode());
        }
        String category = r.category() == null ? null : r.category().trim().toUpperCase(Locale.ROOT);
        if (category == null || category.isEmpty()) {
            throw ApiException.badRequest("required", "category", "category");
        }
        List<String> categories = names.categoryCodes();
        if (!categories.contains(category)) {
            throw ApiException.badRequest("invalid-choice", "category", "category", r.category(), String.join(", ", categories));
        }
        String urgency = r.urgency() == null || r.urgency().isBlank() ? "NORMAL" : r.urgency().trim().toUpperCase(Locale.ROOT);
        if (!URGENCIES.contains(urgency)) {
            throw ApiException.badRequest("invalid-choice", "urgency", "urgency", r.urgency(), "NORMAL, URGENT");
        }
        String source = complaint ? "HOTLINE" : r.source() == null || r.source().isBlank() ? "PATROL"
                : r.source().trim().toUpperCase(Locale.ROOT);
        if (!complaint && !REPORTED_SOURCES.contains(source)) {
            throw ApiException.badRequest("invalid-choice", "source", "source", r.source(), String.join(", ", REPORTED_SOURCES));
        }
        if ("ASSIGNED".equals(source) && !visibility.isOfficeOf(c.tenantId())) {
            throw ApiException.forbidden("office-only"); // a higher authority's assignment reaches the town's office
        }
        // the assigning document's number, or the camera or point the video comes from
        String sourceRef = "ASSIGNED".equals(source) || "VIDEO".equals(source)
                ? text(r.sourceRef(), "sourceRef", SOURCE_REF_MAX, true) : null;
        String description = text(r.description(), "description", 2000, true);
        String address = text(r.address(), "address", 300, true);
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw ApiException.badRequest("required", r.latitude() == null ? "latitude" : "longitude",
                    r.latitude() == null ? "latitude" : "longitude");
        }
        if (r.latitude() != null && (r.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
            throw ApiException.badRequest("coordinate-out-of-range", "latitude", "latitude", r.latitude());
        }
        if (r.longitude() != null && (r.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw ApiException.badRequest("coordinate-out-of-range", "longitude", "longitude", r.longitude());
        }
        String callerName = null;
        String callerPhone = null;
        String callerEmail = null;
        if (complaint) {
            callerName = text(r.callerName(), "callerName", 100, true);
            callerPhone = text(r.callerPhone(), "callerPhone", 40, true);
            callerEmail = text(r.callerEmail(), "callerEmail", 320, false);
            if (callerEmail != null && !EMAIL.matcher(callerEmail).matches()) {
                throw ApiException.badRequest("invalid-email", "callerEmail", callerEmail);
            }
        }
        return new Report(c.id(), r.gridCode().trim(), category, urgency, description, address, r.latitude(), r.longitude(),
                callerName, callerPhone, callerEmail, source, sourceRef);
    }

    /**
     * Who sees a case: its town's office, supervisors and leading group, the county above, and the hotline and grid
     * inspectors working in the town see every case of the town; a unit sees the cases sent to it; anyone sees the cases
     * they reported.
     */
    private boolean maySee(PatrolCase c, String tenantId) {
        return visibility.seesUnit(tenantId, c.unitCode())
                || ((currentUser.inGroup(HOTLINE) || currentUser.inGroup(GRID_INSPECTORS)) && visibility.inTown(tenantId))
                || currentUser.id().equals(c.reportedBy());
    }

    /** The cases the caller may see, the complainant's contact removed for whoever may not read it. */
    private List<PatrolCase> visible(List<PatrolCase> found) {
        Function<Long, String> towns = towns();
        Map<String, Boolean> callers = new HashMap<>();
        return found.stream().filter(c -> maySee(c, towns.apply(c.campaignId())))
                .map(c -> callers.computeIfAbsent(towns.apply(c.campaignId()), this::seesCallers) ? c : c.withoutCaller())
                .toList();
    }

    /** One case, as the lists show it: 403 for a case the caller may not see. */
    public PatrolCase view(long id) {
        return seen(id).c();
    }

    /**
     * One case as its page shows it: the complainant's name and contact for those who read them, else only their phone
     * masked ({@code 139****5678}), so that a unit knows there is a caller without learning who.
     */
    record Seen(PatrolCase c, boolean callerShown, String maskedPhone) {
    }

    Seen seen(long id) {
        PatrolCase c = cases.find(id).orElseThrow(() -> ApiException.notFound("unknown-case", id));
        String town = towns().apply(c.campaignId());
        if (!maySee(c, town)) {
            throw ApiException.forbidden("not-your-case");
        }
        return seesCallers(town) ? new Seen(c, true, null) : new Seen(c.withoutCaller(), false, masked(c.callerPhone()));
    }

    /** A phone number with its middle hidden: 139****5678; a short one all but its last two characters. */
    static String masked(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        int start = p.length() >= 11 ? 3 : 0;
        int end = p.length() >= 7 ? 4 : Math.min(2, p.length() / 2);
        return p.substring(0, start) + "*".repeat(p.length() - start - end) + p.substring(p.length() - end);
    }

    public List<PatrolCase> list(Long campaignId, String status, String unit) {
        return visible(cases.list(campaignId, status, unit));
    }

    /** The board's case lists: the same visibility as {@link #list}, with the reporting and month windows. */
    public List<PatrolCase> search(Long campaignId, String status, String unit, String reportedBy, Instant from, Instant to,
                                   Instant dueFrom, Instant dueTo, Instant closedFrom, Instant closedTo) {
        return visible(cases.search(campaignId, status, unit, reportedBy, ts(from), ts(to), ts(dueFrom), ts(dueTo),
                ts(closedFrom), ts(closedTo)));
    }

    private static java.sql.Timestamp ts(Instant i) {
        return i == null ? null : java.sql.Timestamp.from(i);
    }

    /** A photo taken on a phone: its file name, type and bytes. */
    public record Photo(String name, String contentType, byte[] content) {
    }

    /** A case reported from the phone together with its photos: all of it, or nothing when one part is refused. */
    @Transactional
    public PatrolCase reportWithPhotos(Report r, boolean complaint, List<Photo> photos, long maxBytes) {
        PatrolCase reported = report(r, complaint);
        for (Photo p : photos) {
            photo(reported.id(), p.name(), p.contentType(), p.content(), maxBytes);
        }
        return reported;
    }

    /**
     * A photo of the case: after handling ({@code HANDLE}) by its unit, on the site check ({@code CHECK}) by whoever holds
     * the case's 核查 task, when reported ({@code REPORT}) by its reporter or the town's office; anyone else is refused
     * before the file is looked at. Nothing is written when the file is refused (empty, too large, not an image).
     */
    @Transactional
    public long photo(long caseId, String fileName, String contentType, byte[] content, long maxBytes) {
        PatrolCase c = cases.find(caseId).orElseThrow(() -> ApiException.notFound("unknown-case", caseId));
        String stage = photoStage(c);
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("empty-file", "file");
        }
        if (content.length > maxBytes) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        String imageType = cn.chuangwei.task.EvidenceService.imageType(content);
        if (imageType == null) {
            throw ApiException.badRequest("not-an-image", "file", fileName);
        }
        String name = fileName == null || fileName.isBlank() ? "photo" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return cases.photo(caseId, stage, name.length() > 255 ? name.substring(0, 255) : name,
                imageType, content, currentUser.id(), clock.instant());
    }

    /** The stage a photo of the caller's is taken at, or 403 for someone who may not add one. */
    private String photoStage(PatrolCase c) {
        if (visibility.inUnit(c.unitCode())) {
            return "HANDLE";
        }
        if (c.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey(PatrolCaseForms.CHECK_CASE).taskAssignee(currentUser.id()).count() > 0) {
            return "CHECK";
        }
        if (currentUser.id().equals(c.reportedBy()) || visibility.isOfficeOf(towns().apply(c.campaignId()))) {
            return "REPORT";
        }
        throw ApiException.forbidden("not-your-case");
    }

    /** A caller's reply after the result: an unsatisfied reply reopens the case once. */
    @Transactional
    public void feedback(long caseId, Boolean satisfied) {
        if (!seesCallers()) {
            throw ApiException.forbidden("hotline-only");
        }
        PatrolCase c = cases.find(caseId).orElseThrow(() -> ApiException.notFound("unknown-case", caseId));
        if (!seesCallers(towns().apply(c.campaignId()))) {
            throw ApiException.forbidden("hotline-only");
        }
        if (satisfied == null) {
            throw ApiException.badRequest("required", "satisfied", "satisfied");
        }
        long waiting = runtime.createExecutionQuery().processInstanceId(c.processInstanceId())
                .messageEventSubscriptionName("CitizenFeedback").count();
        if (waiting == 0) {
            throw ApiException.conflict("no-feedback-expected", "caseId", caseId);
        }
        runtime.createMessageCorrelation("CitizenFeedback").processInstanceId(c.processInstanceId())
                .setVariable("satisfied", satisfied).correlate();
    }

    /** A grid the caller may report in, with its running campaign. */
    public record ReportGrid(long campaignId, String campaignName, String code, String name, String inspector) {
    }

    /**
     * The grids of running campaigns the caller may report in (a complaint: register a citizen's complaint in): every
     * grid for those {@link #report} allows, none for anyone else.
     */
    public List<ReportGrid> reportableGrids(boolean complaint) {
        boolean any = complaint ? currentUser.inGroup(HOTLINE) || currentUser.isOffice()
                : currentUser.inGroup(GRID_INSPECTORS) || currentUser.inGroup(Groups.SUPERVISORS) || currentUser.isOffice();
        if (!any) {
            return List.of();
        }
        Map<Long, String> running = new HashMap<>();
        campaigns.active().stream().filter(c -> visibility.inTown(c.tenantId())).forEach(c -> running.put(c.id(), c.name()));
        if (running.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select campaign_id, code, name, inspector from patrol_grid where campaign_id in (:running)
                order by case when inspector = :me then 0 else 1 end, campaign_id desc, code""")
                .param("running", running.keySet()).param("me", currentUser.id())
                .query((rs, n) -> new ReportGrid(rs.getLong("campaign_id"), running.get(rs.getLong("campaign_id")),
                        rs.getString("code"), rs.getString("name"), rs.getString("inspector")))
                .list();
    }

    public List<Grid> grids(long campaignId) {
        return jdbc.sql("select code, name, inspector from patrol_grid where campaign_id = :c order by code")
                .param("c", campaignId).query(Grid.class).list();
    }

    @Transactional
    public List<Grid> saveGrids(long campaignId, List<Grid> grids) {
        currentUser.requireOffice();
        visibility.requireOfficeOf(campaigns.find(campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId)).tenantId());
        return defineGrids(campaignId, grids);
    }

    /** A campaign's grids, checked and replaced as {@link #saveGrids} does, for set-up without a signed-in user. */
    public List<Grid> defineGrids(long campaignId, List<Grid> grids) {
        Campaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        if (grids == null || grids.isEmpty()) {
            throw ApiException.badRequest("required", "grids", "grids");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < grids.size(); i++) {
            Grid g = grids.get(i);
            String f = "[" + i + "]";
            if (g == null || g.code() == null || !g.code().matches("[A-Za-z0-9_-]{1,40}")) {
                throw ApiException.badRequest("invalid-code", f + ".code", f + ".code", g == null ? null : g.code());
            }
            if (!codes.add(g.code())) {
                throw ApiException.badRequest("duplicate-code", f + ".code", g.code());
            }
            text(g.name(), f + ".name", 100, true);
            text(g.inspector(), f + ".inspector", 64, false);
        }
        jdbc.sql("delete from patrol_grid where campaign_id = :c").param("c", campaignId).update();
        Region town = regions.find(campaign.townId()).orElseThrow();
        for (Grid g : grids) {
            String inspector = text(g.inspector(), "inspector", 64, false);
            jdbc.sql("insert into patrol_grid (campaign_id, code, name, inspector) values (:c, :code, :n, :i)")
                    .param("c", campaignId).param("code", g.code()).param("n", g.name().trim())
                    .param("i", inspector).update();
            if (inspector != null) {
                // a grid's inspector works in the grid's town
                regions.addMember(town, inspector);
            }
        }
        return grids(campaignId);
    }

    private static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.badRequest("required", field, field);
            }
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ApiException.badRequest("too-long", field, field, max);
        }
        return v;
    }
}
