package cn.chuangwei.inspection;

import cn.chuangwei.documents.CjkFont;
import cn.chuangwei.documents.TextLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Packs an application dossier (申报材料) as a ZIP file:
 *
 * <pre>
 * 00-目录.pdf                          the index: every area and item with the path, type and description of its
 *                                      evidence, items without evidence marked （缺项）, and the list of gaps
 * 01-工作汇报.pdf                      the work report
 * 02-佐证材料/01-{area}/{item}-{file}  the evidence files, unchanged
 * </pre>
 *
 * <p>Entry names are UTF-8 (the ZIP's language encoding flag is set, so Windows Explorer and macOS show the Chinese
 * names). Names taken from the data are made safe: no slashes or backslashes, no {@code ..}, no control characters,
 * none of {@code : * ? " < > |}, no leading dots, no Windows device names, at most {@value #MAX_NAME} characters; two files
 * that would get the same name are told apart by (2), (3), ... So every entry stays inside its folder when unpacked.
 *
 * <p>The PDFs are A4 and embed a subset of the Chinese font of {@link CjkFont}; without such a font {@link #zip} fails
 * with an {@link IllegalStateException} that says how to install one. The whole ZIP is built in memory.
 */
@Component
public class DossierDocuments {

    static final String INDEX = "00-目录.pdf";
    static final String REPORT = "01-工作汇报.pdf";
    static final String EVIDENCE = "02-佐证材料";
    static final String GAP = "（缺项）";
    /** The longest name, in characters, of an evidence file (before the item code) or an area folder. */
    static final int MAX_NAME = 80;

    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[\\s.]+|[\\s.]+$");
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private final CjkFont cjkFont;

    public DossierDocuments(CjkFont cjkFont) {
        this.cjkFont = cjkFont;
    }

    /** The dossier as a ZIP file with the index, the work report and the evidence files. */
    public byte[] zip(Dossier d) {
        List<AreaEntry> plan = plan(d);
        byte[] index = indexPdf(d, plan);
        byte[] report = reportPdf(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, INDEX, index);
            put(zip, REPORT, report);
            for (AreaEntry area : plan) {
                for (ItemEntry item : area.items()) {
                    for (DocumentEntry doc : item.documents()) {
                        byte[] content = doc.document().content();
                        put(zip, doc.path(), content == null ? new byte[0] : content);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not pack the dossier of " + d.campaignName(), e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    // ------------------------------------------------------------------------------------------------------ paths

    private record AreaEntry(int number, Dossier.Area area, List<ItemEntry> items) {}

    private record ItemEntry(Dossier.Item item, List<DocumentEntry> documents) {}

    private record DocumentEntry(Dossier.Document document, String path) {}

    /** Every area, item and document with the path of the document in the ZIP. */
    private static List<AreaEntry> plan(Dossier d) {
        Set<String> used = new HashSet<>();
        used.add(key(INDEX));
        used.add(key(REPORT));
        List<AreaEntry> areas = new ArrayList<>();
        int number = 0;
        for (Dossier.Area area : nonNull(d.areas())) {
            number++;
            String folder = EVIDENCE + "/" + unique("%02d-%s".formatted(number, safeName(area.name(), "领域" + number)), "",
                    used, EVIDENCE + "/") + "/";
            List<ItemEntry> items = new ArrayList<>();
            for (Dossier.Item item : nonNull(area.items())) {
                String code = safeName(item.code(), "");
                List<DocumentEntry> docs = new ArrayList<>();
                for (Dossier.Document doc : nonNull(item.documents())) {
                    String file = safeName(doc.fileName(), "佐证材料" + doc.evidenceId());
                    String name = code.isEmpty() ? file : code + "-" + file;
                    docs.add(new DocumentEntry(doc, folder + unique(name, extension(file), used, folder)));
                }
                items.add(new ItemEntry(item, docs));
            }
            areas.add(new AreaEntry(number, area, items));
        }
        return areas;
    }

    /** {@code name}, or name(2), name(3), ... before its extension when the folder already has that name. */
    private static String unique(String name, String extension, Set<String> used, String folder) {
        String base = name.substring(0, name.length() - extension.length());
        String candidate = name;
        for (int n = 2; !used.add(key(folder + candidate)); n++) {
            candidate = base + "(" + n + ")" + extension;
        }
        return candidate;
    }

    /** Windows and macOS do not tell upper from lower case. */
    private static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    /** ".pdf" of "通知.pdf"; "" when there is no short extension. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.length() - dot > 12 || name.substring(dot).contains(" ")) {
            return "";
        }
        return name.substring(dot);
    }

    /**
     * A name that is safe as one segment of a path in a ZIP on any system: slashes, backslashes, {@code : * ? " < > |}
     * and control characters become _, invisible formatting characters go, white space becomes one space, a run of dots
     * becomes one dot, leading and trailing dots and spaces go, a Windows device name gets a leading _, and a name longer
     * than {@value #MAX_NAME} characters is cut, keeping its extension. Chinese is kept. {@code fallback} when nothing
     * is left.
     */
    static String safeName(String raw, String fallback) {
        String s = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                return;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else if (Character.isISOControl(cp) || FORBIDDEN.indexOf(cp) >= 0) {
                b.append('_');
            } else {
                b.appendCodePoint(cp);
            }
        });
        String name = EDGES.matcher(DOTS.matcher(SPACES.matcher(b).replaceAll(" ")).replaceAll(".")).replaceAll("");
        if (DEVICE.matcher(name).matches()) {
            name = "_" + name;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            String ext = extension(name);
            String base = name.substring(0, name.length() - ext.length());
            int keep = Math.max(1, MAX_NAME - ext.codePointCount(0, ext.length()));
            base = base.substring(0, base.offsetByCodePoints(0, Math.min(keep, base.codePointCount(0, base.length()))));
            name = EDGES.matcher(base).replaceAll("") + ext;
        }
        return name.isEmpty() ? safeName(fallback, "_") : name;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------------------------------------------ text

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** 2027年3月15日 */
    static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
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

    private static String itemLabel(Dossier.Item item) {
        return (text(item.code()) + " " + text(item.name())).strip();
    }

    // ------------------------------------------------------------------------------------------------------ PDFs

    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GREY = {0.35f, 0.35f, 0.35f};
    private static final float[] RED = {0.8f, 0f, 0f};

    private byte[] indexPdf(Dossier d, List<AreaEntry> plan) {
        String title = text(d.campaignName()) + "申报材料目录";
        try (PDDocument doc = new PDDocument()) {
            Pdf pdf = new Pdf(doc, cjkFont.load(doc));
            pdf.newPage();
            pdf.centered(title, 20f, 32f, true, BLACK);
            pdf.skip(4f);
            if (!text(d.standardName()).isEmpty()) {
                pdf.centered("创建标准：" + text(d.standardName()), 12f, 20f, false, BLACK);
            }
            if (!text(d.town()).isEmpty()) {
                pdf.centered("申报单位：" + text(d.town()), 12f, 20f, false, BLACK);
            }
            pdf.centered("编制日期：" + chineseDate(d.compiledOn()), 12f, 20f, false, BLACK);
            pdf.skip(12f);

            int items = plan.stream().mapToInt(a -> a.items().size()).sum();
            int documents = plan.stream().flatMap(a -> a.items().stream()).mapToInt(i -> i.documents().size()).sum();
            List<String> gaps = d.gaps();
            pdf.paragraph("本申报材料按创建标准的" + plan.size() + "个方面、" + items + "项逐项整理，共有佐证材料" + documents
                    + "份，缺项" + gaps.size() + "项。文件构成如下：", 11f, 19f, 22f, 0f, false, BLACK);
            pdf.paragraph(INDEX + "　申报材料目录（本文件）", 10.5f, 17f, 22f, 22f, false, BLACK);
            pdf.paragraph(REPORT + "　工作汇报", 10.5f, 17f, 22f, 22f, false, BLACK);
            pdf.paragraph(EVIDENCE + "/　佐证材料，按方面分文件夹，文件名以项目编号开头", 10.5f, 17f, 22f, 22f, false, BLACK);

            for (AreaEntry area : plan) {
                pdf.skip(10f);
                pdf.need(26f + 40f);
                String name = text(area.area().name());
                pdf.paragraph(chineseNumber(area.number()) + "、" + (name.isEmpty() ? "领域" + area.number() : name),
                        14f, 26f, 0f, 28f, true, BLACK);
                for (ItemEntry item : area.items()) {
                    pdf.skip(3f);
                    pdf.need(19f + (item.documents().isEmpty() ? 0f : 17f));
                    pdf.paragraph(itemLabel(item.item()), 11.5f, 19f, 11.5f, 23f, true, BLACK);
                    if (item.documents().isEmpty()) {
                        pdf.append(GAP, 11.5f, 19f, 23f, true, RED);
                    }
                    int k = 0;
                    for (DocumentEntry entry : item.documents()) {
                        k++;
                        Dossier.Document evidence = entry.document();
                        String number = k + ". ";
                        float hanging = 34.5f + pdf.width(number, 10.5f);
                        pdf.need(17f);
                        pdf.paragraph(number + entry.path(), 10.5f, 17f, 34.5f, hanging, false, BLACK);
                        List<String> about = new ArrayList<>();
                        if (!text(evidence.evidenceType()).isEmpty()) {
                            about.add("类型：" + text(evidence.evidenceType()));
                        }
                        if (!text(evidence.description()).isEmpty()) {
                            about.add("说明：" + text(evidence.description()));
                        }
                        if (!about.isEmpty()) {
                            pdf.paragraph(String.join("；", about), 10f, 16f, hanging, hanging, false, GREY);
                        }
                    }
                }
            }

            pdf.skip(16f);
            pdf.need(26f + 19f);
            pdf.paragraph("缺项清单", 14f, 26f, 0f, 0f, true, BLACK);
            if (gaps.isEmpty()) {
                pdf.paragraph("无", 11.5f, 19f, 23f, 23f, false, BLACK);
            }
            int k = 0;
            for (String gap : gaps) {
                k++;
                String number = k + ". ";
                pdf.paragraph(number + gap, 11.5f, 19f, 23f, 23f + pdf.width(number, 11.5f), false, RED);
            }
            pdf.closePage();
            pdf.pageNumbers(true);
            return save(doc, title, d);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the index of the dossier of " + d.campaignName(), e);
        }
    }

    private byte[] reportPdf(Dossier d) {
        String title = text(d.campaignName()) + "工作汇报";
        try (PDDocument doc = new PDDocument()) {
            Pdf pdf = new Pdf(doc, cjkFont.load(doc));
            pdf.newPage();
            pdf.centered(title, 20f, 32f, true, BLACK);
            String byline = String.join("　", List.of(text(d.town()), chineseDate(d.compiledOn())).stream()
                    .filter(s -> !s.isEmpty()).toList());
            if (!byline.isEmpty()) {
                pdf.centered(byline, 12f, 22f, false, BLACK);
            }
            pdf.skip(14f);
            String report = d.workReport() == null ? "" : d.workReport().stripTrailing();
            if (report.isBlank()) {
                pdf.centered("（未填写工作汇报）", 14f, 26f, false, GREY);
            } else {
                for (String line : report.split("\r\n|\r|\n", -1)) {
                    String para = line.strip();
                    if (para.isEmpty()) {
                        pdf.skip(13f);
                        continue;
                    }
                    pdf.paragraph(para, 14f, 26f, 28f, 0f, false, BLACK);
                }
            }
            pdf.closePage();
            pdf.pageNumbers(false);
            return save(doc, title, d);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the work report of " + d.campaignName(), e);
        }
    }

    private static byte[] save(PDDocument doc, String title, Dossier d) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(text(d.town()));
        info.setSubject(text(d.standardName()));
        info.setCreator("Chuangwei 创卫");
        doc.getDocumentCatalog().setLanguage("zh-CN");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** Flowing text on A4 pages with margins of 25 mm and page numbers at the foot. */
    private static final class Pdf {
        private static final float MM = 72f / 25.4f;
        private static final PDRectangle PAGE = PDRectangle.A4;
        private static final float LEFT = 25 * MM;
        private static final float RIGHT = PAGE.getWidth() - 25 * MM;
        private static final float TOP = PAGE.getHeight() - 25 * MM;
        private static final float BOTTOM = 25 * MM;
        private static final float WIDTH = RIGHT - LEFT;

        private final PDDocument doc;
        private final TextLayout layout;
        private PDPageContentStream cs;
        private float y;
        /** Where the last line shown ends, and its baseline, for {@link #append}. */
        private float lastEnd;
        private float lastBaseline;

        Pdf(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.layout = new TextLayout(font, true);
        }

        void newPage() throws IOException {
            closePage();
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
        }

        void closePage() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        /** A new page unless {@code height} fits on this one. */
        void need(float height) throws IOException {
            if (cs == null || y - height < BOTTOM) {
                newPage();
            }
        }

        /** Vertical space, none at the top of a page. */
        void skip(float height) {
            if (y < TOP) {
                y = Math.max(BOTTOM, y - height);
            }
        }

        void centered(String text, float size, float leading, boolean bold, float[] color) throws IOException {
            for (String line : layout.wrap(layout.clean(text), size, WIDTH, WIDTH)) {
                need(leading);
                show(line, LEFT + (WIDTH - width(line, size)) / 2, baseline(leading, size), size, bold, color);
                y -= leading;
            }
        }

        /** A paragraph, its first line indented by {@code firstIndent}, the others by {@code indent}. */
        void paragraph(String text, float size, float leading, float firstIndent, float indent, boolean bold, float[] color)
                throws IOException {
            List<String> lines = layout.wrap(layout.clean(text), size, WIDTH - firstIndent, WIDTH - indent);
            for (int i = 0; i < lines.size(); i++) {
                need(leading);
                float x = LEFT + (i == 0 ? firstIndent : indent);
                show(lines.get(i), x, baseline(leading, size), size, bold, color);
                y -= leading;
            }
        }

        /** Text after the end of the last line when it fits there, otherwise on a line of its own. */
        void append(String text, float size, float leading, float indent, boolean bold, float[] color) throws IOException {
            String t = layout.clean(text);
            if (lastEnd + width(t, size) <= RIGHT) {
                show(t, lastEnd, lastBaseline, size, bold, color);
            } else {
                paragraph(t, size, leading, indent, indent, bold, color);
            }
        }

        /** "第 1 页 共 3 页", or "— 1 —" like an official document, at the foot of every page. */
        void pageNumbers(boolean withTotal) throws IOException {
            int total = doc.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                String label = layout.clean(withTotal
                        ? "第 " + (i + 1) + " 页  共 " + total + " 页"
                        : "— " + (i + 1) + " —");
                try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    PDPageContentStream body = cs;
                    cs = foot;
                    show(label, LEFT + (WIDTH - width(label, 9f)) / 2, BOTTOM - 12 * MM, 9f, false, GREY);
                    cs = body;
                }
            }
        }

        private float baseline(float leading, float size) {
            return y - (leading + size * 0.7f) / 2;
        }

        /** Draws a line and remembers where it ends, for {@link #append}. */
        private void show(String s, float x, float base, float size, boolean bold, float[] color) throws IOException {
            lastEnd = x + width(s, size);
            lastBaseline = base;
            layout.show(cs, s, x, base, size, bold, color);
        }

        /** The width of {@code s} once cleaned for the font. */
        float width(String s, float size) throws IOException {
            return layout.width(layout.clean(s), size);
        }
    }
}
