package cn.chuangwei.standard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of a standard. A standard's family is the code its file gives (national-2021); its first version keeps
 * that code, later ones are coded {@code national-2021.v2}, … (a file's code has no dot, so never clashes). A campaign
 * refers to the version it started with; a new campaign takes its family's latest ({@link #latestCode}). A version's
 * content reads back as the {@link StandardFile} it was loaded from ({@link #file}), which the workbook exports and a
 * new load is compared with ({@link #same}).
 */
@Repository
public class StandardVersions {

    /** A version: its code (the key campaigns refer to), family, number, name, when it was loaded, whether in use. */
    public record Version(String code, String family, int version, String name, String nameEn, Instant loadedAt,
                          boolean inUse) {
    }

    /** Compares and converts standards field by field, by name: a field added to the records is carried unasked. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final JdbcClient jdbc;
    private final Standards standards;
    private final StandardInUse inUse;
    private final Texts texts;
    private final ZoneId zone;

    StandardVersions(JdbcClient jdbc, @Lazy Standards standards, StandardInUse inUse, Texts texts, SiteSettings site) {
        this.jdbc = jdbc;
        this.standards = standards;
        this.inUse = inUse;
        this.texts = texts;
        this.zone = site.zone();
    }

    /** How a version reads wherever a campaign's standard is shown: its name, number and the day it was loaded. */
    public String label(Version v, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return texts.get("page.standard.version-label", locale, en ? v.nameEn() : v.name(), v.version(),
                ChineseDates.format(LocalDate.ofInstant(v.loadedAt(), zone), locale));
    }

    /** The label of a version by its code (a campaign's standard), or the code when no such version is loaded. */
    public String label(String code, Locale locale) {
        return version(code).map(v -> label(v, locale)).orElse(code);
    }

    /** The code of a family's version {@code n}. */
    static String code(String family, int version) {
        return version == 1 ? family : family + ".v" + version;
    }

    /** A family's latest version. */
    public Optional<Version> latest(String family) {
        List<Version> all = versions(family);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The code of the latest version of a family, which a new campaign takes; empty for an unknown family. */
    public Optional<String> latestCode(String family) {
        return latest(family).map(Version::code);
    }

    /** A family's versions, the latest first. */
    public List<Version> versions(String family) {
        return jdbc.sql("select code, family, version, name, name_en, loaded_at from standard where family = :f"
                        + " order by version desc").param("f", family)
                .query((rs, n) -> new Version(rs.getString("code"), rs.getString("family"), rs.getInt("version"),
                        rs.getString("name"), rs.getString("name_en"), rs.getTimestamp("loaded_at").toInstant(),
                        inUse.inUse(rs.getString("code"))))
                .list();
    }

    /** The latest version of every family, by family. */
    public List<Version> latestOfEach() {
        List<Version> result = new ArrayList<>();
        for (String family : jdbc.sql("select distinct family from standard order by family").query(String.class).list()) {
            latest(family).ifPresent(result::add);
        }
        return result;
    }

    /** A version by its code. */
    public Optional<Version> version(String code) {
        return jdbc.sql("select family from standard where code = :c").param("c", code).query(String.class).optional()
                .flatMap(f -> versions(f).stream().filter(v -> v.code().equals(code)).findFirst());
    }

    /** A version's content as the file it was loaded from stated it (its code the family's). */
    public Optional<StandardFile> file(String code) {
        return standards.find(code).map(std -> {
            ObjectNode tree = JSON.valueToTree(std);
            List<JsonNode> areas = new ArrayList<>();
            for (StandardAreas.Area a : std.areas()) {
                ObjectNode area = JSON.valueToTree(a);
                area.set("name", area.remove("nameZh"));
                area.set("items", JSON.valueToTree(std.items().stream().filter(i -> i.areaCode().equals(a.code()))
                        .toList()));
                ArrayNode indicators = JSON.valueToTree(std.indicators().stream()
                        .filter(i -> i.areaCode().equals(a.code())).toList());
                indicators.forEach(i -> ((ObjectNode) i).set("item", ((ObjectNode) i).remove("itemCode")));
                area.set("indicators", indicators.isEmpty() ? null : indicators);
                areas.add(area);
            }
            tree.set("areas", JSON.createArrayNode().addAll(areas));
            tree.put("code", family(code));
            StandardFile file = JSON.convertValue(tree, StandardFile.class);
            return file;
        });
    }

    /** The family of a version's code. */
    static String family(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** The standard with another code. */
    static StandardFile recoded(StandardFile file, String code) {
        ObjectNode tree = JSON.valueToTree(file);
        tree.put("code", code);
        return JSON.convertValue(tree, StandardFile.class);
    }

    /** Whether two standards state the same: every field, numbers by value (30 = 30.000), no entry and null alike. */
    public static boolean same(StandardFile a, StandardFile b) {
        return canonical(a).equals(canonical(b));
    }

    /** A standard's content as one text, the same for the same content however it was written. */
    static String canonical(StandardFile file) {
        try {
            return JSON.writeValueAsString(normalised(JSON.valueToTree(file)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            node.forEach(n -> a.add(normalised(n)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, JsonNode> e : fields) {
                JsonNode v = e.getValue();
                if (!v.isNull() && !(v.isArray() && v.isEmpty())) {
                    o.set(e.getKey(), normalised(v));
                }
            }
            return o;
        }
        return node;
    }
}
