package cn.chuangwei.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Chinese text in one embedded font on PDF pages: makes text safe for the font, measures it, breaks a paragraph into
 * lines and draws a line.
 */
public final class TextLayout {

    /** Punctuation that may not start a line, and brackets that may not end one (避头尾). */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…%,.;:?!)]}";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    private final PDType0Font font;
    private final CmapLookup cmap;
    private final int replacement;
    private final boolean breakAfterSlash;

    /**
     * Text in {@code font}. With {@code breakAfterSlash} a line may also break after a slash, so that paths break
     * between folders.
     */
    public TextLayout(PDType0Font font, boolean breakAfterSlash) {
        this.font = font;
        this.cmap = font.getCmapLookup();
        this.replacement = cmap.getGlyphId('□') > 0 ? '□' : '?';
        this.breakAfterSlash = breakAfterSlash;
    }

    /** Tabs and control characters become spaces; a character the font lacks becomes □, visibly. */
    public String clean(String s) {
        StringBuilder b = new StringBuilder();
        (s == null ? "" : s).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                b.append(' ');
            } else if (Character.isWhitespace(cp) && cp != '\u3000' && cp != ' ') {
                b.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                b.appendCodePoint(cp);
            } else {
                b.appendCodePoint(replacement);
            }
        });
        return b.toString();
    }

    /** The width of {@code s}, as it is, in points. */
    public float width(String s, float size) throws IOException {
        return font.getStringWidth(s) * size / 1000f;
    }

    /** Draws one line. Bold is the regular face filled and stroked: the Chinese fonts at hand have no bold face. */
    public void show(PDPageContentStream cs, String s, float x, float base, float size, boolean bold, float[] color)
            throws IOException {
        if (s.isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(color[0], color[1], color[2]);
        cs.setStrokingColor(color[0], color[1], color[2]);
        cs.setLineWidth(size * 0.035f);
        cs.beginText();
        cs.setFont(font, size);
        cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        cs.newLineAtOffset(x, base);
        cs.showText(s);
        cs.endText();
    }

    /**
     * Breaks one paragraph into lines, the first at most {@code firstWidth} wide and the others {@code width}: between
     * any two Chinese characters, between Latin words, inside a Latin word only when it is longer than a line;
     * punctuation that may not start a line pulls the character before it along.
     */
    public List<String> wrap(String paragraph, float size, float firstWidth, float width) throws IOException {
        List<String> tokens = tokens(paragraph);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float max = firstWidth;
        float used = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            float w = width(t, size);
            if (used + w <= max + 0.01f) {
                line.append(t);
                used += w;
                continue;
            }
            if (t.isBlank()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                max = width;
                continue;
            }
            if (w > width && t.codePointCount(0, t.length()) > 1) {
                tokens.remove(i);
                tokens.addAll(i, t.codePoints().mapToObj(Character::toString).toList());
                i--;
                continue;
            }
            StringBuilder carry = new StringBuilder();
            if (NO_LINE_START.contains(t) && line.length() > 0) {
                int cut = line.offsetByCodePoints(line.length(), -1);
                carry.insert(0, line.substring(cut));
                line.setLength(cut);
            }
            while (line.length() > 0) {
                int cut = line.offsetByCodePoints(line.length(), -1);
                if (NO_LINE_END.indexOf(line.codePointAt(cut)) < 0) {
                    break;
                }
                carry.insert(0, line.substring(cut));
                line.setLength(cut);
            }
            if (line.toString().isBlank()) {
                // nothing may stay on this line: let it run over rather than loop
                line.append(carry).append(t);
                used = width(line.toString(), size);
                continue;
            }
            lines.add(line.toString().stripTrailing());
            line.setLength(0);
            line.append(carry).append(t);
            used = width(line.toString(), size);
            max = width;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * Runs of printable ASCII (words, numbers, dates) stay together, but with {@code breakAfterSlash} a slash ends a
     * run; any other character is a token of its own.
     */
    private List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp > ' ' && cp < 0x7f) {
                word.appendCodePoint(cp);
                if (breakAfterSlash && cp == '/') {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
            } else {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(Character.toString(cp));
            }
        });
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
