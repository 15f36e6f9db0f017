package cn.chuangwei.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * <p>The PDFs come from templates ({@link DossierPdfs}): A4 with a subset of a Chinese font embedded; without such a
 * font {@link #zip} fails with an {@link IllegalStateException} that says how to install one. The whole ZIP is built in
 * memory.
 */
@Component
class DossierDocuments {

    static final String INDEX = "00-目录.pdf";
    static final String REPORT = "01-工作汇报.pdf";
    static final String EVIDENCE = "02-佐证材料";
    /** The longest name, in characters, of an evidence file (before the item code) or an area folder. */
    static final int MAX_NAME = 80;

    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[\\s.]+|[\\s.]+$");
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private final DossierPdfs pdfs;

    DossierDocuments(DossierPdfs pdfs) {
        this.pdfs = pdfs;
    }

    /** The dossier as a ZIP file with the index, the work report and the evidence files. */
    public byte[] zip(Dossier d) {
        List<AreaEntry> plan = plan(d);
        byte[] index = pdfs.index(d, plan);
        byte[] report = pdfs.report(d);
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

    /** An area of the dossier, numbered from 1, with its items. */
    record AreaEntry(int number, Dossier.Area area, List<ItemEntry> items) {}

    /** An item with its documents. */
    record ItemEntry(Dossier.Item item, List<DocumentEntry> documents) {}

    /** A document with its path in the ZIP. */
    record DocumentEntry(Dossier.Document document, String path) {}

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

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
