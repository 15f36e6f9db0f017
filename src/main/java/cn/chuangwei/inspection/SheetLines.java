package cn.chuangwei.inspection;

import cn.chuangwei.kernel.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A sheet typed into a form, one line per code: {@code code,value[,more]}, the parts separated by a comma (half or full
 * width) or a tab, blank lines skipped. A code comes once, from those wanted; a refusal names the line. Once the lines'
 * values are checked, {@link #requireAll} asks for every wanted code.
 */
final class SheetLines {

    /** A line of the sheet: its number (from 1), its code in upper case, and its parts (the code first). */
    record Line(int number, String code, String[] parts) {

        /** A part, trimmed; an empty text when the line has no such part. */
        String part(int i) {
            return parts.length > i ? parts[i].trim() : "";
        }
    }

    private SheetLines() {
    }

    /**
     * @param columns  the most parts a line is split into (the last keeps any further separators)
     * @param field    the form field a refusal names
     * @param unknown  the refusal for a line whose code is not wanted, from its line number and code
     */
    static List<Line> read(String text, int columns, Set<String> wanted, String field,
                           BiFunction<Integer, String, ApiException> unknown) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] raw = text == null ? new String[0] : text.split("\\R");
        for (int n = 0; n < raw.length; n++) {
            String line = raw[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,，\\t]", columns);
            String code = parts[0].trim().toUpperCase(Locale.ROOT);
            if (!wanted.contains(code)) {
                throw unknown.apply(n + 1, code);
            }
            if (!seen.add(code)) {
                throw ApiException.badRow("duplicate-code", n + 1, field, code);
            }
            lines.add(new Line(n + 1, code, parts));
        }
        return lines;
    }

    /** Refuses, with the message code {@code missing}, the first wanted code the sheet has no line for. */
    static void requireAll(Set<String> wanted, Set<String> read, String field, String missing) {
        for (String code : wanted) {
            if (!read.contains(code)) {
                throw ApiException.badRequest(missing, field, code);
            }
        }
    }
}
