package cn.chuangwei.standard;

import cn.chuangwei.documents.DropDowns;
import cn.chuangwei.documents.Spreadsheet;
import cn.chuangwei.documents.WorkbookCells;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.ApiException.CellProblem;
import cn.chuangwei.kernel.Texts;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A standard as an Excel workbook, the form an office gets its 爱卫办's official text in: sheets 标准 (one row: the
 * standard), 方面, 条目 and 指标 (one row each, an item and an indicator naming its area by code), each entry with its
 * source (document, date, clause, status, note). Headers are Chinese; the English ones are read too. Value types,
 * comparisons, statuses and 是/否 are drop-down lists of words (their codes are read too).
 *
 * <p>The columns are {@link #SHEETS}: one line per field of {@link StandardFile}, named by its path; a field the
 * workbook does not carry fails {@code StandardWorkbookTest}'s round trip over every shipped standard.
 *
 * <p>{@link #read} refuses a workbook with every cell at fault listed by sheet, row and column (the standard's own rules,
 * {@link StandardRules}, included); nothing is written of it.
 */
@Component
public class StandardWorkbook {

    /** How a column's cells are written and read. */
    enum Kind {
        TEXT, TEXT_OR_EMPTY, DECIMAL, INTEGER, YES_NO, DATE, TYPE, COMPARISON, STATUS, THRESHOLD
    }

    /** A column: the field's path in its entry ({@code source.date}), its headers, kind and width in characters. */
    record Column(String path, String zh, String en, Kind kind, int width) {
    }

    /** A sheet: its names and columns; {@code area} is the column naming an item's or indicator's area. */
    record SheetSpec(String key, String zh, String en, List<Column> columns) {
    }

    private static final List<Column> SOURCE = List.of(
            new Column("source.document", "来源文件", "Source document", Kind.TEXT, 24),
            new Column("source.date", "发布日期", "Source date", Kind.DATE, 12),
            new Column("source.clause", "条款", "Clause", Kind.TEXT, 24),
            new Column("source.status", "核实状态", "Status", Kind.STATUS, 16),
            new Column("source.note", "来源说明", "Source note", Kind.TEXT, 30));

    static final SheetSpec STANDARD = sheet("standard", "标准", "Standard", List.of(
            new Column("code", "代码", "Code", Kind.TEXT, 18),
            new Column("name", "名称", "Name", Kind.TEXT, 30),
            new Column("nameEn", "英文名称", "English name", Kind.TEXT, 30),
            new Column("passScore", "合格分", "Pass score", Kind.DECIMAL, 8),
            new Column("minAreaShare", "各方面最低得分率", "Least share per area", Kind.DECIMAL, 10),
            new Column("scope", "适用范围", "Scope", Kind.TEXT, 16)));
    static final SheetSpec AREAS = sheet("areas", "方面", "Areas", List.of(
            new Column("code", "代码", "Code", Kind.TEXT, 20),
            new Column("name", "名称", "Name", Kind.TEXT, 20),
            new Column("nameEn", "英文名称", "English name", Kind.TEXT, 30)));
    static final SheetSpec ITEMS = sheet("items", "条目", "Items", List.of(
            new Column("area", "方面", "Area", Kind.TEXT, 18),
            new Column("code", "代码", "Code", Kind.TEXT, 10),
            new Column("name", "名称", "Name", Kind.TEXT, 24),
            new Column("requirement", "要求", "Requirement", Kind.TEXT, 50),
            new Column("points", "分值", "Points", Kind.INTEGER, 6),
            new Column("veto", "一票否决", "Veto", Kind.YES_NO, 8)));
    static final SheetSpec INDICATORS = sheet("indicators", "指标", "Indicators", List.of(
            new Column("area", "方面", "Area", Kind.TEXT, 18),
            new Column("code", "代码", "Code", Kind.TEXT, 22),
            new Column("name", "名称", "Name", Kind.TEXT, 24),
            new Column("nameEn", "英文名称", "English name", Kind.TEXT, 30),
            new Column("type", "类型", "Type", Kind.TYPE, 8),
            new Column("unit", "单位", "Unit", Kind.TEXT_OR_EMPTY, 8),
            new Column("comparison", "比较", "Comparison", Kind.COMPARISON, 12),
            new Column("threshold", "阈值", "Threshold", Kind.THRESHOLD, 8),
            new Column("veto", "一票否决", "Veto", Kind.YES_NO, 8),
            new Column("item", "条目", "Item", Kind.TEXT, 8)));
    static final List<SheetSpec> SHEETS = List.of(STANDARD, AREAS, ITEMS, INDICATORS);

    private static SheetSpec sheet(String key, String zh, String en, List<Column> own) {
        List<Column> all = new ArrayList<>(own);
        all.addAll(SOURCE);
        return new SheetSpec(key, zh, en, List.copyOf(all));
    }

    /** Bytes an uploaded workbook may have. */
    public static final long MAX_BYTES = 2_000_000;
    /** Rows a sheet of an uploaded workbook may have, besides its header. */
    static final int MAX_ROWS = 2000;
    private static final String YES = "是";
    private static final String NO = "否";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Texts texts;
    private final StandardVersions versions;

    StandardWorkbook(Texts texts, StandardVersions versions) {
        this.texts = texts;
        this.versions = versions;
    }

    /** A version of a standard as a workbook to download ({@code code} null: the blank template); 404 when unknown. */
    public ResponseEntity<byte[]> download(String code, Locale locale) {
        String name;
        StandardFile file = null;
        if (code == null) {
            name = texts.get("page.standards.template-file", locale);
        } else {
            StandardVersions.Version v = versions.version(code)
                    .orElseThrow(() -> ApiException.notFound("unknown-standard-code", code));
            file = versions.file(code).orElseThrow();
            name = texts.get("page.standards.file", locale, "en".equals(locale.getLanguage()) ? v.nameEn() : v.name(),
                    v.version());
        }
        return ResponseEntity.ok().contentType(Spreadsheet.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(write(file, locale));
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** The standard as a workbook; a blank template when {@code file} is null. */
    public byte[] write(StandardFile file, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<SheetSpec, List<JsonNode>> rows = file == null ? Map.of() : rows(file);
            XSSFCellStyle header = DropDowns.headerStyle(wb);
            XSSFCellStyle date = DropDowns.dateStyle(wb);
            List<XSSFSheet> sheets = new ArrayList<>();
            for (SheetSpec spec : SHEETS) {
                XSSFSheet sheet = wb.createSheet(spec.zh());
                sheets.add(sheet);
                XSSFRow head = sheet.createRow(0);
                for (int c = 0; c < spec.columns().size(); c++) {
                    Column col = spec.columns().get(c);
                    head.createCell(c).setCellValue(col.zh());
                    head.getCell(c).setCellStyle(header);
                    sheet.setColumnWidth(c, Math.max(col.width(), Spreadsheet.displayWidth(col.zh()) + 2) * 256);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (JsonNode entry : rows.getOrDefault(spec, List.of())) {
                    XSSFRow row = sheet.createRow(r++);
                    for (int c = 0; c < spec.columns().size(); c++) {
                        cell(row, c, spec.columns().get(c), entry, date, locale);
                    }
                }
            }
            DropDowns lists = new DropDowns(wb, texts.get("page.standards.invalid", locale),
                    texts.get("page.standards.invalid.list", locale));
            for (Kind kind : List.of(Kind.TYPE, Kind.COMPARISON, Kind.STATUS, Kind.YES_NO)) {
                lists.list(kind.name().toLowerCase(Locale.ROOT), choices(kind).stream()
                        .map(c -> label(kind, c, locale)).toList());
            }
            for (int s = 0; s < SHEETS.size(); s++) {
                List<Column> columns = SHEETS.get(s).columns();
                int last = SHEETS.get(s) == STANDARD ? 1 : MAX_ROWS;
                for (int c = 0; c < columns.size(); c++) {
                    Kind kind = columns.get(c).kind();
                    if (kind == Kind.TYPE || kind == Kind.COMPARISON || kind == Kind.STATUS || kind == Kind.YES_NO) {
                        lists.apply(sheets.get(s), kind.name().toLowerCase(Locale.ROOT), c, 1, last);
                    }
                }
            }
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each sheet's entries as JSON trees, an item's and an indicator's with its area's code as {@code area}. */
    private static Map<SheetSpec, List<JsonNode>> rows(StandardFile file) {
        Map<SheetSpec, List<JsonNode>> rows = new HashMap<>();
        ObjectNode standard = JSON.valueToTree(file);
        rows.put(STANDARD, List.of(standard));
        List<JsonNode> areas = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> indicators = new ArrayList<>();
        for (JsonNode area : standard.path("areas")) {
            areas.add(area);
            for (JsonNode i : area.path("items")) {
                items.add(((ObjectNode) i.deepCopy()).put("area", area.path("code").asText()));
            }
            for (JsonNode i : area.path("indicators")) {
                indicators.add(((ObjectNode) i.deepCopy()).put("area", area.path("code").asText()));
            }
        }
        rows.put(AREAS, areas);
        rows.put(ITEMS, items);
        rows.put(INDICATORS, indicators);
        return rows;
    }

    private void cell(XSSFRow row, int c, Column col, JsonNode entry, XSSFCellStyle date, Locale locale) {
        JsonNode v = at(entry, col.path());
        if (v == null || v.isNull() || v.isMissingNode()) {
            return;
        }
        XSSFCell cell = row.createCell(c);
        switch (col.kind()) {
            case DECIMAL, INTEGER -> cell.setCellValue(v.asDouble());
            case DATE -> {
                cell.setCellValue(LocalDate.parse(v.asText()));
                cell.setCellStyle(date);
            }
            case YES_NO -> cell.setCellValue(v.asBoolean() ? YES : NO);
            case TYPE, COMPARISON, STATUS -> cell.setCellValue(label(col.kind(), v.asText(), locale));
            case THRESHOLD -> {
                if (v.isNumber()) {
                    cell.setCellValue(v.asDouble());
                } else if (v.isBoolean()) {
                    cell.setCellValue(v.asBoolean() ? YES : NO);
                } else {
                    cell.setCellValue(Spreadsheet.neutralised(v.asText()));
                }
            }
            default -> cell.setCellValue(Spreadsheet.neutralised(v.asText()));
        }
    }

    private static JsonNode at(JsonNode entry, String path) {
        JsonNode v = entry;
        for (String part : path.split("\\.")) {
            v = v == null ? null : v.get(part);
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** Where an entry of the standard came from: its sheet and row. */
    private record Origin(SheetSpec sheet, int row) {
    }

    /** The standard a workbook states; refused with every cell at fault, by sheet, row and column. */
    public StandardFile read(byte[] content) {
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("empty-file", "file");
        }
        List<WorkbookCells.Table> tables = WorkbookCells.read(content, MAX_ROWS, 20);
        List<CellProblem> problems = new ArrayList<>();
        Map<SheetSpec, List<Map.Entry<Integer, ObjectNode>>> entries = new LinkedHashMap<>();
        for (SheetSpec spec : SHEETS) {
            WorkbookCells.Table table = tables.stream().filter(t -> named(t.name(), spec.zh(), spec.en())).findFirst()
                    .orElse(null);
            if (table == null) {
                problems.add(new CellProblem(spec.zh(), 1, null, ApiException.badRequest("missing-sheet", "file",
                        spec.zh())));
                continue;
            }
            entries.put(spec, sheetEntries(spec, table, problems));
        }
        if (!problems.isEmpty() && entries.size() < SHEETS.size()) {
            throw ApiException.cells(problems);
        }
        // the standard: one row
        List<Map.Entry<Integer, ObjectNode>> standardRows = entries.get(STANDARD);
        if (standardRows.isEmpty()) {
            problems.add(new CellProblem(STANDARD.zh(), 2, null, ApiException.badRequest("standard-row-missing", "file")));
            throw ApiException.cells(problems);
        }
        for (Map.Entry<Integer, ObjectNode> extra : standardRows.subList(1, standardRows.size())) {
            problems.add(new CellProblem(STANDARD.zh(), extra.getKey(), null,
                    ApiException.badRequest("one-standard-row", "file")));
        }
        ObjectNode standard = standardRows.get(0).getValue();
        Map<String, Origin> origins = new HashMap<>();
        origins.put("", new Origin(STANDARD, standardRows.get(0).getKey()));
        ArrayNode areas = standard.putArray("areas");
        Map<String, ObjectNode> areaByCode = new LinkedHashMap<>();
        Map<String, Integer> areaIndex = new HashMap<>();
        for (Map.Entry<Integer, ObjectNode> e : entries.get(AREAS)) {
            String code = e.getValue().path("code").asText(null);
            String path = "areas[" + areas.size() + "]";
            origins.put(path, new Origin(AREAS, e.getKey()));
            e.getValue().putArray("items");
            e.getValue().putArray("indicators");
            areas.add(e.getValue());
            if (code != null && areaByCode.putIfAbsent(code, e.getValue()) == null) {
                areaIndex.put(code, areas.size() - 1);
            }
        }
        for (SheetSpec spec : List.of(ITEMS, INDICATORS)) {
            String list = spec == ITEMS ? "items" : "indicators";
            for (Map.Entry<Integer, ObjectNode> e : entries.get(spec)) {
                JsonNode area = e.getValue().remove("area");
                String code = area == null || area.isNull() ? null : area.asText();
                ObjectNode target = code == null ? null : areaByCode.get(code);
                if (target == null) {
                    problems.add(new CellProblem(spec.zh(), e.getKey(), column(spec, "area"), code == null
                            ? ApiException.badRequest("required", "area", column(spec, "area"))
                            : ApiException.badRequest("workbook-unknown-area", "area", code)));
                    continue;
                }
                ArrayNode into = (ArrayNode) target.get(list);
                origins.put("areas[" + areaIndex.get(code) + "]." + list + "[" + into.size() + "]",
                        new Origin(spec, e.getKey()));
                into.add(e.getValue());
            }
        }
        StandardFile file;
        try {
            file = JSON.treeToValue(standard, StandardFile.class);
        } catch (IOException | IllegalArgumentException e) {
            // the cells were read into the fields' types: a failure here is a mapping this class got wrong
            throw new IllegalStateException("workbook mapping does not fit StandardFile", e);
        }
        for (ApiException p : StandardRules.problems(file)) {
            CellProblem located = locate(p, origins);
            if (problems.stream().noneMatch(q -> q.sheet().equals(located.sheet()) && q.row() == located.row()
                    && java.util.Objects.equals(q.column(), located.column()))) {
                problems.add(located);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing((CellProblem p) -> SHEETS.stream()
                    .map(SheetSpec::zh).toList().indexOf(p.sheet())).thenComparing(CellProblem::row));
            throw ApiException.cells(problems);
        }
        return file;
    }

    private static final Pattern PATH = Pattern.compile("(areas\\[\\d+\\](?:\\.(?:items|indicators)\\[\\d+\\])?)\\.?(.*)");

    /** A refusal of {@link StandardRules}, which names a field's path, at the sheet, row and column it came from. */
    private static CellProblem locate(ApiException p, Map<String, Origin> origins) {
        String field = p.field() == null ? "" : p.field();
        Matcher m = PATH.matcher(field);
        String entry = m.matches() ? m.group(1) : "";
        String rest = m.matches() ? m.group(2) : field;
        Origin origin = origins.getOrDefault(entry, origins.get(""));
        String column = origin.sheet().columns().stream().filter(c -> c.path().equals(rest)).map(Column::zh)
                .findFirst().orElseGet(() -> origin.sheet().columns().stream()
                        .filter(c -> !rest.isEmpty() && c.path().startsWith(rest + ".")).map(Column::zh).findFirst()
                        .orElse(null));
        Object[] args = p.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && !field.isEmpty() && s.equals(field)) {
                args[i] = column == null ? origin.sheet().zh() : column;
            }
        }
        return new CellProblem(origin.sheet().zh(), origin.row(), column,
                new ApiException(p.status(), p.code(), column, origin.row(), args));
    }

    /** A sheet's rows as entries (row number → fields), every cell read by its column's kind. */
    private List<Map.Entry<Integer, ObjectNode>> sheetEntries(SheetSpec spec, WorkbookCells.Table table,
                                                              List<CellProblem> problems) {
        List<List<String>> rows = table.rows();
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        Map<Column, Integer> index = new LinkedHashMap<>();
        for (Column col : spec.columns()) {
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c) == null ? "" : header.get(c).trim();
                if (h.equals(col.zh()) || h.equalsIgnoreCase(col.en())) {
                    index.put(col, c);
                    break;
                }
            }
            if (!index.containsKey(col)) {
                problems.add(new CellProblem(spec.zh(), 1, col.zh(), ApiException.badRow("missing-column", 1, col.zh(),
                        col.zh())));
            }
        }
        List<Map.Entry<Integer, ObjectNode>> entries = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> line = rows.get(r);
            if (line.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            String type = null;
            for (Map.Entry<Column, Integer> e : index.entrySet()) {
                if (e.getKey().kind() == Kind.TYPE) {
                    type = code(Kind.TYPE, value(line, e.getValue()));
                }
            }
            for (Map.Entry<Column, Integer> e : index.entrySet()) {
                Column col = e.getKey();
                String text = value(line, e.getValue());
                try {
                    JsonNode v = parse(col, text, type);
                    if (v != null) {
                        put(entry, col.path(), v);
                    }
                } catch (ApiException refusal) {
                    problems.add(new CellProblem(spec.zh(), r + 1, col.zh(), new ApiException(refusal.status(),
                            refusal.code(), col.zh(), r + 1, refusal.args())));
                }
            }
            entries.add(Map.entry(r + 1, entry));
        }
        return entries;
    }

    private static String value(List<String> line, int c) {
        String v = c < line.size() ? line.get(c) : null;
        return v == null ? null : v.strip();
    }

    private static void put(ObjectNode entry, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode o = entry;
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.has(parts[i]) ? (ObjectNode) o.get(parts[i]) : o.putObject(parts[i]);
        }
        o.set(parts[parts.length - 1], value);
    }

    /** A cell's text as its field's value (null: no value); refuses a text of the wrong kind, naming the column. */
    private JsonNode parse(Column col, String text, String type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (text == null || text.isEmpty()) {
            return col.kind() == Kind.TEXT_OR_EMPTY ? f.textNode("") : null;
        }
        return switch (col.kind()) {
            case TEXT, TEXT_OR_EMPTY -> f.textNode(text);
            case DECIMAL -> f.numberNode(number(text, col));
            case INTEGER -> {
                BigDecimal n = number(text, col);
                if (n.stripTrailingZeros().scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    throw ApiException.badRequest("expected-whole-number", col.zh(), col.zh(), text);
                }
                yield f.numberNode(n.intValue());
            }
            case YES_NO -> f.booleanNode(yesNo(text, col));
            case DATE -> {
                try {
                    yield f.textNode(LocalDate.parse(text).toString());
                } catch (DateTimeParseException e) {
                    throw ApiException.badRequest("expected-date", col.zh(), col.zh());
                }
            }
            case TYPE, COMPARISON, STATUS -> {
                String code = code(col.kind(), text);
                if (code == null) {
                    throw ApiException.badRequest("invalid-choice", col.zh(), col.zh(), text,
                            String.join("、", choices(col.kind()).stream()
                                    .map(c -> label(col.kind(), c, Texts.ZH)).toList()));
                }
                yield f.textNode(code);
            }
            case THRESHOLD -> threshold(text, type, col);
        };
    }

    /** A threshold as the file states it: a number as YAML reads one (whole: an integer), a grade, or 是 (true). */
    private static JsonNode threshold(String text, String type, Column col) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if ("BOOLEAN".equals(type)) {
            return f.booleanNode(yesNo(text, col));
        }
        if ("GRADE".equals(type)) {
            return f.textNode(text.toUpperCase(Locale.ROOT));
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return f.textNode(text); // the standard's rules say what the type wants
        }
        if (n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
            return f.numberNode(n.intValue());
        }
        return f.numberNode(n.doubleValue());
    }

    private static BigDecimal number(String text, Column col) {
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("expected-number", col.zh(), col.zh());
        }
    }

    private static boolean yesNo(String text, Column col) {
        String t = text.toLowerCase(Locale.ROOT);
        if (List.of(YES, "true", "yes", "y", "1").contains(t)) {
            return true;
        }
        if (List.of(NO, "false", "no", "n", "0").contains(t)) {
            return false;
        }
        throw ApiException.badRequest("invalid-choice", col.zh(), col.zh(), text, YES + "、" + NO);
    }

    private static boolean named(String sheet, String zh, String en) {
        String s = sheet == null ? "" : sheet.trim();
        return s.equals(zh) || s.equalsIgnoreCase(en);
    }

    /** The order the drop-down lists show types and comparisons in; any other code follows, alphabetically. */
    private static final List<String> ORDER = List.of("PERCENT", "NUMBER", "GRADE", "BOOLEAN", "GE", "LE",
            "GRADE_AT_LEAST", "IS_TRUE", "GE_REFERENCE", "NOT_RISING");

    /** A choice column's codes, in the order of the drop-down list. */
    private static List<String> choices(Kind kind) {
        java.util.Comparator<String> order = java.util.Comparator.comparing((String c) -> ORDER.contains(c)
                ? ORDER.indexOf(c) : ORDER.size()).thenComparing(c -> c);
        return switch (kind) {
            case TYPE -> Threshold.TYPES.stream().sorted(order).toList();
            case COMPARISON -> Threshold.COMPARISONS.values().stream().flatMap(java.util.Set::stream).distinct()
                    .sorted(order).toList();
            case STATUS -> Provenance.STATUSES;
            default -> List.of("true", "false");
        };
    }

    /** A choice as the workbook shows it: in words, never the code. */
    private String label(Kind kind, String code, Locale locale) {
        if (kind == Kind.YES_NO) {
            return "true".equals(code) ? YES : NO;
        }
        return texts.get("page.standards." + kind.name().toLowerCase(Locale.ROOT) + "." + code, locale);
    }

    /** The code a choice cell names, by its code or its words in Chinese or English; null when none. */
    private String code(Kind kind, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String c : choices(kind)) {
            if (c.equalsIgnoreCase(text) || label(kind, c, Texts.ZH).equals(text)
                    || label(kind, c, Texts.EN).equalsIgnoreCase(text)) {
                return c;
            }
        }
        return null;
    }

    /** The Chinese header of a sheet's column by its path. */
    private static String column(SheetSpec spec, String path) {
        return spec.columns().stream().filter(c -> c.path().equals(path)).map(Column::zh).findFirst().orElse(path);
    }
}
