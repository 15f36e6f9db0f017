package cn.chuangwei.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.LoggerFactory;

/**
 * The Chinese font the PDFs embed, as a subset. PDFBox subsets TrueType outlines only (not the CFF of Noto CJK or Source
 * Han), so the font is a .ttf, or a font of a .ttc collection: {@code chuangwei.documents.font} (or the older
 * {@code chuangwei.circular.font}) when set, {@code file.ttc#PostScriptName} picking one font of a collection, otherwise
 * the first usable file of {@link #WELL_KNOWN}; on Debian that is the package {@code fonts-wqy-microhei}.
 *
 * <p>The file is read into memory once, on first use; each document then parses its own copy. Thread-safe.
 */
final class CjkFont {

    /** Where Debian, Ubuntu and Fedora keep TrueType fonts with Chinese glyphs, the preferred first. */
    static final List<Path> WELL_KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    static final String HINT = "install the Debian/Ubuntu package fonts-wqy-microhei (apt-get install -y fonts-wqy-microhei)"
            + " or set chuangwei.documents.font (formerly chuangwei.circular.font) to a TrueType .ttf/.ttc font with Chinese"
            + " glyphs (OpenType/CFF fonts such as Noto CJK cannot be embedded)";

    /** Characters a usable font must have. */
    private static final String PROBE = "通报督办逾期年月日责任单位";

    private final String configured;
    private final List<Path> candidates;
    private volatile Found found;

    /** The font in {@code configured} ("file" or "file.ttc#Name") when it is not blank, else the first usable candidate. */
    CjkFont(String configured, List<Path> candidates) {
        this.configured = configured == null ? "" : configured.strip();
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The font loaded into {@code doc}, embedded as a subset of the glyphs used when the document is saved, and closed
     * with it.
     *
     * @throws IllegalStateException when there is no usable font; the message says how to install one
     */
    PDType0Font load(PDDocument doc) throws IOException {
        TrueTypeFont ttf = find().parse();
        doc.registerTrueTypeFontForClosing(ttf);
        return PDType0Font.load(doc, ttf, true);
    }

    private Found find() {
        Found f = found;
        if (f != null) {
            return f;
        }
        List<Path> files = new ArrayList<>();
        String name = null;
        if (!configured.isEmpty()) {
            int hash = configured.lastIndexOf('#');
            files.add(Path.of(hash > 0 ? configured.substring(0, hash) : configured));
            name = hash > 0 ? configured.substring(hash + 1) : null;
        } else {
            files.addAll(candidates);
        }
        for (Path file : files) {
            try {
                Found candidate = Files.isRegularFile(file) ? new Found(Files.readAllBytes(file), name) : null;
                if (candidate != null && candidate.usable()) {
                    LoggerFactory.getLogger(CjkFont.class).info("PDFs embed the font of {}", file);
                    found = candidate;
                    return candidate;
                }
            } catch (IOException | RuntimeException e) {
                // not a font, or not one with Chinese TrueType glyphs: try the next
            }
        }
        throw new IllegalStateException((configured.isEmpty() ? "No TrueType font with Chinese glyphs for PDFs in " + files
                : "chuangwei.documents.font=" + configured + " is not a readable TrueType font with Chinese glyphs")
                + "; " + HINT);
    }

    /** A font file's bytes and, for a collection, the name of the font in it (null: the best one). */
    private record Found(byte[] bytes, String name) {

        private static final byte[] TTC = {'t', 't', 'c', 'f'};

        boolean usable() throws IOException {
            try (TrueTypeFont ttf = parse()) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                return ttf.getTableMap().containsKey("glyf") && cmap != null
                        && PROBE.codePoints().allMatch(cp -> cmap.getGlyphId(cp) > 0);
            }
        }

        /** A fresh parse, in memory; of a collection the named font, or the first that is not monospaced. */
        TrueTypeFont parse() throws IOException {
            if (!java.util.Arrays.equals(bytes, 0, 4, TTC, 0, 4)) {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            }
            TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(bytes));
            List<String> names = new ArrayList<>();
            ttc.processAllFonts(ttf -> names.add(ttf.getName()));
            String wanted = name != null ? name : names.stream().filter(n -> !n.contains("Mono")).findFirst()
                    .orElse(names.isEmpty() ? "" : names.get(0));
            TrueTypeFont ttf = ttc.getFontByName(wanted);
            if (ttf == null) {
                ttc.close();
                throw new IOException("No font " + wanted + " in the collection");
            }
            return ttf;
        }
    }
}
