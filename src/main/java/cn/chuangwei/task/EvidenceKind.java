package cn.chuangwei.task;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a task's evidence may be: a photo (JPEG, PNG, GIF or WebP), a PDF, a Word or an Excel document.
 * Told by the file's own bytes (and, for Office documents, which share their container with other files, its name), not
 * by the content type the browser claims.
 */
public enum EvidenceKind {
    IMAGE, PDF, WORD, EXCEL;

    /** The kind of the file, or empty when it is none of the allowed kinds. */
    public static Optional<EvidenceKind> of(byte[] b, String fileName) {
        if (b == null || b.length == 0) {
            return Optional.empty();
        }
        if (EvidenceService.isImage(b)) {
            return Optional.of(IMAGE);
        }
        if (EvidenceService.starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        // .docx/.xlsx are ZIP containers, .doc/.xls OLE2 compound files
        boolean zip = EvidenceService.starts(b, 'P', 'K', 3, 4);
        boolean ole = EvidenceService.starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        if ((zip && name.endsWith(".docx")) || (ole && name.endsWith(".doc"))) {
            return Optional.of(WORD);
        }
        if ((zip && name.endsWith(".xlsx")) || (ole && name.endsWith(".xls"))) {
            return Optional.of(EXCEL);
        }
        return Optional.empty();
    }

    /** The real media type of an image's or a PDF's bytes; null for anything else (served as a download). */
    public static String inlineType(byte[] b) {
        String image = b == null ? null : EvidenceService.imageType(b);
        if (image != null) {
            return image;
        }
        if (EvidenceService.starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }
}
