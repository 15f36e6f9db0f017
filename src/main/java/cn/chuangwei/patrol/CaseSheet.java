package cn.chuangwei.patrol;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.kernel.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A case as people read it, for its page and for the panel beside its tasks' forms: every code in words (category,
 * grid, unit, status, people by name), its photos, its place and its history. Scoped as the lists are: the case comes
 * from {@link CaseService#seen}, which refuses a case the caller may not see and hides a complainant from whoever may
 * not read them.
 */
@Component
class CaseSheet {

    private final CaseService cases;
    private final CaseRepository repository;
    private final CaseNames names;
    private final DueDates dueDates;
    private final Texts texts;

    CaseSheet(CaseService cases, CaseRepository repository, CaseNames names, DueDates dueDates, Texts texts) {
        this.cases = cases;
        this.repository = repository;
        this.names = names;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    /** The case's page: {@code /board/{campaignId}/cases/{caseId}}. */
    static String href(PatrolCase c) {
        return "/board/" + c.campaignId() + "/cases/" + c.id();
    }

    /** A photo as its case's pages serve it. */
    static String photoHref(PatrolCase c, long photoId) {
        return href(c) + "/photos/" + photoId;
    }

    /** One step of the case's history, in words. */
    record Event(String event, String eventName, String actor, String actorName, String note, String noteText, Instant at,
                 String atText) {
    }

    /** One photo: where to load it, when it was taken (上报时 / 处置后), by whom. */
    record Photo(long id, String href, String stage, String fileName, String by, String at) {
    }

    /** The case in words: 403 / 404 as {@link CaseService#view}. */
    Map<String, Object> sheet(long caseId, Locale locale) {
        CaseService.Seen seen = cases.seen(caseId);
        PatrolCase c = seen.c();
        Function<String, String> people = names.people();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("campaignId", c.campaignId());
        m.put("href", href(c));
        m.put("category", names.category(c.category(), locale));
        m.put("classified", names.classifiedName(c.category(), locale));
        m.put("status", texts.get("case-status." + c.status(), locale));
        m.put("tone", tone(c));
        m.put("urgent", "URGENT".equals(c.urgency()));
        m.put("urgency", texts.get("page.case.urgency." + c.urgency(), locale));
        m.put("source", names.source(c.source(), locale));
        m.put("sourceRef", c.sourceRef());
        m.put("sourceRefLabel", c.sourceRef() == null ? null : texts.get("page.case.source-ref." + c.source(), locale));
        m.put("description", c.description());
        m.put("address", c.address());
        m.put("latitude", plain(c.latitude()));
        m.put("longitude", plain(c.longitude()));
        m.put("geo", c.latitude() == null ? null : "geo:" + plain(c.latitude()) + "," + plain(c.longitude()));
        m.put("grid", names.grid(c.campaignId(), c.gridCode()));
        m.put("unit", names.unit(c.campaignId(), c.unitCode()));
        m.put("reporter", people.apply(c.reportedBy()));
        m.put("reportedAt", time(c.reportedAt(), locale));
        m.put("handleDue", time(c.handleDue(), locale));
        m.put("closedAt", time(c.closedAt(), locale));
        m.put("handleResult", c.handleResult());
        m.put("feedbackDue", CaseStatus.HANDLED.name().equals(c.status()) ? time(c.feedbackDue(), locale) : "");
        m.put("feedbackResult", c.feedbackResult());
        m.put("fedBack", c.fedBackAt() == null ? "" : people.apply(c.fedBackBy()) + " · " + time(c.fedBackAt(), locale));
        m.put("voidReason", c.voidReason());
        m.put("pendingReason", c.pendingReason());
        m.put("complaint", "HOTLINE".equals(c.source()));
        m.put("callerShown", seen.callerShown());
        m.put("callerName", c.callerName());
        m.put("callerPhone", seen.callerShown() ? c.callerPhone() : seen.maskedPhone());
        m.put("callerEmail", c.callerEmail());
        List<Photo> photos = new ArrayList<>();
        for (CaseRepository.PhotoInfo p : repository.photos(c.id())) {
            photos.add(new Photo(p.id(), photoHref(c, p.id()), texts.get("page.case.photo." + p.stage(), locale),
                    p.fileName(), people.apply(p.uploadedBy()), time(p.uploadedAt(), locale)));
        }
        m.put("photos", photos);
        m.put("onPage", false);
        return m;
    }

    /** The case's history in words, oldest first: 403 / 404 as {@link CaseService#view}. */
    List<Event> history(long caseId, Locale locale) {
        PatrolCase c = cases.view(caseId);
        Function<String, String> people = names.people();
        Map<String, String> units = names.units(c.campaignId());
        List<Event> events = new ArrayList<>();
        for (Map<String, Object> e : repository.events(caseId)) {
            String event = (String) e.get("event");
            String note = (String) e.get("note");
            String noteText = note == null ? null : switch (event) {
                case "DISPATCHED" -> units.getOrDefault(note, note);
                case "ESCALATION" -> texts.get("level." + note, locale);
                default -> note;
            };
            Instant at = ((java.sql.Timestamp) e.get("at")).toInstant();
            String actor = (String) e.get("actor");
            events.add(new Event(event, texts.get("case-event." + event, locale), actor,
                    actor == null ? texts.get("page.case.system", locale) : people.apply(actor), note, noteText, at,
                    time(at, locale)));
        }
        return events;
    }

    /** Red when the stage the unit is in (处置, 处理反馈) is overdue, green closed on time, yellow closed late; none otherwise. */
    private String tone(PatrolCase c) {
        if (c.closedAt() != null) {
            return Boolean.TRUE.equals(c.closedOnTime()) ? "green" : "yellow";
        }
        return c.stageDue() != null && c.stageDue().isBefore(dueDates.now().toInstant()) ? "red" : null;
    }

    /** A moment in the reader's language: 2027年4月6日 10:00, or 2027-04-06 10:00. */
    String time(Instant i, Locale locale) {
        return i == null ? "" : DateTimeFormatter.ofPattern(texts.get("page.case.time-pattern", locale), locale)
                .format(i.atZone(dueDates.zone()));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
