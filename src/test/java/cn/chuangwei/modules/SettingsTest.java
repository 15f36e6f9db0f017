package cn.chuangwei.modules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.calendar.DeadlineSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code chuangwei.*} settings are declared in two places that must agree: the {@code @ConfigurationProperties}
 * records (their keys, as the configuration processor lists them in {@code spring-configuration-metadata.json}) and
 * {@code application.yaml} (every key with its value and the reason for it). A key in one place only fails here, and so
 * does a {@code chuangwei.*} key read with {@code @Value} or given a default in Java. No Spring application: the YAML
 * files and the generated metadata are read as they are; only the last test binds one record in a small context, to see
 * a wrong value refused with the key's name.
 */
class SettingsTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");
    /** Every file that sets chuangwei.* keys: the embedded default, the postgres profile and the tests' profile. */
    private static final List<Path> YAML_FILES = List.of(APPLICATION_YAML,
            Path.of("src/main/resources/application-postgres.yaml"),
            Path.of("src/test/resources/application-test.yaml"));
    /** A {@code chuangwei.*} key read by {@code @Value}, or with a default in Java ({@code ${key:default}}). */
    private static final Pattern READ_IN_JAVA =
            Pattern.compile("@Value\\(\"\\$\\{chuangwei\\.|\\$\\{chuangwei\\.[^}:]*:");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyKeyInTheYamlFilesBindsToASettingsRecord() throws IOException {
        Map<String, JsonNode> declared = declared();
        for (Path file : YAML_FILES) {
            assertThat(yamlKeys(file).keySet().stream().filter(key -> bindsTo(key, declared) == null).toList())
                    .as("keys in %s that no settings record declares", file).isEmpty();
        }
    }

    @Test
    void everySettingsPropertyIsInApplicationYamlAndDescribed() throws IOException {
        Map<String, String> yaml = yamlKeys(APPLICATION_YAML);
        Map<String, JsonNode> declared = declared();
        assertThat(declared.keySet().stream()
                .filter(name -> yaml.keySet().stream().noneMatch(key -> key.equals(name) || key.startsWith(name + ".")))
                .toList()).as("settings properties missing from %s", APPLICATION_YAML).isEmpty();
        assertThat(declared.values().stream().filter(p -> p.has("defaultValue"))
                .filter(p -> !p.get("defaultValue").asText().equals(yaml.get(p.get("name").asText())))
                .map(p -> p.get("name").asText() + "=" + p.get("defaultValue")).toList())
                .as("defaults in a record that differ from %s", APPLICATION_YAML).isEmpty();
        assertThat(declared.values().stream().filter(p -> p.path("description").asText().isBlank())
                .map(p -> p.get("name").asText()).toList())
                .as("settings properties without a description (the record's @param)").isEmpty();
    }

    @Test
    void noChuangweiKeyIsReadWithValueOrHasADefaultInJava() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (READ_IN_JAVA.matcher(source).find()) {
                    found.add(file.toString());
                }
            }
        }
        assertThat(found).as("classes that read chuangwei.* keys themselves instead of a settings record").isEmpty();
    }

    @Test
    void aWrongSettingStopsStartUpNamingTheKey() {
        ApplicationContextRunner deadlines = new ApplicationContextRunner()
                .withUserConfiguration(Deadlines.class)
                .withPropertyValues("chuangwei.deadlines.review-days=3", "chuangwei.deadlines.gate-days=3",
                        "chuangwei.deadlines.rectify-days=2", "chuangwei.deadlines.leader-days=3",
                        "chuangwei.deadlines.morning-hour=9");
        deadlines.withPropertyValues("chuangwei.deadlines.due-hour=18")
                .run(context -> assertThat(context).hasNotFailed());
        deadlines.withPropertyValues("chuangwei.deadlines.due-hour=24")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("chuangwei.deadlines").hasMessageContaining("dueHour")
                        .hasMessageContaining("less than or equal to 23"));
        deadlines.withPropertyValues("chuangwei.deadlines.due-hour=8")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("morning-hour must be before due-hour"));
        deadlines.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("dueHour").hasMessageContaining("must not be null"));
    }

    @EnableConfigurationProperties(DeadlineSettings.class)
    static class Deadlines {
    }

    /** The properties the records declare under {@code chuangwei.}, by name. */
    private static Map<String, JsonNode> declared() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        for (JsonNode p : JSON.readTree(METADATA.toFile()).path("properties")) {
            if (p.path("name").asText().startsWith("chuangwei.")) {
                properties.put(p.path("name").asText(), p);
            }
        }
        assertThat(properties).as("chuangwei.* properties in %s", METADATA).isNotEmpty();
        return properties;
    }

    /** The property a YAML key binds to: the one of its name, or a map's whose entry it is; null for none. */
    private static JsonNode bindsTo(String key, Map<String, JsonNode> declared) {
        if (declared.containsKey(key)) {
            return declared.get(key);
        }
        return declared.entrySet().stream()
                .filter(e -> e.getValue().path("type").asText().startsWith("java.util.Map<"))
                .filter(e -> key.startsWith(e.getKey() + "."))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The file's keys under {@code chuangwei}, flattened ({@code chuangwei.mail.sender.enabled}), and values. */
    private static Map<String, String> yamlKeys(Path file) throws IOException {
        Map<String, String> keys = new TreeMap<>();
        flatten("chuangwei", YAML.readTree(file.toFile()).path("chuangwei"), keys);
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix + "." + e.getKey(), e.getValue(), keys);
            }
        } else if (!node.isMissingNode()) {
            keys.put(prefix, node.asText());
        }
    }
}
