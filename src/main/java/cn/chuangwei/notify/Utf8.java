package cn.chuangwei.notify;

import java.nio.charset.StandardCharsets;

/** Texts cut to a provider's limit in UTF-8 bytes (WeCom's 2048 for a text message, 4096 for a robot's markdown). */
final class Utf8 {

    /** Marks a text that was cut. */
    static final String CUT = "…";

    private Utf8() {
    }

    /**
     * The text if it fits in {@code maxBytes} of UTF-8, else its longest start that fits with {@value #CUT} after it, cut
     * between characters (never inside a character or a surrogate pair). When the last line break lies in the second
     * half of what fits, the text is cut there: a digest loses whole lines, never half a line or half a link.
     */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - CUT.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        int line = text.lastIndexOf('\n', end - 1);
        if (line > end / 2) {
            end = line + 1;
        }
        return text.substring(0, end) + CUT;
    }
}
