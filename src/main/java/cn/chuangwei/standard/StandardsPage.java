package cn.chuangwei.standard;

import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The office loads the official text of a standard in the browser ({@code /board/standards}): downloads the blank
 * workbook, uploads it filled in and sees every cell at fault by sheet, row and column (nothing written), or the
 * version it became; lists every standard's versions, each to download as a workbook. Who may load a standard is the
 * API's rule: the office (or an administrator).
 */
@Page
class StandardsPage {

    /** A cell at fault, in the reader's words. */
    record Problem(String sheet, int row, String column, String message) {
    }

    /** A version as the list shows it. */
    record VersionLine(String code, int version, String loaded, boolean inUse, boolean latest) {
    }

    /** A standard's family: its latest version's name and every version. */
    record Family(String name, List<VersionLine> versions) {
    }

    private final StandardWorkbook workbook;
    private final StandardVersions versions;
    private final Standards standards;
    private final CurrentUser currentUser;
    private final Texts texts;
    private final SiteSettings site;

    StandardsPage(StandardWorkbook workbook, StandardVersions versions, Standards standards, CurrentUser currentUser,
                  Texts texts, SiteSettings site) {
        this.workbook = workbook;
        this.versions = versions;
        this.standards = standards;
        this.currentUser = currentUser;
        this.texts = texts;
        this.site = site;
    }

    @GetMapping("/board/standards")
    String page(@RequestParam(required = false) String loaded, @RequestParam(required = false) Boolean changed,
                Model model, Locale locale) {
        currentUser.requireOffice();
        if (loaded != null) {
            versions.version(loaded).ifPresent(v -> model.addAttribute("notice", texts.get(
                    Boolean.FALSE.equals(changed) ? "page.standards.unchanged" : "page.standards.loaded", locale,
                    versions.label(v, locale))));
        }
        return page(model, locale);
    }

    @GetMapping("/board/standards/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        currentUser.requireOffice();
        return workbook.download(null, locale);
    }

    @GetMapping("/board/standards/{code}/workbook.xlsx")
    ResponseEntity<byte[]> version(@PathVariable String code, Locale locale) {
        currentUser.requireOffice();
        return workbook.download(code, locale);
    }

    /** Checks the workbook whole and loads it, or lists every cell at fault; nothing is written then. */
    @PostMapping("/board/standards")
    String load(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
                HttpServletResponse response) throws IOException {
        currentUser.requireOffice();
        try {
            if (file == null || file.isEmpty()) {
                throw ApiException.badRequest("required", "file", texts.get("page.standards.file-label", locale));
            }
            if (file.getSize() > StandardWorkbook.MAX_BYTES) {
                throw ApiException.badRequest("file-too-large", "file");
            }
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes((int) StandardWorkbook.MAX_BYTES + 1);
            }
            Standards.Saved saved = standards.save(workbook.read(content));
            return "redirect:" + UriComponentsBuilder.fromPath("/board/standards").queryParam("loaded", saved.code())
                    .queryParam("changed", saved.changed()).build().encode().toUriString();
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
            if (!e.problems().isEmpty()) {
                model.addAttribute("problems", e.problems().stream().map(p -> new Problem(p.sheet(), p.row(),
                        p.column(), Pages.refusal(texts, p.refusal(), locale, null))).toList());
            } else {
                model.addAttribute("error", Pages.refusal(texts, e, locale, null));
            }
            return page(model, locale);
        }
    }

    private String page(Model model, Locale locale) {
        boolean en = "en".equals(Pages.lang(locale));
        List<Family> families = versions.latestOfEach().stream().map(latest -> new Family(
                en ? latest.nameEn() : latest.name(),
                versions.versions(latest.family()).stream().map(v -> new VersionLine(v.code(), v.version(),
                        ChineseDates.format(LocalDate.ofInstant(v.loadedAt(), site.zone()), locale), v.inUse(),
                        v.version() == latest.version())).toList())).toList();
        model.addAttribute("families", families);
        model.addAttribute("sheets", StandardWorkbook.SHEETS.stream().map(StandardWorkbook.SheetSpec::zh).toList());
        return "standards";
    }
}
