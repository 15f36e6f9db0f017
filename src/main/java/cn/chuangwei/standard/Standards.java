package cn.chuangwei.standard;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.ParseProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standards as data: read from YAML, checked whole ({@link StandardRules}), written in one transaction. A standard
 * some campaign uses cannot be replaced; the shipped files are loaded at start-up when they changed.
 */
@Service
public class Standards {

    /** An indicator with its default threshold. */
    public record Indicator(String code, String areaCode, String name, String nameEn, String type, String unit,
                            String comparison, Object threshold, boolean veto, String itemCode, Provenance source) {
    }

    /** An item of the standard. */
    public record Item(String code, String areaCode, String name, String requirement, int points, boolean veto,
                       Provenance source) {
    }

    /** A standard with its areas (from {@link StandardAreas}), items and indicators; its scope when it states one. */
    public record Standard(String code, String name, String nameEn, BigDecimal passScore, BigDecimal minAreaShare,
                           List<StandardAreas.Area> areas, List<Item> items, List<Indicator> indicators,
                           Provenance source, String scope) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JdbcClient jdbc;
    private final StandardAreas areas;
    private final StandardInUse inUse;
    private final StandardVersions versions;
    private final Clock clock;

    Standards(JdbcClient jdbc, StandardAreas areas, StandardInUse inUse, StandardVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.inUse = inUse;
        this.versions = versions;
        this.clock = clock;
    }

    /** Reads and checks a standard file; refuses with the field named. */
    public static StandardFile parse(byte[] content) {
        StandardFile file;
        try {
            file = YAML.readValue(content, StandardFile.class);
        } catch (JsonProcessingException e) {
            // the field and the kind of value it takes, or the line and column of a syntax error, in plain words
            throw ParseProblems.refusal(e, ParseProblems.Format.YAML);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("unreadable-file", "file", "yaml");
        }
        StandardRules.check(file);
        return file;
    }

    /** What a load did: the version written (or found unchanged), its family and number, whether anything changed. */
    public record Saved(String code, String family, int version, boolean changed) {
    }

    /** Reads, checks and writes a standard file (YAML): see {@link #save(StandardFile)}. */
    @Transactional
    public Saved save(byte[] content) {
        return save(parse(content));
    }

    /**
     * Writes a checked standard as the latest version of its family (the file's code): nothing when the latest has the
     * same content; a new version when some campaign follows the latest (a campaign stays on the version it started
     * with); else the latest, which no campaign follows yet, is replaced.
     */
    @Transactional
    public Saved save(StandardFile file) {
        StandardRules.check(file);
        String family = file.code();
        Optional<StandardVersions.Version> latest = versions.latest(family);
        if (latest.isPresent() && versions.file(latest.get().code()).filter(f -> StandardVersions.same(f, file))
                .isPresent()) {
            return new Saved(latest.get().code(), family, latest.get().version(), false);
        }
        int version = latest.isEmpty() ? 1
                : inUse.inUse(latest.get().code()) ? latest.get().version() + 1 : latest.get().version();
        StandardFile s = StandardVersions.recoded(file, StandardVersions.code(family, version));
        String hash = sha256(utf8(StandardVersions.canonical(file)));
        for (String table : List.of("standard_indicator", "standard_item", "standard_area")) {
            jdbc.sql("delete from " + table + " where standard_code = :c").param("c", s.code()).update();
        }
        jdbc.sql("delete from standard where code = :c").param("c", s.code()).update();
        jdbc.sql("""
                insert into standard (code, name, name_en, pass_score, min_area_share, content_hash, loaded_at, scope,
                                      family, version, SOURCE_COLUMNS)
                values (:c, :n, :e, :p, :m, :h, :t, :scope, :family, :version, SOURCE_PARAMS)""".replace("SOURCE_COLUMNS", SOURCE_COLUMNS)
                        .replace("SOURCE_PARAMS", SOURCE_PARAMS))
                .params(sourceParams(s.source())).param("family", family).param("version", version)
                .param("c", s.code()).param("n", s.name()).param("e", s.nameEn()).param("p", s.passScore())
                .param("m", s.minAreaShare()).param("h", hash).param("t", Timestamp.from(clock.instant())).param("scope", s.scope()).update();
        int areaSeq = 0;
        for (StandardFile.Area a : s.areas()) {
            jdbc.sql("insert into standard_area (standard_code, code, seq, name_zh, name_en, " + SOURCE_COLUMNS
                            + ") values (:s, :c, :q, :n, :e, " + SOURCE_PARAMS + ")")
                    .params(sourceParams(a.source()))
                    .param("s", s.code()).param("c", a.code()).param("q", ++areaSeq).param("n", a.name())
                    .param("e", a.nameEn()).update();
            int seq = 0;
            for (StandardFile.Item i : a.items()) {
                jdbc.sql("""
                        insert into standard_item (standard_code, code, area_code, seq, name, requirement, points, veto,
                                                   SOURCE_COLUMNS)
                        values (:s, :c, :a, :q, :n, :r, :p, :v, SOURCE_PARAMS)""".replace("SOURCE_COLUMNS", SOURCE_COLUMNS)
                                .replace("SOURCE_PARAMS", SOURCE_PARAMS))
                        .params(sourceParams(i.source()))
                        .param("s", s.code()).param("c", i.code()).param("a", a.code()).param("q", ++seq)
                        .param("n", i.name()).param("r", i.requirement()).param("p", i.points()).param("v", i.veto())
                        .update();
            }
            seq = 0;
            for (StandardFile.Indicator i : a.indicators() == null ? List.<StandardFile.Indicator>of() : a.indicators()) {
                Threshold t = Threshold.ofIndicator(i.type(), i.comparison(), i.threshold(), "threshold", i.code());
                jdbc.sql("""
                        insert into standard_indicator (standard_code, code, area_code, seq, name_zh, name_en, value_type, unit,
                                                        comparison, threshold_number, threshold_grade, threshold_bool, veto, item_code,
                                                        SOURCE_COLUMNS)
                        values (:s, :c, :a, :q, :n, :e, :t, :u, :cmp, :tn, :tg, :tb, :v, :i, SOURCE_PARAMS)"""
                        .replace("SOURCE_COLUMNS", SOURCE_COLUMNS).replace("SOURCE_PARAMS", SOURCE_PARAMS))
                        .params(sourceParams(i.source()))
                        .param("s", s.code()).param("c", i.code()).param("a", a.code()).param("q", ++seq)
                        .param("n", i.name()).param("e", i.nameEn()).param("t", i.type()).param("u", i.unit())
                        .param("cmp", i.comparison()).param("tn", t.number()).param("tg", t.grade())
                        .param("tb", t.bool()).param("v", i.veto()).param("i", i.item()).update();
            }
        }
        return new Saved(s.code(), family, version, true);
    }

    public List<String> codes() {
        return jdbc.sql("select code from standard order by code").query(String.class).list();
    }

    public Optional<Standard> find(String code) {
        return jdbc.sql("select * from standard where code = :c").param("c", code)
                .query((rs, n) -> new Standard(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getBigDecimal("pass_score"), rs.getBigDecimal("min_area_share"), areas.areas(code),
                        items(code), indicators(code), source(rs), rs.getString("scope")))
                .optional();
    }

    List<Item> items(String code) {
        return jdbc.sql("""
                select i.* from standard_item i join standard_area a on a.standard_code = i.standard_code and a.code = i.area_code
                where i.standard_code = :c order by a.seq, i.seq""").param("c", code)
                .query((rs, n) -> new Item(rs.getString("code"), rs.getString("area_code"), rs.getString("name"),
                        rs.getString("requirement"), rs.getInt("points"), rs.getBoolean("veto"), source(rs)))
                .list();
    }

    public List<Indicator> indicators(String code) {
        List<Indicator> result = new ArrayList<>();
        jdbc.sql("""
                select i.* from standard_indicator i
                join standard_area a on a.standard_code = i.standard_code and a.code = i.area_code
                where i.standard_code = :c order by a.seq, i.seq""").param("c", code)
                .query(rs -> {
                    result.add(new Indicator(rs.getString("code"), rs.getString("area_code"), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getString("value_type"), rs.getString("unit"),
                            rs.getString("comparison"), threshold(rs.getBigDecimal("threshold_number"),
                            rs.getString("threshold_grade"), (Boolean) rs.getObject("threshold_bool")),
                            rs.getBoolean("veto"), rs.getString("item_code"), source(rs)));
                });
        return result;
    }

    public static Object threshold(BigDecimal number, String grade, Boolean bool) {
        return number != null ? number.stripTrailingZeros() : grade != null ? grade : bool;
    }

    /** The columns every table of a standard keeps its entries' provenance in (V25). */
    static final String SOURCE_COLUMNS = "source_document, source_date, source_clause, source_status, source_note";
    private static final String SOURCE_PARAMS = ":srcDoc, :srcDate, :srcClause, :srcStatus, :srcNote";

    private static Map<String, Object> sourceParams(Provenance p) {
        Map<String, Object> m = new HashMap<>();
        m.put("srcDoc", p == null ? null : p.document());
        m.put("srcDate", p == null || p.date() == null ? null : java.sql.Date.valueOf(p.date()));
        m.put("srcClause", p == null ? null : p.clause());
        m.put("srcStatus", p == null ? null : p.status());
        m.put("srcNote", p == null ? null : p.note());
        return m;
    }

    /** An entry's provenance from its row; none when the row has no status (a standard loaded before V25). */
    static Provenance source(ResultSet rs) throws SQLException {
        String status = rs.getString("source_status");
        if (status == null) {
            return null;
        }
        java.sql.Date date = rs.getDate("source_date");
        return new Provenance(rs.getString("source_document"), date == null ? null : date.toLocalDate(),
                rs.getString("source_clause"), status, rs.getString("source_note"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
