package cn.chuangwei.supervision;

import cn.chuangwei.documents.DocumentRenderer;
import cn.chuangwei.kernel.Texts;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A circular from the template {@code documents/circular.html}: as an A4 PDF with a subset of a Chinese font embedded,
 * and as the same page in the browser (the print view).
 */
@Component
class CircularPdf {

    private static final String TEMPLATE = "circular";

    private final DocumentRenderer renderer;
    private final MessageSource messages;

    CircularPdf(DocumentRenderer renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    /**
     * The circular as a PDF.
     *
     * @throws IllegalStateException without a Chinese TrueType font (the message says how to install one)
     */
    byte[] pdf(Circular c) {
        return renderer.pdf(TEMPLATE, model(c), Texts.ZH);
    }

    /**
     * The circular as a PDF with parts of the template a town's circular leaves out or replaces: a county's circular
     * brings its towns' standing ({@code standingCaption}, {@code standingHeaders}, {@code standingRows}) and its own
     * table of tasks ({@code headers}, {@code rows}, {@code tableClass}).
     */
    byte[] pdf(Circular c, Map<String, Object> parts) {
        Map<String, Object> model = model(c);
        model.putAll(parts);
        return renderer.pdf(TEMPLATE, model, Texts.ZH);
    }

    /** The circular as an HTML page that links the documents' stylesheet. */
    String html(Circular c) {
        return renderer.html(TEMPLATE, model(c), Texts.ZH);
    }

    /** The circular's sheet alone (what the print view's body holds), to show inside a page of the board. */
    String sheet(Circular c) {
        return renderer.fragment(TEMPLATE, ".sheet", model(c), Texts.ZH);
    }

    private Map<String, Object> model(Circular c) {
        CircularContent content = CircularContent.of(c, messages);
        Map<String, Object> model = new HashMap<>();
        model.put("number", content.number());
        model.put("title", content.title());
        model.put("titleWidth", balanced(content.title(), 22));
        model.put("office", content.office());
        // the issuing office on one line in the largest size that lets it fit (26, 22, 18 pt), else over lines at 16 pt
        int length = content.office().codePointCount(0, content.office().length());
        model.put("officeSize", length <= 16 ? "" : length <= 20 ? "long" : length <= 24 ? "longer" : "longest");
        model.put("officeWidth", balanced(content.office(), 27));
        model.put("date", content.date());
        model.put("body", content.body());
        model.put("caption", content.caption());
        model.put("period", content.period());
        model.put("headers", content.headers());
        model.put("rows", content.rows().stream().map(CircularContent::cells).toList());
        model.put("noRows", content.noRows());
        return model;
    }

    /**
     * For a heading that needs two or more lines of {@code perLine} Chinese characters, the class of a box about as wide
     * as its lines then need ("w40" … "w95", in % of the line), so that they come out of even length; "" otherwise.
     */
    static String balanced(String heading, int perLine) {
        double ems = heading.codePoints().mapToDouble(cp -> cp < 0x1100 ? 0.55 : 1).sum();
        int lines = (int) Math.ceil(ems / perLine);
        int percent = (int) Math.ceil((ems / lines + 1) / perLine * 20) * 5;
        return lines < 2 || heading.contains("\n") || percent >= 100 ? "" : "w" + Math.max(40, percent);
    }
}
