package cn.chuangwei.task;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.standard.StandardAreas;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Beside the office's review of a unit's result ({@code reviewTask}): the result and every evidence file of the row
 * (in the workbench's gallery, {@code work/evidence :: gallery}: thumbnails, each opened in place), the row's deadline and
 * whether it was met, and its earlier rounds: when it was submitted, who returned it and why, how often it was
 * reworked. Evidence is read through {@link EvidenceService}, which lets only the row's readers see it.
 */
@Component
class ReviewPanel implements TaskPanel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The events of a row the review shows as its history; reminders and escalations are the ladder's business. */
    private static final Set<String> HISTORY = Set.of("SUBMITTED", "RETURNED", "ACCEPTED", "DEADLINE_CHANGED");

    private final WorkService work;
    private final TaskRowRepository rows;
    private final EvidenceService evidence;
    private final CampaignRepository campaigns;
    private final StandardAreas standards;
    private final Directory directory;
    private final DueDates dueDates;
    private final Texts texts;

    ReviewPanel(WorkService work, TaskRowRepository rows, EvidenceService evidence, CampaignRepository campaigns,
                StandardAreas standards, Directory directory, DueDates dueDates, Texts texts) {
        this.work = work;
        this.rows = rows;
        this.evidence = evidence;
        this.campaigns = campaigns;
        this.standards = standards;
        this.directory = directory;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    @Override
    public boolean shows(String taskDefinitionKey) {
        return UnitTaskForms.REVIEW_TASK.equals(taskDefinitionKey);
    }

    @Override
    public View view(String taskId, Locale locale) {
        WorkItem task = work.get(taskId);
        if (task.taskRowId() == null) {
            return null;
        }
        TaskRow row = rows.find(task.taskRowId()).orElseThrow(() -> ApiException.notFound("unknown-task-row", task.taskRowId()));
        List<Evidence> files = evidence.ofRow(row.id());
        Campaign campaign = campaigns.find(row.campaignId()).orElseThrow();
        boolean en = "en".equals(locale.getLanguage());
        Map<String, String> areas = standards.areas(campaign.standardCode()).stream()
                .collect(Collectors.toMap(StandardAreas.Area::code, a -> en ? a.nameEn() : a.nameZh()));
        Map<String, String> names = new HashMap<>();

        Map<String, Object> m = new HashMap<>();
        m.put("title", row.title());
        m.put("unitName", campaigns.unit(row.campaignId(), row.unitCode()).map(CampaignUnit::name).orElse(""));
        m.put("phaseName", texts.get("phase." + row.phase().name(), locale));
        m.put("target", row.target());
        m.put("critical", row.critical());
        m.put("result", row.resultSummary());
        m.put("submittedBy", row.submittedBy() == null ? null : name(names, row.submittedBy()));
        m.put("submittedAt", when(row.submittedAt()));
        m.put("deadline", row.deadline().toString());
        // met when submitted before the deadline's hour on its day, as every deadline of the application is measured
        m.put("late", row.submittedAt() != null && dueDates.isPast(row.deadline(), row.submittedAt()));
        m.put("reworkCount", row.reworkCount());
        m.put("reviewDue", task.due() == null ? null : when(task.due().toInstant()));
        List<Item> items = new ArrayList<>();
        for (Evidence e : files) {
            String type = texts.get("panel.evidence.type." + e.evidenceType(), locale);
            String area = areas.getOrDefault(e.areaCode(), "");
            String meta = String.join(" · ", area.isEmpty() ? List.of(type, size(e.sizeBytes()))
                    : List.of(type, area, size(e.sizeBytes())));
            items.add(new Item(e.id(), e.fileName(), type, area, meta, e.description(),
                    name(names, e.uploadedBy()), when(e.uploadedAt())));
        }
        m.put("items", items);
        m.put("evidence", files);
        List<Event> history = new ArrayList<>();
        for (TaskRowRepository.TaskEvent ev : rows.events(row.id())) {
            if (HISTORY.contains(ev.event())) {
                history.add(new Event(texts.get("panel.review.event." + ev.event(), locale),
                        ev.actor() == null ? "" : name(names, ev.actor()), ev.note(), "RETURNED".equals(ev.event()),
                        when(ev.at())));
            }
        }
        m.put("history", history);
        m.put("returns", history.stream().filter(Event::returned).count());
        return new View("panels/review", m, 10);
    }

    private String name(Map<String, String> names, String userId) {
        return names.computeIfAbsent(userId, directory::displayName);
    }

    private String when(Instant t) {
        return t == null ? null : WHEN.format(t.atZone(dueDates.zone()));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return Math.round(bytes / 1024.0 / 102.4) / 10.0 + " MB";
    }

    /**
     * What the office reads about an evidence file beyond the workbench's gallery (its thumbnail, opened in place from
     * {@code /work/evidence/{id}}): its type, standard area, description, who uploaded it and when.
     */
    public record Item(long id, String name, String type, String area, String meta, String description,
                       String uploadedBy, String uploadedAt) {
    }

    /** A step of the row's history: submitted, returned (with the reason), accepted, its deadline moved. */
    public record Event(String what, String who, String note, boolean returned, String at) {
    }
}
