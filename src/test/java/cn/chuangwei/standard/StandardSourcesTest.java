package cn.chuangwei.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.kernel.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every entry of every standard shipped in {@code standards/*.yaml} (the standard, each area, item and indicator,
 * vetoes included) says where it comes from and how far it is verified; a file with an entry without one is refused,
 * naming the entry. Files other parts add later are held to it too.
 */
class StandardSourcesTest {

    record Shipped(String file, byte[] content) {
    }

    static List<Shipped> shipped() throws IOException {
        List<Shipped> files = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:standards/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                files.add(new Shipped(r.getFilename(), in.readAllBytes()));
            }
        }
        return files;
    }

    @Test
    void everyEntryOfEveryShippedStandardHasASourceAndAStatus() throws IOException {
        List<Shipped> files = shipped();
        assertThat(files).extracting(Shipped::file).contains("national-2021.yaml", "provincial-jiangsu.yaml");
        for (Shipped f : files) {
            StandardFile s = Standards.parse(f.content());
            List<String> without = new ArrayList<>();
            check(s.source(), f.file(), without);
            for (StandardFile.Area a : s.areas()) {
                check(a.source(), f.file() + " " + a.code(), without);
                a.items().forEach(i -> check(i.source(), f.file() + " " + i.code() + (i.veto() ? " (veto)" : ""), without));
                if (a.indicators() != null) {
                    a.indicators().forEach(i -> check(i.source(), f.file() + " " + i.code() + (i.veto() ? " (veto)" : ""),
                            without));
                }
            }
            assertThat(without).as("entries without a source or status in " + f.file()).isEmpty();
        }
    }

    private static void check(Provenance p, String entry, List<String> without) {
        if (p == null || p.document() == null || p.document().isBlank() || !Provenance.STATUSES.contains(p.status())) {
            without.add(entry);
        }
    }

    /** Takes the source off one entry of each kind in turn: the file is refused, the entry named. */
    @Test
    void aFileWithAnEntryWithoutASourceIsRefusedNamingIt() throws IOException {
        String national = new String(shipped().stream().filter(f -> f.file().equals("national-2021.yaml")).findFirst()
                .orElseThrow().content(), StandardCharsets.UTF_8);
        // the standard's own, the first area's, the first item's (ORG-01), a veto item's (ORG-04), an indicator's
        // (SATISFACTION, a veto) and the reference indicator's
        assertRefused(withoutSource(national, "\nsource:\n", 0), "source");
        assertRefused(withoutSource(national, "\n    source:\n", 0), "areas[0].source");
        assertRefused(withoutSource(national, "\n        source:\n", 0), "areas[0].items[0].source");
        assertRefused(withoutSourceAfter(national, "- code: ORG-04"), "areas[0].items[4].source");
        assertRefused(withoutSourceAfter(national, "- code: SATISFACTION"), "areas[0].indicators[0].source");
        assertRefused(withoutSourceAfter(national, "- code: RURAL_SANITARY_TOILETS"), "areas[2].indicators[4].source");
        // a status outside the four
        assertRefused(national.replaceFirst("status: PUBLISHED", "status: VERIFIED"), "status");
    }

    private static void assertRefused(String yaml, String field) {
        assertThatThrownBy(() -> Standards.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).endsWith(field));
    }

    /** The file without the n-th source block that starts with {@code header} (the block's deeper lines go too). */
    private static String withoutSource(String yaml, String header, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = yaml.indexOf(header, at + 1);
        }
        assertThat(at).isNotNegative();
        int start = at + (header.startsWith("\n") ? 1 : 0);
        String indent = header.substring(header.startsWith("\n") ? 1 : 0, header.indexOf("source:"));
        Matcher next = Pattern.compile("\n(?!" + indent + " )").matcher(yaml);
        assertThat(next.find(yaml.indexOf('\n', start))).isTrue();
        return yaml.substring(0, start) + yaml.substring(next.start() + 1);
    }

    private static String withoutSourceAfter(String yaml, String entry) {
        int at = yaml.indexOf(entry);
        assertThat(at).isNotNegative();
        int source = yaml.indexOf("source:\n", at);
        int lineStart = yaml.lastIndexOf('\n', source) + 1;
        return yaml.substring(0, lineStart) + withoutSource(yaml.substring(lineStart), yaml.substring(lineStart, source)
                + "source:\n", 0);
    }
}
