package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.supervision.SupervisionService;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A campaign's acceptance and 复审 as people read them (the board's 申报验收 page): each step in the order it was taken,
 * who took it and with what result, document and date; the steps open now with their owners and due dates in the
 * ladder's colours; the problems found and their rectification; the 公示 and its objections; each 复审 and what followed.
 * In words, in the reader's language: no codes.
 */
@Component
class AcceptanceRecord {

    /** The user tasks of {@code acceptance.bpmn} and {@code maintenance.bpmn}, each a step people own. */
    static final List<String> TASKS = List.of("submitApplication", "provinceRecommendation", "countyPreliminaryReview",
            "documentReview", "unannouncedVisit", "technicalAssessment", "publicNotice", "recordObjections",
            "investigateObjection", "recordNaming", "submitReReview", "reReview", "recordCriticism", "recordWithdrawal");
    private static final Set<String> ON_SITE = Set.of("UNANNOUNCED_VISIT", "TECHNICAL_ASSESSMENT");

    record Summary(String level, String state, String stateTone, LocalDate namedOn, String namingDocument,
                   LocalDate withdrawnOn, String withdrawalDocument, LocalDate nextReviewOn) {
    }

    record Application(int attemptNo, LocalDate submittedOn, String reference, String outcome, String tone) {
    }

    record Step(int attemptNo, String name, String authority, String person, String outcome, String tone,
                String documentNo, LocalDate decidedOn, String remarks, LocalDate noticeEndsOn) {
    }

    record Open(String name, String owners, LocalDate due, String tone, String state) {
    }

    record Problem(int attemptNo, String step, String item, String description, String rectification, String tone,
                   LocalDate deadline) {
    }

    record Review(int cycleNo, int attemptNo, String method, String outcome, String tone, String documentNo,
                  LocalDate decidedOn, String problems, String consequence, String consequenceTone,
                  String consequenceDocument, LocalDate consequenceOn, LocalDate rectifyBy) {
    }

    record View(Summary summary, List<Application> applications, List<Step> steps, List<Open> open,
                List<Problem> problems, List<Review> reviews) {
        public boolean isEmpty() {
            return applications.isEmpty() && steps.isEmpty() && open.isEmpty() && reviews.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final AcceptanceService acceptance;
    private final AcceptanceSteps steps;
    private final ReReviews reReviews;
    private final AcceptanceAuthorities authorities;
    private final Standards standards;
    private final TaskRowRepository rows;
    private final TaskService tasks;
    private final StepOwners stepOwners;
    private final AppRights appRights;
    private final Directory directory;
    private final SupervisionService supervision;
    private final DueDates dueDates;
    private final Texts texts;

    AcceptanceRecord(JdbcClient jdbc, AcceptanceService acceptance, AcceptanceSteps steps, ReReviews reReviews,
                     AcceptanceAuthorities authorities, Standards standards, TaskRowRepository rows, TaskService tasks,
                     StepOwners stepOwners, AppRights appRights, Directory directory, SupervisionService supervision, DueDates dueDates,
                     Texts texts) {
        this.jdbc = jdbc;
        this.acceptance = acceptance;
        this.steps = steps;
        this.reReviews = reReviews;
        this.authorities = authorities;
        this.standards = standards;
        this.rows = rows;
        this.tasks = tasks;
        this.stepOwners = stepOwners;
        this.appRights = appRights;
        this.directory = directory;
        this.supervision = supervision;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    /**
     * The record of a campaign the caller may see (the page checks that first), read with the application's rights: the
     * route's decision and the engine's open tasks are not the caller's to read.
     */
    View of(Campaign c, Locale locale) {
        return appRights.lookUp(() -> read(c, locale));
    }

    private View read(Campaign c, Locale locale) {
        Function<String, String> names = directory.displayNames();
        Map<String, Standards.Item> items = standards.find(c.standardCode()).map(s -> s.items().stream()
                .collect(Collectors.toMap(Standards.Item::code, Function.identity(), (a, b) -> a))).orElse(Map.of());
        Map<String, String> authorityNames = new java.util.HashMap<>();
        Function<String, String> authority = level -> level == null ? ""
                : "TOWN".equals(level) ? text(locale, "page.acceptance.town-office")
                : authorityNames.computeIfAbsent(level, l -> authorities.name(c.id(), l, locale));
        int noticeDays = authorities.route(c.id()).noticeDays();

        List<Application> applications = acceptance.attempts(c.id()).stream().map(a -> new Application(a.attemptNo(),
                a.submittedOn(), a.reference(), a.outcome() == null ? text(locale, "page.acceptance.under-way")
                : text(locale, "page.acceptance.outcome." + a.outcome()), tone(a.outcome()))).toList();
        List<Step> taken = steps.of(c.id()).stream().map(s -> new Step(s.attemptNo(),
                text(locale, "page.acceptance.step." + s.step()), authority.apply(s.authority()),
                s.enteredBy() == null ? null : names.apply(s.enteredBy()),
                text(locale, "page.acceptance.outcome." + s.outcome()), tone(s.outcome()), s.documentNo(), s.decidedOn(),
                ON_SITE.contains(s.step()) ? null : s.remarks(),
                "PUBLIC_NOTICE".equals(s.step()) && s.decidedOn() != null ? s.decidedOn().plusDays(noticeDays) : null))
                .toList();
        List<Problem> problems = new ArrayList<>();
        for (AcceptanceService.Attempt a : acceptance.attempts(c.id())) {
            for (Map<String, Object> p : a.problems()) {
                TaskRow row = p.get("taskRowId") == null ? null
                        : rows.find(((Number) p.get("taskRowId")).longValue()).orElse(null);
                problems.add(new Problem(a.attemptNo(), p.get("step") == null ? ""
                        : text(locale, "page.acceptance.step." + p.get("step")), itemName(items, (String) p.get("itemCode")),
                        (String) p.get("description"),
                        row == null ? text(locale, "page.acceptance.rectification.none")
                                : text(locale, "task-status." + row.status().name()),
                        row == null ? "grey" : switch (row.status()) {
                            case ACCEPTED -> "green";
                            case UNFINISHED -> "red";
                            default -> dueDates.isPast(row.deadline()) ? "red" : "yellow";
                        }, row == null ? null : row.deadline()));
            }
        }
        List<Review> reviews = reReviews.of(c.id()).stream().map(r -> new Review(r.cycleNo(), r.attemptNo(),
                text(locale, "page.acceptance.method." + r.method()), text(locale, "page.acceptance.outcome." + r.outcome()),
                tone(r.outcome()), r.documentNo(), r.decidedOn(), problems(items, r.problems()),
                r.consequence() == null ? null : text(locale, "page.acceptance.consequence." + r.consequence()),
                "PASSED".equals(r.consequence()) ? "green" : "CRITICISED".equals(r.consequence()) ? "yellow" : "red",
                r.consequenceDocument(), r.consequenceOn(), r.rectifyBy())).toList();
        return new View(summary(c, locale), applications, taken, open(c, locale, names), problems, reviews);
    }

    private Summary summary(Campaign c, Locale locale) {
        Map<String, Object> row = jdbc.sql("""
                select named_on, naming_document, title_withdrawn_on, title_withdrawal_document, next_review_on, closed_reason
                from campaign where id = :c""").param("c", c.id()).query().singleRow();
        LocalDate named = date(row.get("named_on"));
        LocalDate withdrawn = date(row.get("title_withdrawn_on"));
        String state = withdrawn != null ? "WITHDRAWN" : named != null ? "NAMED"
                : "NOT_PASSED".equals(row.get("closed_reason")) ? "NOT_PASSED" : "UNDER_WAY";
        return new Summary(text(locale, "page.setup.level." + c.level().name()), text(locale, "page.acceptance.state." + state),
                switch (state) {
                    case "NAMED" -> "green";
                    case "UNDER_WAY" -> "grey";
                    default -> "red";
                }, named, (String) row.get("naming_document"), withdrawn, (String) row.get("title_withdrawal_document"),
                date(row.get("next_review_on")));
    }

    /** The steps open now: who owns each (the person who took it, the authority's people, or the town's office). */
    private List<Open> open(Campaign c, Locale locale, Function<String, String> names) {
        List<Open> open = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + c.id())
                .taskDefinitionKeyIn(TASKS.toArray(String[]::new)).orderByTaskCreateTime().asc().list()) {
            StepOwners.Owners o = stepOwners.of(t);
            Set<String> owners = new LinkedHashSet<>();
            if (o.assignee() != null) {
                owners.add(names.apply(o.assignee()));
            }
            o.users().forEach(u -> owners.add(names.apply(u)));
            o.groups().forEach(g -> owners.add(text(locale, Groups.OFFICE.equals(g) ? "page.acceptance.town-office"
                    : "page.acceptance.others")));
            LocalDate due = t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(dueDates.zone()).toLocalDate();
            LocalDate created = t.getCreateTime().toInstant().atZone(dueDates.zone()).toLocalDate();
            String colour = due == null ? "GREEN" : supervision.colour(created, due);
            open.add(new Open(text(locale, "acceptance.task." + t.getTaskDefinitionKey()), String.join("、", owners),
                    due, colour.toLowerCase(Locale.ROOT), text(locale, "page.colour." + colour)));
        }
        return open;
    }

    /** A problem list ("ES-02,集贸市场周边有积存垃圾" a line) as read: the item's name, then what was found. */
    private static String problems(Map<String, Standards.Item> items, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] parts = l.split("[,，\\t]", 2);
            String name = itemName(items, parts[0].strip().toUpperCase(Locale.ROOT));
            return parts.length > 1 ? name + "：" + parts[1].strip() : name;
        }).collect(Collectors.joining("\n"));
    }

    private static String itemName(Map<String, Standards.Item> items, String code) {
        Standards.Item item = code == null ? null : items.get(code);
        return item == null ? "" : item.name();
    }

    private String text(Locale locale, String key) {
        return texts.get(key, locale);
    }

    private static String tone(String outcome) {
        if (outcome == null) {
            return "grey";
        }
        return switch (outcome) {
            case "PASS", "NAMED", "NONE", "REJECTED", "PUBLISHED", "SUBMITTED" -> "green";
            case "RETURN", "RECEIVED" -> "yellow";
            default -> "red";
        };
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : null;
    }
}
