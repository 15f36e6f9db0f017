package cn.chuangwei.work;

import cn.chuangwei.task.EvidenceKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * A small PNG of a file of evidence: a photo scaled down (decoded subsampled, so a huge photo never fills the memory),
 * a PDF's first page, and a drawn icon of a document for Word and Excel files or a file that cannot be read.
 */
@Component
class Thumbnails {

    static final int SIZE = 240;

    byte[] of(byte[] content, String fileName) {
        EvidenceKind kind = EvidenceKind.of(content, fileName).orElse(null);
        BufferedImage image = null;
        if (kind == EvidenceKind.IMAGE) {
            image = photo(content);
        } else if (kind == EvidenceKind.PDF) {
            image = firstPage(content);
        }
        return png(image != null ? image : icon(kind));
    }

    private static BufferedImage photo(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null; // e.g. WebP, which the JDK does not read
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(w, h) / (SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return scaled(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage firstPage(byte[] content) {
        try (PDDocument doc = Loader.loadPDF(content)) {
            if (doc.getNumberOfPages() == 0) {
                return null;
            }
            PDRectangle box = doc.getPage(0).getCropBox();
            float scale = SIZE / Math.max(1f, Math.max(box.getWidth(), box.getHeight()));
            return new PDFRenderer(doc).renderImage(0, Math.min(scale * 1.5f, 2f), ImageType.RGB);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage scaled(BufferedImage src) {
        if (src == null) {
            return null;
        }
        double f = Math.min(1.0, (double) SIZE / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A sheet of paper with a folded corner: blue lines of text for Word, a green grid for Excel, grey otherwise. */
    private static BufferedImage icon(EvidenceKind kind) {
        int w = 120;
        int h = 150;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF3F4F6));
        g.fillRect(0, 0, w, h);
        Color ink = kind == EvidenceKind.WORD ? new Color(0x2B579A) : kind == EvidenceKind.EXCEL ? new Color(0x217346)
                : new Color(0x6B7280);
        int[] xs = {20, 80, 100, 100, 20};
        int[] ys = {15, 15, 35, 135, 135};
        g.setColor(Color.WHITE);
        g.fillPolygon(xs, ys, 5);
        g.setColor(ink);
        g.setStroke(new BasicStroke(3));
        g.drawPolygon(xs, ys, 5);
        g.drawLine(80, 15, 80, 35);
        g.drawLine(80, 35, 100, 35);
        g.setStroke(new BasicStroke(4));
        if (kind == EvidenceKind.EXCEL) {
            for (int y = 55; y <= 115; y += 20) {
                g.drawLine(32, y, 88, y);
            }
            g.drawLine(32, 55, 32, 115);
            g.drawLine(60, 55, 60, 115);
            g.drawLine(88, 55, 88, 115);
        } else {
            for (int y = 55; y <= 115; y += 15) {
                g.drawLine(32, y, y == 115 ? 64 : 88, y);
            }
        }
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
