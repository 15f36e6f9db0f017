package cn.chuangwei.standard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A standard travels as a workbook: every shipped standard exported and read again is the same standard, provenance
 * included; a workbook with broken rows is refused with every fault by sheet, row and column and nothing written; a
 * standard loaded again while a campaign follows it becomes a new version, and the campaign stays on its own.
 */
@H2Test
class StandardWorkbookTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StandardWorkbook workbook;
    @Autowired
    StandardVersions versions;

    int rows() {
        return jdbc.sql("select (select count(*) from standard) + (select count(*) from standard_item) "
                + "+ (select count(*) from standard_indicator) + (select count(*) from standard_area)")
                .query(Integer.class).single();
    }

    static List<StandardFile> shipped() throws IOException {
        List<StandardFile> files = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:standards/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                files.add(Standards.parse(in.readAllBytes()));
            }
        }
        return files;
    }

    @Test
    void everyShippedStandardExportedAndImportedIsTheSameStandard() throws IOException {
        Api office = new Api(port, new Fixture(identity).office, Fixture.PASSWORD);
        List<StandardFile> files = shipped();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (StandardFile file : files) {
            String code = versions.latestCode(file.code()).orElseThrow();
            byte[] xlsx = office.bytes("/api/standards/" + code + "/workbook.xlsx");
            StandardFile back = workbook.read(xlsx);
            assertThat(back).as(file.code()).usingRecursiveComparison().isEqualTo(file);
            assertThat(back).as(file.code()).isEqualTo(file);
            // loaded again: the same content, no new version
            int before = rows();
            Reply again = office.upload("/api/standards/workbook", "s.xlsx", "application/octet-stream", xlsx);
            assertThat(again.status()).as(again.raw()).isEqualTo(200);
            assertThat(again.json().get("changed").asBoolean()).isFalse();
            assertThat(rows()).isEqualTo(before);
        }
    }

    /** Every field of a standard file (its entries' too) is a column of the workbook, or the list of entries. */
    @Test
    void everyFieldOfAStandardIsAColumn() {
        check(StandardFile.class, "", StandardWorkbook.STANDARD);
        check(StandardFile.Area.class, "", StandardWorkbook.AREAS);
        check(StandardFile.Item.class, "", StandardWorkbook.ITEMS);
        check(StandardFile.Indicator.class, "", StandardWorkbook.INDICATORS);
    }

    private static void check(Class<?> record, String prefix, StandardWorkbook.SheetSpec sheet) {
        Set<String> paths = sheet.columns().stream().map(StandardWorkbook.Column::path).collect(Collectors.toSet());
        for (RecordComponent c : record.getRecordComponents()) {
            Type t = c.getGenericType();
            if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
                continue; // a sheet of its own
            }
            if (c.getType().isRecord()) {
                check(c.getType(), prefix + c.getName() + ".", sheet);
                continue;
            }
            assertThat(paths).as(record.getSimpleName() + " on sheet " + sheet.zh()).contains(prefix + c.getName());
        }
    }

    @Test
    void aWorkbookWithBrokenRowsIsRefusedWithEveryFaultAndNothingWritten() throws IOException {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        byte[] good = edit(office.bytes("/api/standards/provincial-jiangsu/workbook.xlsx"),
                wb -> set(wb, "标准", 1, "代码", "test-" + f.p.toLowerCase()));
        int unreferenced = firstRowNotNamed(good, "条目", "代码", "指标", "条目");
        byte[] broken = edit(good, wb -> {
            set(wb, "标准", 1, "合格分", "很高");
            set(wb, "方面", 2, "名称", "");
            set(wb, "条目", 3, "分值", "12");
            set(wb, "条目", unreferenced, "方面", "NO_SUCH_AREA");
            set(wb, "条目", 6, "一票否决", "也许");
            set(wb, "指标", 1, "阈值", "120");
            set(wb, "指标", 2, "类型", "颜色");
            set(wb, "指标", 3, "核实状态", "听说");
            set(wb, "指标", 4, "发布日期", "去年");
        });
        int before = rows();
        Reply r = office.upload("/api/standards/workbook", "标准.xlsx", "application/octet-stream", broken);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("invalid-cells");
        assertThat(r.json().get("message").asText()).contains("未写入");
        List<String> faults = new ArrayList<>();
        for (JsonNode p : r.json().get("problems")) {
            faults.add(p.get("sheet").asText() + "/" + p.get("row").asInt() + "/" + p.path("column").asText());
            assertThat(p.get("message").asText()).isNotBlank();
            assertThat(p.get("messageEn").asText()).isNotBlank();
        }
        assertThat(faults).containsExactlyInAnyOrder("标准/2/合格分", "方面/3/名称", "条目/4/分值", "条目/" + (unreferenced + 1) + "/方面",
                "条目/7/一票否决", "指标/2/阈值", "指标/3/类型", "指标/4/核实状态", "指标/5/发布日期");
        assertThat(rows()).isEqualTo(before);

        Reply ok = office.upload("/api/standards/workbook", "标准.xlsx", "application/octet-stream", good);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.json().get("version").asInt()).isEqualTo(1);
        assertThat(rows()).isGreaterThan(before);
        Reply byHead = new Api(port, f.head("dzb"), Fixture.PASSWORD).upload("/api/standards/workbook", "s.xlsx",
                "application/octet-stream", good);
        assertThat(byHead.status()).isEqualTo(403);
    }

    @Test
    void aCampaignStaysOnItsVersionAndANewCampaignTakesTheLatest() throws IOException {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        String family = "test-ver-" + f.p.toLowerCase();
        byte[] v1 = edit(office.bytes("/api/standards/provincial-jiangsu/workbook.xlsx"),
                wb -> set(wb, "标准", 1, "代码", family));
        assertThat(office.upload("/api/standards/workbook", "v1.xlsx", "application/octet-stream", v1).status())
                .isEqualTo(201);
        long first = office.post("/api/campaigns", withStandard(f.small(LocalDate.of(2027, 4, 1), List.of(), true),
                family)).json().get("id").asLong();
        assertThat(standardOf(first)).isEqualTo(family);

        // changed while a campaign follows it: a new version, the campaign stays on its own
        int row = firstRow(v1, "指标", "类型", "百分比");
        String indicator = cell(v1, "指标", row, "代码");
        byte[] v2 = edit(v1, wb -> set(wb, "指标", row, "阈值", "1"));
        Reply loaded = office.upload("/api/standards/workbook", "v2.xlsx", "application/octet-stream", v2);
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(201);
        assertThat(loaded.json().get("version").asInt()).isEqualTo(2);
        assertThat(standardOf(first)).isEqualTo(family);
        assertThat(threshold(office, family, indicator)).isNotEqualTo(1);
        String v2code = loaded.json().get("code").asText();
        assertThat(threshold(office, v2code, indicator)).isEqualTo(1);

        // a new campaign takes the latest
        Fixture g = new Fixture(identity);
        long second = new Api(port, g.office, Fixture.PASSWORD).post("/api/campaigns",
                withStandard(g.small(LocalDate.of(2027, 4, 1), List.of(), true), family)).json().get("id").asLong();
        assertThat(standardOf(second)).isEqualTo(v2code);
        JsonNode list = office.get("/api/standards/" + family + "/versions").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("inUse").asBoolean()).isTrue();

        // the exported v1 is v1's content, and loading it again makes it the latest once more (version 3)
        StandardFile old = workbook.read(office.bytes("/api/standards/" + family + "/workbook.xlsx"));
        assertThat(StandardVersions.same(old, workbook.read(v1))).isTrue();
        Reply back = office.upload("/api/standards/workbook", "v1.xlsx", "application/octet-stream", v1);
        assertThat(back.json().get("version").asInt()).isEqualTo(3);
        // changed again while no campaign follows version 3: version 3 is corrected in place
        Reply corrected = office.upload("/api/standards/workbook", "v3.xlsx", "application/octet-stream",
                edit(v1, wb -> set(wb, "标准", 1, "名称", "更正后的名称")));
        assertThat(corrected.json().get("version").asInt()).isEqualTo(3);
        assertThat(office.get("/api/standards/" + family + "/versions").json()).hasSize(3);
    }

    private static int threshold(Api api, String code, String indicator) {
        for (JsonNode i : api.get("/api/standards/" + code).json().get("indicators")) {
            if (i.get("code").asText().equals(indicator)) {
                return i.get("threshold").asInt();
            }
        }
        throw new AssertionError(indicator + " not in " + code);
    }

    /** The first data row (1: under the header) whose cell under {@code header} reads {@code value}. */
    static int firstRow(byte[] xlsx, String sheet, String header, String value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet(sheet);
            int col = column(s, header);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                if (value.equals(s.getRow(r).getCell(col).getStringCellValue())) {
                    return r;
                }
            }
        }
        throw new AssertionError("no " + value + " under " + header);
    }

    /**
     * The first data row from the seventh on (not one the test breaks otherwise) whose {@code header} value no row of
     * {@code otherSheet} names under {@code otherHeader}: an item no indicator measures.
     */
    static int firstRowNotNamed(byte[] xlsx, String sheet, String header, String otherSheet, String otherHeader)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet other = wb.getSheet(otherSheet);
            int oc = column(other, otherHeader);
            Set<String> named = new java.util.HashSet<>();
            for (int r = 1; r <= other.getLastRowNum(); r++) {
                Cell c = other.getRow(r).getCell(oc);
                if (c != null) {
                    named.add(c.getStringCellValue());
                }
            }
            Sheet s = wb.getSheet(sheet);
            int col = column(s, header);
            for (int r = 7; r <= s.getLastRowNum(); r++) {
                if (!named.contains(s.getRow(r).getCell(col).getStringCellValue())) {
                    return r;
                }
            }
        }
        throw new AssertionError("every row of " + sheet + " is named on " + otherSheet);
    }

    static String cell(byte[] xlsx, String sheet, int row, String header) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet(sheet);
            return s.getRow(row).getCell(column(s, header)).getStringCellValue();
        }
    }

    private static int column(Sheet s, String header) {
        for (Cell c : s.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    private String standardOf(long campaignId) {
        return jdbc.sql("select standard_code from campaign where id = :id").param("id", campaignId)
                .query(String.class).single();
    }

    static CampaignRequest withStandard(CampaignRequest r, String standard) {
        return new CampaignRequest(r.name(), r.town(), r.kind(), r.level(), r.template(), standard, r.startDate(),
                r.phases(), r.leadingGroup(), r.office(), r.supervisors(), r.units(), r.tasks(), r.draft());
    }

    static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Sets the cell of a sheet's data row {@code row} (1: the first under the header) under a header. */
    static void set(XSSFWorkbook wb, String sheet, int row, String header, String value) {
        Sheet s = wb.getSheet(sheet);
        Row head = s.getRow(0);
        for (Cell c : head) {
            if (c.getStringCellValue().equals(header)) {
                Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
                Cell cell = r.getCell(c.getColumnIndex()) == null ? r.createCell(c.getColumnIndex())
                        : r.getCell(c.getColumnIndex());
                cell.setBlank();
                cell.setCellValue(value);
                return;
            }
        }
        throw new AssertionError("no column " + header + " on " + sheet);
    }
}
