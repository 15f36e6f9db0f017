package cn.chuangwei.patrol;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.Months;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.task.EvidenceService;
import cn.chuangwei.task.WorkService;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import cn.chuangwei.web.Table.Cell;
import cn.chuangwei.web.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import cn.chuangwei.task.EvidenceSettings;
import cn.chuangwei.web.ApiError;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The cases behind the board's patrol numbers: by status and unit, reported between two days, or due to close / closed
 * in a month (the denominators of 结案率, 按期结案率 and 返工率); and the month's indicators as Excel.
 */
@Page
class CasePage {

    static final Set<String> STATUSES = java.util.Arrays.stream(CaseStatus.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseService cases;
    private final CaseExports exports;
    private final DueDates dueDates;
    private final Texts texts;
    private final VisibleCampaigns visible;
    private final CaseNames names;
    private final CaseSheet sheets;
    private final CaseRepository repository;
    private final WorkService work;
    private final long maxPhotoBytes;

    CasePage(CaseService cases, CaseExports exports, DueDates dueDates, Texts texts,
             VisibleCampaigns visible, CaseNames names, CaseSheet sheets, CaseRepository repository, WorkService work,
             EvidenceSettings limits) {
        this.maxPhotoBytes = limits.maxBytes();
        this.visible = visible;
        this.names = names;
        this.sheets = sheets;
        this.repository = repository;
        this.work = work;
        this.cases = cases;
        this.exports = exports;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/cases")
    String list(@PathVariable long campaignId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String due,
                @RequestParam(required = false) String closed, Model model, Locale locale) {
        Campaign c = visible.requirePatrol(campaignId);
        String s = blank(status) == null ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw ApiException.badRequest("invalid-choice", "status", "status", status, String.join(", ", STATUSES));
        }
        Map<String, String> unitNames = names.units(campaignId);
        String u = blank(unit);
        if (u != null && !unitNames.containsKey(u)) {
            throw ApiException.notFound("unknown-unit", "unit", u);
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ApiException.badRequest("date-range-reversed", "to", fromDay, toDay);
        }
        YearMonth dueMonth = blank(due) == null ? null : Months.parse(due.trim());
        YearMonth closedMonth = blank(closed) == null ? null : Months.parse(closed.trim());
        Function<LocalDate, Instant> start = d -> d == null ? null : d.atStartOfDay(dueDates.zone()).toInstant();
        List<PatrolCase> found = cases.search(campaignId, s, u, null, start.apply(fromDay),
                start.apply(toDay == null ? null : toDay.plusDays(1)),
                start.apply(dueMonth == null ? null : dueMonth.atDay(1)),
                start.apply(dueMonth == null ? null : dueMonth.plusMonths(1).atDay(1)),
                start.apply(closedMonth == null ? null : closedMonth.atDay(1)),
                start.apply(closedMonth == null ? null : closedMonth.plusMonths(1).atDay(1)));
        Map<String, String> categories = names.categories(locale);
        Map<String, String> grids = names.grids(campaignId);
        Instant now = dueDates.now().toInstant();
        List<List<Cell>> rows = new ArrayList<>();
        for (PatrolCase pc : found) {
            String tone = pc.closedAt() != null ? (Boolean.TRUE.equals(pc.closedOnTime()) ? "green" : "yellow")
                    : pc.stageDue() != null && pc.stageDue().isBefore(now) ? "red" : null;
            rows.add(List.of(Cell.link(pc.id(), CaseSheet.href(pc)), Cell.of(time(pc.reportedAt())),
                    Cell.of(grids.getOrDefault(pc.gridCode(), pc.gridCode())),
                    Cell.of(categories.getOrDefault(pc.category(), pc.category())),
                    Cell.of(names.source(pc.source(), locale)), Cell.of(pc.address()),
                    Cell.of(pc.description()), Cell.of(texts.get("case-status." + pc.status(), locale)).tone(tone),
                    pc.unitCode() == null ? Cell.of("") : Cell.link(unitNames.getOrDefault(pc.unitCode(), pc.unitCode()),
                            "/board/" + campaignId + "/cases?unit=" + pc.unitCode()),
                    Cell.of(time(pc.handleDue())).tone(tone), Cell.of(time(pc.closedAt()))));
        }
        List<String> filters = new ArrayList<>();
        if (s != null) {
            filters.add(texts.get("case-status." + s, locale));
        }
        if (u != null) {
            filters.add(unitNames.get(u));
        }
        if (fromDay != null || toDay != null) {
            filters.add(texts.get("page.reported-between", locale, fromDay == null ? "…" : fromDay, toDay == null ? "…" : toDay));
        }
        if (dueMonth != null) {
            filters.add(texts.get("page.due-in", locale, dueMonth));
        }
        if (closedMonth != null) {
            filters.add(texts.get("page.closed-in", locale, closedMonth));
        }
        YearMonth month = dueMonth != null ? dueMonth : closedMonth != null ? closedMonth : YearMonth.from(dueDates.today());
        model.addAttribute("table", new Table(texts.get("page.cases", locale, c.name()), String.join(" · ", filters),
                List.of(texts.get("page.col.case", locale), texts.get("page.col.reported-at", locale),
                        texts.get("page.col.grid", locale), texts.get("page.col.category", locale),
                        texts.get("page.col.source", locale), texts.get("page.col.address", locale), texts.get("page.col.description", locale),
                        texts.get("page.col.status", locale), texts.get("export.col.unit", locale),
                        texts.get("page.col.handle-due", locale), texts.get("page.col.closed-at", locale)),
                rows, "/board/" + campaignId + "/cases/xlsx?month=" + month + "&lang=" + Pages.lang(locale),
                "/board/" + campaignId));
        return "list";
    }

    /**
     * One case, phone first: what, where (coordinates and address), its photos, who reported it, the grid and the unit,
     * its history, and the caller's open task on it. Scoped as the list is; a case of another campaign is not found here.
     */
    @GetMapping("/board/{campaignId:\\d+}/cases/{caseId}")
    String one(@PathVariable long campaignId, @PathVariable long caseId, Model model, Locale locale) {
        Campaign campaign = visible.requirePatrol(campaignId);
        PatrolCase c = inCampaign(campaignId, caseId);
        model.addAttribute("campaign", campaign.name());
        Map<String, Object> sheet = sheets.sheet(caseId, locale);
        sheet.put("onPage", true);
        model.addAttribute("sheet", sheet);
        model.addAttribute("history", sheets.history(caseId, locale));
        model.addAttribute("myTasks", work.myTasks(campaignId, null).stream()
                .filter(t -> c.processInstanceId() != null && c.processInstanceId().equals(t.processInstanceId())).toList());
        model.addAttribute("back", "/board/" + campaignId + "/cases");
        return "case";
    }

    /** A photo of the case, to whoever may see the case: its real image type, never sniffed, cached privately. */
    @GetMapping("/board/{campaignId:\\d+}/cases/{caseId}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long campaignId, @PathVariable long caseId, @PathVariable long photoId,
                                 jakarta.servlet.http.HttpServletResponse response) {
        visible.requirePatrol(campaignId);
        inCampaign(campaignId, caseId);
        byte[] content = repository.photoContent(caseId, photoId)
                .orElseThrow(() -> ApiException.notFound("unknown-photo", photoId));
        String type = EvidenceService.imageType(content);
        // an image has no character set (the pages' forced UTF-8 would be appended to its type)
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(content);
    }

    /**
     * A photo added from the case's panel on a task page (处置后 by the unit, 核查 on site): the same rights and checks as
     * {@code POST /api/cases/{id}/photos} ({@link CaseService#photo}), with the page's session and CSRF token. The
     * panel's script reads the new photo as the panel shows it; a refusal is the API's JSON (Chinese and English, the
     * field named), and nothing is written.
     */
    @PostMapping(path = "/board/{campaignId}/cases/{caseId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<Object> addPhoto(@PathVariable long campaignId, @PathVariable long caseId,
                                    @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) {
        try {
            visible.requirePatrol(campaignId);
            inCampaign(campaignId, caseId);
            byte[] content;
            try {
                content = file == null ? null : file.getBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("empty-file", "file");
            }
            long id = cases.photo(caseId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), content, maxPhotoBytes);
            Object added = ((List<?>) sheets.sheet(caseId, locale).get("photos")).stream()
                    .filter(p -> ((CaseSheet.Photo) p).id() == id).findFirst().orElseThrow();
            return ResponseEntity.status(HttpStatus.CREATED).body(added);
        } catch (ApiException e) {
            return ResponseEntity.status(e.status()).body(new ApiError(e.status().value(), e.code(),
                    texts.zh("error." + e.code(), e.args()), texts.en("error." + e.code(), e.args()), e.field(), e.row()));
        }
    }

    /** The campaign's case, if the caller may see it: else 403, or 404 for none of the campaign's. */
    private PatrolCase inCampaign(long campaignId, long caseId) {
        PatrolCase c = cases.view(caseId);
        if (c.campaignId() != campaignId) {
            throw ApiException.notFound("unknown-case", caseId);
        }
        return c;
    }

    @GetMapping("/board/{campaignId:\\d+}/cases/xlsx")
    ResponseEntity<byte[]> indicators(@PathVariable long campaignId, @RequestParam(required = false) String month,
                                      Locale locale) {
        visible.requirePatrol(campaignId);
        YearMonth m = blank(month) == null ? YearMonth.from(dueDates.today()) : Months.parse(month.trim());
        return exports.indicators(campaignId, m, Pages.lang(locale));
    }

    private String time(Instant i) {
        return i == null ? "" : TIME.format(i.atZone(dueDates.zone()));
    }

    private static LocalDate day(String field, String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.trim());
            if (Months.inRange(day)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw ApiException.badRequest("invalid-date", field, field, text);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
