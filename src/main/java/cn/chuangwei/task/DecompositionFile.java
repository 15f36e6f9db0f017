package cn.chuangwei.task;

import cn.chuangwei.documents.WorkbookCells;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.task.TaskRowService.NumberedRow;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a task decomposition table (任务分解表) from {@code .xlsx} or {@code .csv} (UTF-8, or GB18030 as Excel saves it
 * in China). The first row holds the headers, in Chinese or English; the columns 阶段, 任务, 责任单位 and 完成时限 are
 * required. A refusal names the row (the header is row 1) and the column as the file spells it.
 */
public final class DecompositionFile {

    /** Header spellings accepted for each field, Chinese first. */
    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("phase", List.of("阶段", "phase"));
        HEADERS.put("title", List.of("任务", "任务名称", "工作任务", "task", "title"));
        HEADERS.put("target", List.of("目标", "目标/标准", "目标标准", "工作目标", "target"));
        HEADERS.put("unit", List.of("责任单位", "unit"));
        HEADERS.put("person", List.of("责任人", "person"));
        HEADERS.put("deadline", List.of("完成时限", "截止日期", "时限", "deadline"));
        HEADERS.put("critical", List.of("重点任务", "重点", "critical"));
        HEADERS.put("area", List.of("标准领域", "标准方面", "area"));
    }

    private static final List<String> REQUIRED = List.of("phase", "title", "unit", "deadline");

    private final List<NumberedRow> rows;
    private final Map<String, String> columnNames;

    private DecompositionFile(List<NumberedRow> rows, Map<String, String> columnNames) {
        this.rows = rows;
        this.columnNames = columnNames;
    }

    public List<NumberedRow> rows() {
        return rows;
    }

    /** The header as the file spells it, for a field name. */
    public String column(String field) {
        return columnNames.getOrDefault(field, field);
    }

    public static DecompositionFile read(String fileName, byte[] content, int maxRows) {
        if (content.length == 0) {
            throw ApiException.badRequest("empty-file", "file");
        }
        boolean zip = WorkbookCells.isZip(content);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx")) {
            if (!zip) {
                throw ApiException.badRequest("unreadable-file", "file", fileName);
            }
            return fromTable(xlsx(content, maxRows), maxRows);
        }
        if (name.endsWith(".xls")) {
            throw ApiException.badRequest("unsupported-file-type", "file", fileName);
        }
        return fromTable(csv(content, maxRows), maxRows);
    }

    private static DecompositionFile fromTable(List<List<String>> table, int maxRows) {
        if (table.isEmpty()) {
            throw ApiException.badRequest("empty-file", "file");
        }
        List<String> header = table.get(0);
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c) == null ? "" : header.get(c).trim().replace("\uFEFF", "");
            for (Map.Entry<String, List<String>> e : HEADERS.entrySet()) {
                if (e.getValue().stream().anyMatch(a -> a.equalsIgnoreCase(h)) && !index.containsKey(e.getKey())) {
                    index.put(e.getKey(), c);
                    names.put(e.getKey(), h);
                }
            }
        }
        for (String field : REQUIRED) {
            if (!index.containsKey(field)) {
                throw ApiException.badRow("missing-column", 1, HEADERS.get(field).get(0), HEADERS.get(field).get(0));
            }
        }
        List<NumberedRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> line = table.get(r);
            if (line.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw ApiException.badRequest("too-many-rows", "file", maxRows);
            }
            rows.add(new NumberedRow(r + 1, new RawTaskRow(cell(line, index, "phase"), cell(line, index, "title"),
                    cell(line, index, "target"), cell(line, index, "unit"), cell(line, index, "person"),
                    cell(line, index, "deadline"), cell(line, index, "critical"), cell(line, index, "area"))));
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("empty-file", "file");
        }
        return new DecompositionFile(rows, names);
    }

    private static String cell(List<String> line, Map<String, Integer> index, String field) {
        Integer c = index.get(field);
        return c == null || c >= line.size() ? null : line.get(c);
    }

    private static List<List<String>> csv(byte[] content, int maxRows) {
        String text = decode(content);
        List<List<String>> table = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (table.size() > maxRows + 1) {
                    throw ApiException.badRequest("too-many-rows", "file", maxRows);
                }
                table.add(record.toList());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("unreadable-file", "file", "csv");
        }
        return table;
    }

    private static String decode(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e2) {
                throw ApiException.badRequest("unreadable-file", "file", "csv");
            }
        }
    }

    private static List<List<String>> xlsx(byte[] content, int maxRows) {
        return WorkbookCells.read(content, maxRows, 1).get(0).rows();
    }
}
