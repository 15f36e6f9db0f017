package cn.chuangwei.task;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.documents.Spreadsheet;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office imports a decomposition table in the browser ({@code /board/{campaignId}/import}): downloads the blank
 * table of its campaign (its units, phases and areas in drop-down lists), uploads it filled in and sees every row's
 * every column at fault, by row and column, before anything is written; a file without fault is shown row by row and
 * kept in the person's session until they commit it, which runs the API's own import (the rows checked again, all
 * written or none).
 */
@Page
class ImportPage {

    /** The file waiting in the session for its commit: the token of the form that shows it, the file. */
    record Pending(String token, DecompositionUpload upload) implements Serializable {
    }

    /** A row of the preview, in the reader's words. */
    record PreviewRow(int line, String phase, String title, String target, String unit, String person, String deadline,
                      boolean critical) {
    }

    /** A column at fault: the file's row, its column's header, why. */
    record Problem(int line, String column, String message) {
    }

    private final TaskRowService service;
    private final CampaignRepository campaigns;
    private final VisibleCampaigns visible;
    private final CurrentUser currentUser;
    private final Directory directory;
    private final ImportSettings limits;
    private final Texts texts;

    ImportPage(TaskRowService service, CampaignRepository campaigns, VisibleCampaigns visible, CurrentUser currentUser,
               Directory directory, ImportSettings limits, Texts texts) {
        this.service = service;
        this.campaigns = campaigns;
        this.visible = visible;
        this.currentUser = currentUser;
        this.directory = directory;
        this.limits = limits;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/import")
    String page(@PathVariable long campaignId, @RequestParam(required = false) String created, Model model) {
        model.addAttribute("created", created != null);
        return page(office(campaignId), model);
    }

    @GetMapping("/board/{campaignId:\\d+}/import/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable long campaignId, Locale locale) {
        Campaign c = office(campaignId);
        byte[] xlsx = DecompositionTemplate.write(campaigns.units(campaignId), service.openWindows(campaignId),
                service.areas(c.standardCode()), texts, locale);
        String name = texts.get("page.import.file", locale, c.name()) + ".xlsx";
        return ResponseEntity.ok().contentType(Spreadsheet.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    /** Checks the uploaded file: its faults by row and column, or its rows to commit. Writes nothing. */
    @PostMapping("/board/{campaignId:\\d+}/import")
    String check(@PathVariable long campaignId, @RequestParam(name = "file", required = false) MultipartFile file,
                 Model model, Locale locale, HttpSession session, HttpServletResponse response) throws IOException {
        Campaign c = office(campaignId);
        session.removeAttribute(key(campaignId));
        try {
            DecompositionUpload upload = DecompositionUpload.of(file, limits);
            DecompositionFile table = upload.table(limits);
            List<TaskRowService.RowProblem> problems = service.checkRows(campaignId, table.rows(), table::column);
            model.addAttribute("fileName", upload.fileName());
            if (!problems.isEmpty()) {
                response.setStatus(400);
                model.addAttribute("problems", problems.stream().map(p -> new Problem(p.line(), p.column(),
                        message(p.refusal(), locale))).toList());
                model.addAttribute("badRows", problems.stream().map(TaskRowService.RowProblem::line).distinct().count());
                model.addAttribute("rowCount", table.rows().size());
                return page(c, model);
            }
            List<NewTaskRow> rows = service.readRows(campaignId, table.rows(), table::column);
            Map<String, String> unitNames = campaigns.units(campaignId).stream()
                    .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
            java.util.function.Function<String, String> people = directory.displayNames();
            List<PreviewRow> preview = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                NewTaskRow r = rows.get(i);
                preview.add(new PreviewRow(table.rows().get(i).line(), texts.get("phase." + r.phase().name(), locale),
                        r.title(), r.target(), unitNames.getOrDefault(r.unitCode(), r.unitCode()),
                        r.personUserId() == null ? null : people.apply(r.personUserId()), ChineseDates.format(r.deadline(), locale), r.critical()));
            }
            String token = UUID.randomUUID().toString();
            session.setAttribute(key(campaignId), new Pending(token, upload));
            model.addAttribute("preview", preview);
            model.addAttribute("token", token);
            return page(c, model);
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", (e.row() == null ? "" : texts.get("page.import.row", locale, e.row()) + "：")
                    + message(e, locale));
            return page(c, model);
        }
    }

    /** Writes the file checked before, kept in the session: all its rows or, if one is refused now, none. */
    @PostMapping("/board/{campaignId:\\d+}/import/commit")
    String commit(@PathVariable long campaignId, @RequestParam(required = false) String token, Model model,
                  Locale locale, HttpSession session, HttpServletResponse response) {
        Campaign c = office(campaignId);
        Object kept = session.getAttribute(key(campaignId));
        if (!(kept instanceof Pending pending) || token == null || !pending.token().equals(token)) {
            response.setStatus(400);
            model.addAttribute("error", message(ApiException.badRequest("import-expired", "token"), locale));
            return page(c, model);
        }
        try {
            DecompositionFile table = pending.upload().table(limits);
            int n = service.importRows(campaignId, table.rows(), table::column);
            session.removeAttribute(key(campaignId));
            return "redirect:/board/" + campaignId + "/tasks?imported=" + n;
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            session.removeAttribute(key(campaignId));
            response.setStatus(e.status().value());
            model.addAttribute("error", (e.row() == null ? "" : texts.get("page.import.row", locale, e.row()) + "：")
                    + message(e, locale));
            return page(c, model);
        }
    }

    private String page(Campaign c, Model model) {
        model.addAttribute("campaign", c);
        model.addAttribute("maxRows", limits.maxRows());
        model.addAttribute("maxMegabytes", Math.max(1, limits.maxBytes() / (1024 * 1024)));
        model.addAttribute("columns", DecompositionTemplate.FIELDS.stream()
                .map(f -> DecompositionFile.HEADERS.get(f).get(0)).toList());
        return "import";
    }

    private Campaign office(long campaignId) {
        currentUser.requireOffice();
        return visible.requireOffice(campaignId);
    }

    private static String key(long campaignId) {
        return ImportPage.class.getName() + "." + campaignId;
    }

    private String message(ApiException e, Locale locale) {
        return Pages.refusal(texts, e, locale, null);
    }
}
