package cn.chuangwei.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No file of the project keeps a merge's conflict markers: a bundle with {@code <<<<<<< HEAD} in it still loads (the
 * line is a key without a value), so nothing else would notice.
 */
class MergeMarkersTest {

    private static final Pattern MARKER = Pattern.compile("^(<{7} |>{7} |<{7}$|>{7}$)");
    private static final Set<String> ROOTS = Set.of("src", "bpmn", "dmn", "docs", ".ci", "README.md", "pom.xml",
            "docker-compose.yml");
    private static final Set<String> TEXT = Set.of("java", "properties", "yaml", "yml", "html", "css", "js", "sql",
            "bpmn", "dmn", "form", "md", "xml", "txt", "puml", "json", "");

    @Test
    void noFileKeepsConflictMarkers() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : ROOTS) {
            Path start = Path.of(root);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile).filter(MergeMarkersTest::text).toList()) {
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    } catch (MalformedInputException e) {
                        continue; // not UTF-8 text
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        if (MARKER.matcher(lines.get(i)).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i));
                        }
                    }
                }
            }
        }
        assertThat(found).as("conflict markers left by a merge").isEmpty();
    }

    @Test
    void theCheckSeesAMarker() {
        assertThat(MARKER.matcher("<<<<<<< HEAD").find()).isTrue();
        assertThat(MARKER.matcher(">>>>>>> main").find()).isTrue();
        assertThat(MARKER.matcher("# <<<<<<< quoted").find()).isFalse();
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return TEXT.contains(dot < 0 ? "" : name.substring(dot + 1));
    }
}
