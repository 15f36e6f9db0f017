package cn.chuangwei.documents;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Official documents from HTML templates: a Thymeleaf template of {@code src/main/resources/documents/} (texts from the
 * message bundles through {@code #{…}}), rendered as an HTML page (a print view in the browser) or as a PDF by
 * openhtmltopdf: tagged (PDF/UA), with a subset of a Chinese TrueType font embedded and no other font.
 *
 * <p>Templates are well-formed XHTML (openhtmltopdf parses them as XML) and link their stylesheet as
 * {@code /assets/…}: the browser loads it from the app, the PDF from the class path ({@code static/assets/…}); a PDF
 * loads nothing else. Page size, margins and page numbers are the stylesheet's ({@code @page}); it names the PDF's font
 * {@value #FONT_FAMILY}. When rendering a PDF the model also holds {@code pdf = true}. A character the font lacks comes
 * out as □; one XML cannot carry is left out.
 *
 * <p>Without a usable Chinese font {@link #pdf} fails with an {@link IllegalStateException} that says how to install one.
 */
@Component
public class DocumentRenderer {

    /** The font family the documents' stylesheet names for the embedded Chinese font. */
    public static final String FONT_FAMILY = "Document CJK";

    private static final String ASSETS = "/assets/";
    private static final String CLASSPATH = "classpath";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final CjkFont font;

    @Autowired
    DocumentRenderer(MessageSource messages, DocumentSettings settings) {
        this(messages, settings.font() == null ? "" : settings.font());
    }

    /** With the font {@code font} ("file" or "file.ttc#PostScriptName") or, when blank, the first usable well-known one. */
    public DocumentRenderer(MessageSource messages, String font) {
        this(messages, font, CjkFont.WELL_KNOWN);
    }

    /** With the font {@code font} ("file" or "file.ttc#PostScriptName") or, when blank, the first usable of {@code candidates}. */
    public DocumentRenderer(MessageSource messages, String font, List<Path> candidates) {
        PdfLog.install();
        this.font = new CjkFont(font, candidates);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
    }

    /** The template as an HTML page, in {@code locale}'s language; text XML cannot carry is left out. */
    public String html(String template, Map<String, ?> model, Locale locale) {
        return XmlText.clean(templates.process(template, new Context(locale, new HashMap<>(model))));
    }

    /**
     * One part of the template as HTML, to show inside a page of the board: the elements that match a Thymeleaf markup
     * selector (such as {@code ".sheet"}), rendered from the same model as the page and the PDF.
     */
    public String fragment(String template, String selector, Map<String, ?> model, Locale locale) {
        return XmlText.clean(templates.process(template, java.util.Set.of(selector),
                new Context(locale, new HashMap<>(model))));
    }

    /** The template as a PDF whose pages the stylesheet sets (A4 for the official documents). */
    public byte[] pdf(String template, Map<String, ?> model, Locale locale) {
        Map<String, Object> withPdf = new HashMap<>(model);
        withPdf.put("pdf", true);
        String html = html(template, withPdf, locale);
        try (PDDocument doc = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder().usePDDocument(doc).useFastMode()
                    .useFont(new PDFontSupplier(font.load(doc)), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useUriResolver(DocumentRenderer::resolve)
                    .useProtocolsStreamImplementation(DocumentRenderer::classpath, CLASSPATH)
                    .usePdfUaAccessibility(true)
                    .useReplacementText("□")
                    .withHtmlContent(html, CLASSPATH + ":" + ASSETS);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            doc.getDocumentCatalog().setLanguage(locale.toLanguageTag());
            doc.getDocumentInformation().setCreator("Chuangwei 创卫");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the document " + template + " as PDF", e);
        }
    }

    /** "/assets/x.css" as "classpath:static/assets/x.css" (asked again with that answer); nothing else. */
    private static String resolve(String base, String uri) {
        String resolved = uri.startsWith(ASSETS) ? CLASSPATH + ":static" + uri : uri;
        return resolved.startsWith(CLASSPATH + ":static" + ASSETS) && !resolved.contains("..") ? resolved : null;
    }

    /** A stylesheet of the class path, for "classpath:static/assets/…". */
    private static FSStream classpath(String uri) {
        String path = uri.substring(CLASSPATH.length() + 1);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return DocumentRenderer.class.getClassLoader().getResourceAsStream(path);
            }

            @Override
            public Reader getReader() {
                InputStream in = getStream();
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            }
        };
    }
}
