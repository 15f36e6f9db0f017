package cn.chuangwei.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The documents' renderer without a Spring context, on the application's message bundles; a PDF's text. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** The message bundles as the application reads them. */
    public static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/pages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** A renderer with the machine's Chinese font (fonts-wqy-microhei). */
    public static DocumentRenderer renderer() {
        return new DocumentRenderer(messages(), "");
    }

    /**
     * The text of a PDF from page {@code fromPage} on, with all white space removed (long lines wrap); {@code byPosition}
     * reads each page top to bottom, left to right (the page numbers at the foot last), otherwise in the order drawn.
     */
    public static String pdfText(byte[] pdf, int fromPage, boolean byPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setSortByPosition(byPosition);
            return stripper.getText(doc).replaceAll("\\s+", "");
        }
    }
}
