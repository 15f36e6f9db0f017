package cn.chuangwei.inspection;

import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.documents.DocumentRenderer;
import cn.chuangwei.inspection.DossierDocuments.AreaEntry;
import cn.chuangwei.inspection.DossierDocuments.DocumentEntry;
import cn.chuangwei.inspection.DossierDocuments.ItemEntry;
import cn.chuangwei.kernel.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dossier's two PDFs, from the templates {@code documents/dossier-index.html} (every area and item with the path,
 * type and description of its evidence, items without evidence marked, the list of gaps, "第 1 页 共 3 页" at the foot)
 * and {@code documents/dossier-report.html} (the work report, paragraph by paragraph).
 */
@Component
class DossierPdfs {

    /** An area as the index shows it: 一、爱国卫生组织管理. */
    record AreaView(String heading, List<ItemView> items) {}

    /** An item, "ORG-01 爱国卫生组织机构健全", with its documents. */
    record ItemView(String label, List<DocumentView> documents) {}

    /** A document's path in the ZIP, its type and description ("" when there is none). */
    record DocumentView(String path, String type, String description) {}

    private final DocumentRenderer renderer;
    private final MessageSource messages;

    DossierPdfs(DocumentRenderer renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    byte[] index(Dossier d, List<AreaEntry> plan) {
        List<AreaView> areas = new ArrayList<>();
        int items = 0;
        int documents = 0;
        for (AreaEntry area : plan) {
            List<ItemView> itemViews = new ArrayList<>();
            for (ItemEntry item : area.items()) {
                List<DocumentView> docs = new ArrayList<>();
                for (DocumentEntry doc : item.documents()) {
                    docs.add(new DocumentView(doc.path(), text(doc.document().evidenceType()),
                            text(doc.document().description())));
                }
                itemViews.add(new ItemView(label(item.item()), docs));
                documents += docs.size();
            }
            items += itemViews.size();
            String name = text(area.area().name());
            areas.add(new AreaView(chineseNumber(area.number()) + "、"
                    + (name.isEmpty() ? messages.getMessage("dossier.index.area", new Object[] {area.number()}, Texts.ZH) : name),
                    itemViews));
        }
        Map<String, Object> model = model(d);
        model.put("compiled", ChineseDates.format(d.compiledOn()));
        model.put("areas", areas);
        model.put("items", items);
        model.put("documents", documents);
        model.put("gaps", d.gaps());
        model.put("unverified", d.unverified());
        model.put("indexFile", DossierDocuments.INDEX);
        model.put("reportFile", DossierDocuments.REPORT);
        model.put("evidenceFolder", DossierDocuments.EVIDENCE);
        // "第 {0} 页  共 {1} 页" around the page counters of the PDF's foot
        model.put("pageLabel", Arrays.asList(messages.getMessage("dossier.index.page", null, Texts.ZH)
                .split("\\{[01]}", -1)));
        return renderer.pdf("dossier-index", model, Texts.ZH);
    }

    byte[] report(Dossier d) {
        Map<String, Object> model = model(d);
        model.put("byline", String.join("　", Stream.of(text(d.town()), ChineseDates.format(d.compiledOn()))
                .filter(s -> !s.isEmpty()).toList()));
        String report = d.workReport() == null ? "" : d.workReport().stripTrailing();
        model.put("paragraphs", report.isBlank() ? List.of()
                : Arrays.stream(report.split("\r\n|\r|\n", -1)).map(String::strip).toList());
        return renderer.pdf("dossier-report", model, Texts.ZH);
    }

    private static Map<String, Object> model(Dossier d) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", text(d.campaignName()));
        model.put("town", text(d.town()));
        model.put("standard", text(d.standardName()));
        return model;
    }

    /** 一 … 九十九 for the areas; Arabic numerals beyond. */
    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    private static String label(Dossier.Item item) {
        return (text(item.code()) + " " + text(item.name())).strip();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
