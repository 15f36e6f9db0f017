package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.org.Directory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Circulars (通报): a supervisor names the units whose tasks, due in a period, are still overdue. The circular gets a
 * number of the campaign's year sequence, is rendered as PDF, Word and Excel, kept, and mailed to the heads of the
 * units named and to the leading group, all in one transaction.
 */
@Service
class CircularService {

    /**
     * What a supervisor asks for; title and body may be left to the defaults. Either a period ({@code from}, {@code to}):
     * the campaign's tasks due in it that are overdue now; or the overdue tasks picked ({@code tasks}, task row ids),
     * within the period if one is given. A {@code token} (the page's form) makes a second submission find the circular
     * the first issued.
     */
    public record Request(Long campaignId, LocalDate from, LocalDate to, String title, String body, List<Long> tasks,
                          String token) {

        public Request(Long campaignId, LocalDate from, LocalDate to, String title, String body) {
            this(campaignId, from, to, title, body, null, null);
        }
    }

    /** A circular as the audit lists it. */
    public record Summary(long id, long campaignId, String number, String title, String issuingOffice, LocalDate periodFrom,
                          LocalDate periodTo, String issuedBy, Instant issuedAt, int tasks, List<String> units) {
    }

    /** A circular before it is issued: what it will say (with the number it would get now) and the tasks it names. */
    private record Draft(Campaign campaign, Circular circular, List<OpenTask> tasks) {
    }

    /** The most tasks one request may pick. */
    static final int MAX_PICKED = 1000;

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final SupervisionService supervision;
    private final CircularPdf pdf;
    private final CircularDocx docx;
    private final CircularXlsx xlsx;
    private final Notifier notifier;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final DueDates dueDates;
    private final Texts texts;
    private final Clock clock;
    private final SiteSettings site;
    private final Visibility visibility;

    CircularService(JdbcClient jdbc, CampaignRepository campaigns, SupervisionService supervision,
                    CircularPdf pdf, CircularDocx docx, CircularXlsx xlsx, Notifier notifier, Directory directory,
                    CurrentUser currentUser, DueDates dueDates, Texts texts, Clock clock, SiteSettings site,
                    Visibility visibility) {
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.supervision = supervision;
        this.pdf = pdf;
        this.docx = docx;
        this.xlsx = xlsx;
        this.notifier = notifier;
        this.directory = directory;
        this.currentUser = currentUser;
        this.dueDates = dueDates;
        this.texts = texts;
        this.clock = clock;
        this.site = site;
    }

    /** Whether the caller may issue the campaign's circulars: its town's supervisors and office. */
    public boolean mayIssue(long campaignId) {
        return campaigns.find(campaignId).map(c -> visibility.supervisesTown(c.tenantId())).orElse(false);
    }

    /** A circular before it is issued, to show: its sheet (the document's body), and its title and body as worded. */
    record Preview(String sheet, String title, String body, int tasks, int units) {
    }

    /**
     * The circular as it would be issued now: the sheet of its print view (the PDF's template and renderer) with the
     * number, title, issuing office, date and tasks. Refused as {@link #issue} would refuse it; writes nothing.
     */
    Preview preview(Request r) {
        Draft d = draft(r);
        return new Preview(pdf.sheet(d.circular()), d.circular().title(), d.circular().body(), d.tasks().size(),
                (int) d.tasks().stream().map(OpenTask::unitCode).distinct().count());
    }

    @Transactional
    public Summary issue(Request r) {
        if (r != null && r.token() != null) {
            if (r.token().isBlank() || r.token().length() > 64) {
                throw ApiException.badRequest("invalid-value", "token", "token");
            }
            Optional<Long> issued = issuedFor(r.token());
            if (issued.isPresent()) {
                Summary s = read(issued.get());
                requireIssuer(campaigns.find(s.campaignId()).orElseThrow());
                return s;
            }
        }
        Draft d = draft(r);
        Campaign c = d.campaign();
        Circular circular = d.circular();
        List<OpenTask> overdue = d.tasks();
        String number = circular.number();
        String title = circular.title();
        String office = circular.issuingOffice();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into circular (campaign_id, number, title, body, issuing_office, period_from, period_to, issued_by,
                                      issued_at, request_token)
                values (:c, :n, :t, :b, :o, :f, :to, :u, :at, :token)""")
                .param("c", c.id()).param("n", number).param("t", title).param("b", circular.body()).param("o", office)
                .param("f", circular.periodFrom()).param("to", circular.periodTo()).param("u", currentUser.id())
                .param("at", Timestamp.from(clock.instant())).param("token", r.token()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < overdue.size(); i++) {
            OpenTask t = overdue.get(i);
            jdbc.sql("""
                    insert into circular_item (circular_id, seq, task_row_id, unit_code, unit_name, task_title, phase, deadline,
                                               working_days_overdue, level, deputy_user_id)
                    values (:id, :s, :r, :uc, :un, :tt, :p, :d, :w, :l, :dep)""")
                    .param("id", id).param("s", i + 1).param("r", t.taskRowId()).param("uc", t.unitCode())
                    .param("un", t.unitName()).param("tt", t.title()).param("p", t.phase()).param("d", t.deadline())
                    .param("w", t.workingDaysOverdue()).param("l", t.level() == null ? "RED" : t.level())
                    .param("dep", t.deputyUserId()).update();
        }
        store(id, "pdf", pdf.pdf(circular));
        store(id, "docx", docx.docx(circular));
        store(id, "xlsx", xlsx.xlsx(circular));

        Set<String> recipients = new LinkedHashSet<>();
        Set<String> unitCodes = new LinkedHashSet<>();
        overdue.forEach(t -> unitCodes.add(t.unitCode()));
        for (String code : unitCodes) {
            campaigns.unit(c.id(), code).map(CampaignUnit::headUserId).ifPresent(recipients::add);
        }
        recipients.addAll(campaigns.gateSigners(c.id()));
        Map<String, String> values = new HashMap<>();
        values.put("circularTitle", title);
        values.put("circularNumber", number);
        values.put("campaignName", c.name());
        values.put("issuingOffice", office);
        values.put("unitCount", String.valueOf(unitCodes.size()));
        values.put("taskCount", String.valueOf(overdue.size()));
        values.put("link", site.link("/board/circulars/" + id + "/print"));
        notifier.send(new Notifier.Notice("circular:" + id, NoticeKind.CIRCULAR_ISSUED, c.id(), null, "CIRCULAR_ISSUED",
                locale -> new HashMap<>(values)), new ArrayList<>(recipients));
        return read(id);
    }

    /** The circular issued from the form of this token, if one was. */
    Optional<Long> issuedFor(String token) {
        return jdbc.sql("select id from circular where request_token = :t").param("t", token).query(Long.class).optional();
    }

    /** 403 unless the caller is a supervisor or the office of the campaign's town. */
    private void requireIssuer(Campaign c) {
        if (!currentUser.inGroup(Groups.SUPERVISORS) && !currentUser.isOffice() || !visibility.supervisesTown(c.tenantId())) {
            throw ApiException.forbidden("supervisors-only");
        }
    }

    /** What the circular will say and name, every rule of the request checked; writes nothing. */
    private Draft draft(Request r) {
        if (!currentUser.inGroup(Groups.SUPERVISORS) && !currentUser.isOffice()) {
            throw ApiException.forbidden("supervisors-only");
        }
        if (r == null || r.campaignId() == null) {
            throw ApiException.badRequest("required", "campaignId", "campaignId");
        }
        Campaign c = campaigns.find(r.campaignId()).orElseThrow(() -> ApiException.notFound("unknown-campaign", r.campaignId()));
        requireIssuer(c);
        List<OpenTask> overdue;
        LocalDate from = r.from();
        LocalDate to = r.to();
        List<OpenTask> all = supervision.overdue(new SupervisionService.Filter(c.id(), null, null, null, null));
        if (r.tasks() == null) {
            CircularLimits.check(from, to, r.title(), r.body());
            overdue = inPeriod(all, from, to);
            if (overdue.isEmpty()) {
                throw ApiException.badRequest("circular-nothing-overdue", "from", from, to);
            }
        } else {
            Set<Long> picked = new LinkedHashSet<>(r.tasks());
            picked.remove(null);
            if (picked.isEmpty()) {
                throw ApiException.badRequest("circular-nothing-picked", "tasks");
            }
            if (picked.size() > MAX_PICKED) {
                throw ApiException.badRequest("circular-too-many-picked", "tasks", MAX_PICKED);
            }
            if (from != null || to != null) {
                CircularLimits.check(from, to, r.title(), r.body());
                all = inPeriod(all, from, to);
            }
            overdue = all.stream().filter(t -> picked.contains(t.taskRowId())).toList();
            if (overdue.size() < picked.size()) {
                throw ApiException.badRequest("circular-picked-not-overdue", "tasks", picked.size() - overdue.size());
            }
            if (from == null && to == null) {
                from = overdue.stream().map(OpenTask::deadline).min(LocalDate::compareTo).orElseThrow();
                to = overdue.stream().map(OpenTask::deadline).max(LocalDate::compareTo).orElseThrow();
                CircularLimits.check(from, to, r.title(), r.body());
            }
        }
        LocalDate today = dueDates.today();
        int seq = jdbc.sql("select count(*) from circular where campaign_id = :c and number like :y")
                .param("c", c.id()).param("y", "%〔" + today.getYear() + "〕%").query(Integer.class).single() + 1;
        // the office by its kind's short name: 创卫办, 创文办, 创森办
        String shortOffice = texts.zh("campaign-kind.office." + c.kind().name());
        String number = c.town() + shortOffice + "通〔" + today.getYear() + "〕" + seq + "号";
        String office = c.name() + "工作领导小组办公室";
        String title = blank(r.title()) ? "关于" + c.name() + "逾期任务情况的通报" : r.title().trim();
        String body = blank(r.body()) ? texts.zh("circular.body", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), overdue.size(), shortOffice) : r.body().trim();

        List<Circular.Row> rows = new ArrayList<>();
        for (int i = 0; i < overdue.size(); i++) {
            OpenTask t = overdue.get(i);
            rows.add(new Circular.Row(i + 1, t.unitName(), t.title(), t.phaseName(), t.deadline(), t.workingDaysOverdue(),
                    level(t.level() == null ? "RED" : t.level()), deputy(t.deputyUserId())));
        }
        return new Draft(c, new Circular(number, title, office, today, from, to, body, rows), overdue);
    }

    private static List<OpenTask> inPeriod(List<OpenTask> tasks, LocalDate from, LocalDate to) {
        return tasks.stream().filter(t -> !t.deadline().isBefore(from) && !t.deadline().isAfter(to)).toList();
    }

    /** The circulars of the campaign, or of every campaign whose town the caller reads (403 for who reads none). */
    public List<Summary> list(Long campaignId) {
        if (campaignId != null) {
            supervision.requireAuditor(campaignId);
        } else if (!visibility.readsSomeTown()) {
            throw ApiException.forbidden("supervisors-only");
        }
        Map<Long, Boolean> audited = new HashMap<>();
        return jdbc.sql("select id, campaign_id from circular where (cast(:c as bigint) is null or campaign_id = :c) order by issued_at, id")
                .param("c", campaignId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream()
                .filter(ids -> audited.computeIfAbsent(ids[1], supervision::audits)).map(ids -> read(ids[0])).toList();
    }

    /**
     * The circular, for whoever reads every unit of its campaign's town, and for the people of a unit it names (it is
     * mailed to them, to be read in full as a notice is): 404 when there is none, else 403.
     */
    public Summary find(long id) {
        Summary s = read(id);
        if (!namesCallersUnit(id, s.campaignId())) {
            supervision.requireAuditor(s.campaignId());
        }
        return s;
    }

    /** Whether the caller works in a unit the circular names, in the circular's town. */
    private boolean namesCallersUnit(long id, long campaignId) {
        String tenant = campaigns.find(campaignId).map(c -> c.tenantId()).orElse(null);
        if (!visibility.inTown(tenant)) {
            return false;
        }
        return jdbc.sql("select distinct unit_code from circular_item where circular_id = :id").param("id", id)
                .query(String.class).list().stream().anyMatch(visibility::inUnit);
    }

    private Summary read(long id) {
        Summary s = jdbc.sql("select * from circular where id = :id").param("id", id)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("number"),
                        rs.getString("title"), rs.getString("issuing_office"), rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate(), rs.getString("issued_by"),
                        rs.getTimestamp("issued_at").toInstant(), 0, List.of()))
                .optional().orElseThrow(() -> ApiException.notFound("unknown-circular", id));
        List<String> units = jdbc.sql("select distinct unit_name from circular_item where circular_id = :id order by unit_name")
                .param("id", id).query(String.class).list();
        int tasks = jdbc.sql("select count(*) from circular_item where circular_id = :id").param("id", id)
                .query(Integer.class).single();
        return new Summary(s.id(), s.campaignId(), s.number(), s.title(), s.issuingOffice(), s.periodFrom(), s.periodTo(),
                s.issuedBy(), s.issuedAt(), tasks, units);
    }

    /** The circular's print view (the PDF's template as a page), for whoever may download the circular. */
    String printView(long id) {
        return pdf.html(circular(id));
    }

    /** The circular as it was issued: the names of levels, phases and deputies as they read now. */
    private Circular circular(long id) {
        find(id);
        List<Circular.Row> rows = jdbc.sql("select * from circular_item where circular_id = :id order by seq").param("id", id)
                .query((rs, n) -> new Circular.Row(rs.getInt("seq"), rs.getString("unit_name"), rs.getString("task_title"),
                        Phase.valueOf(rs.getString("phase")).zh(), rs.getDate("deadline").toLocalDate(),
                        rs.getInt("working_days_overdue"), level(rs.getString("level")),
                        deputy(rs.getString("deputy_user_id")))).list();
        return jdbc.sql("select * from circular where id = :id").param("id", id)
                .query((rs, n) -> new Circular(rs.getString("number"), rs.getString("title"), rs.getString("issuing_office"),
                        LocalDate.ofInstant(rs.getTimestamp("issued_at").toInstant(), dueDates.zone()),
                        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("body"),
                        rows)).single();
    }

    private String level(String level) {
        return texts.zh("ladder." + level);
    }

    private String deputy(String userId) {
        return userId == null ? "" : directory.displayName(userId);
    }

    public byte[] document(long id, String format) {
        find(id);
        return jdbc.sql("select content from circular_document where circular_id = :id and format = :f")
                .param("id", id).param("f", format).query(byte[].class).optional()
                .orElseThrow(() -> ApiException.notFound("unknown-circular", id));
    }

    private void store(long id, String format, byte[] content) {
        jdbc.sql("insert into circular_document (circular_id, format, content) values (:id, :f, :c)")
                .param("id", id).param("f", format).param("c", content).update();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
