package cn.chuangwei.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font the application's PDFs embed (circulars, the application dossier, ...).
 *
 * <p>PDFBox can only embed <em>TrueType</em> fonts: OpenType fonts with CFF outlines (Noto Sans/Serif CJK, Source Han)
 * cannot be subset, so they are skipped. The font is {@code chuangwei.documents.font}, or the older
 * {@code chuangwei.circular.font}, when set (a .ttf or .ttc file; {@code file.ttc#PostScriptName} picks one font of a
 * collection), otherwise the first usable file of {@link #WELL_KNOWN_FONTS}; on Debian and Ubuntu that is the package
 * {@code fonts-wqy-microhei}. Without such a font {@link #load} fails with an {@link IllegalStateException} that says
 * so.
 *
 * <p>The font is looked for once, on first use; its file is then read into memory once (WenQuanYi Micro Hei is about
 * 5 MB) so that every document gets its own parsed copy without holding a file open. Thread-safe.
 */
@Component
public class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    /** Where Debian, Ubuntu, Fedora and macOS keep TrueType fonts with Chinese glyphs, the preferred ones first. */
    public static final List<Path> WELL_KNOWN_FONTS = Stream.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/arphic/ukai.ttc",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
            "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf")
            .map(Path::of).toList();

    public static final String FONT_HINT = "install the Debian/Ubuntu package fonts-wqy-microhei (apt-get install -y fonts-wqy-microhei)"
            + " or set chuangwei.circular.font to a TrueType .ttf/.ttc font with Chinese glyphs"
            + " (OpenType/CFF fonts such as Noto CJK cannot be embedded)";

    /** Characters a usable font must have. */
    private static final String PROBE = "通报督办逾期年月日责任单位";

    private final String fontPath;
    private final List<Path> candidates;
    private volatile LoadedFont resolved;

    @Autowired
    public CjkFont(@Value("${chuangwei.documents.font:${chuangwei.circular.font:}}") String fontPath) {
        this(fontPath, WELL_KNOWN_FONTS);
    }

    /**
     * A font that is {@code fontPath} when that is not blank, otherwise the first usable file of {@code candidates}
     * (for tests).
     */
    public CjkFont(String fontPath, List<Path> candidates) {
        this.fontPath = fontPath == null ? "" : fontPath.strip();
        this.candidates = List.copyOf(candidates);
    }

    /**
     * Loads the font into {@code doc}, to be embedded as a subset when the document is saved. The parsed font is closed
     * with the document. The returned font's {@link PDType0Font#getCmapLookup() cmap} tells which characters it has.
     *
     * @throws IllegalStateException when there is no usable font (the message says how to install one)
     */
    public PDType0Font load(PDDocument doc) throws IOException {
        TrueTypeFont ttf = resolve().parse();
        try {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            doc.registerTrueTypeFontForClosing(ttf);
            return font;
        } catch (IOException | RuntimeException e) {
            ttf.close();
            throw e;
        }
    }

    private LoadedFont resolve() {
        LoadedFont f = resolved;
        if (f == null) {
            FontSource source = findFont();
            try {
                f = new LoadedFont(source, Files.readAllBytes(source.file()));
            } catch (IOException e) {
                throw new IllegalStateException("The font " + source.file() + " cannot be read (" + e + "); " + FONT_HINT, e);
            }
            log.info("PDFs use the font {} in {}", source.name() == null ? "" : source.name(), source.file());
            resolved = f;
        }
        return f;
    }

    private FontSource findFont() {
        if (!fontPath.isEmpty()) {
            String path = fontPath;
            String name = null;
            int hash = path.lastIndexOf('#');
            if (hash > 0) {
                name = path.substring(hash + 1);
                path = path.substring(0, hash);
            }
            try {
                FontSource s = FontSource.probe(Path.of(path), name);
                if (s == null) {
                    throw new IllegalStateException("chuangwei.circular.font=" + fontPath
                            + " is not a TrueType font with Chinese glyphs; " + FONT_HINT);
                }
                return s;
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalStateException ise) {
                    throw ise;
                }
                throw new IllegalStateException("chuangwei.circular.font=" + fontPath + " cannot be read as a font ("
                        + e + "); " + FONT_HINT, e);
            }
        }
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                FontSource s = FontSource.probe(p, null);
                if (s != null) {
                    return s;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Font {} is not usable for PDFs", p, e);
            }
        }
        throw new IllegalStateException("No TrueType font with Chinese glyphs for circular PDFs was found in "
                + candidates + "; " + FONT_HINT);
    }

    /** A usable font with the bytes of its file. */
    private record LoadedFont(FontSource source, byte[] bytes) {

        /** A fresh parse of the font, in memory: nothing to close but the font itself. */
        TrueTypeFont parse() throws IOException {
            if (source.name() == null) {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            }
            // a font of a collection reads from the collection's buffer, which holds no file and needs no closing
            TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(bytes));
            TrueTypeFont ttf = ttc.getFontByName(source.name());
            if (ttf == null) {
                ttc.close();
                throw new IOException("No font " + source.name() + " in " + source.file());
            }
            return ttf;
        }
    }

    /** A font file and, for a collection, the PostScript name of the font in it. */
    private record FontSource(Path file, String name) {

        static FontSource probe(Path file, String wanted) throws IOException {
            if (isCollection(file)) {
                try (TrueTypeCollection ttc = new TrueTypeCollection(file.toFile())) {
                    String[] best = {null};
                    int[] bestScore = {Integer.MIN_VALUE};
                    ttc.processAllFonts(ttf -> {
                        String name = ttf.getName();
                        if ((wanted == null || wanted.equals(name)) && usable(ttf)) {
                            int score = (name.contains("Mono") ? -1 : 0)
                                    + (name.contains("CN") || name.contains("SC") || name.contains("GB") ? 1 : 0);
                            if (score > bestScore[0]) {
                                best[0] = name;
                                bestScore[0] = score;
                            }
                        }
                    });
                    return best[0] == null ? null : new FontSource(file, best[0]);
                }
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                return usable(ttf) ? new FontSource(file, null) : null;
            }
        }

        private static boolean isCollection(Path file) throws IOException {
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(head, 0, 4) == 4 && "ttcf".equals(new String(head, StandardCharsets.US_ASCII));
            }
        }

        /** TrueType outlines (PDFBox cannot subset CFF) and the glyphs a document needs. */
        private static boolean usable(TrueTypeFont ttf) throws IOException {
            if (!ttf.getTableMap().containsKey("glyf")) {
                return false;
            }
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            return cmap != null && PROBE.codePoints().allMatch(cp -> cmap.getGlyphId(cp) > 0);
        }
    }
}
