package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks our Simplified Chinese overrides of the Camunda 7 webapps (no Spring context).
 *
 * <p>{@code en.json} exists only in the {@code camunda-webapp-webjar} on the classpath, {@code zh-CN.json} only in our
 * {@code src/main/resources}; {@code scripts/config.js} exists in both, and ours (a directory on the test classpath)
 * must be the one that shadows the jar's, because the webapps are served with the first classpath hit.
 */
class WebappLocaleTest {

    private static final String BASE = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*\\}\\}|\\{\\}|%[sd]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseTranslationCoversEveryEnglishKey(String app) throws IOException {
        URL enUrl = webjarResource(BASE + app + "/locales/en.json");
        URL zhUrl = projectResource(BASE + app + "/locales/zh-CN.json");

        Map<String, JsonNode> en = leaves(read(enUrl));
        Map<String, JsonNode> zh = leaves(read(zhUrl));
        assertThat(en).as("leaf entries of %s", enUrl).isNotEmpty();

        List<String> problems = new ArrayList<>();
        en.forEach((path, enValue) -> {
            JsonNode zhValue = zh.get(path);
            if (zhValue == null) {
                problems.add("missing: " + path);
            } else {
                compare(path, enValue, zhValue, problems);
            }
        });
        assertThat(problems).as("problems in %s/locales/zh-CN.json compared with %s", app, enUrl).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void configOffersChineseFirstAndKeepsTheDefaults(String app) throws IOException {
        String path = BASE + app + "/scripts/config.js";
        String ours = code(text(projectResource(path)));
        String defaults = code(text(webjarResource(path)));

        assertThat(ours)
                .as("active (uncommented) locales entry of our %s", path)
                .containsPattern("locales:\\{availableLocales:\\[['\"]zh-CN['\"],['\"]en['\"]\\],fallbackLocale:['\"]zh-CN['\"]\\}");
        assertThat(ours).as("our %s is an ES module like the default", path).startsWith("exportdefault{");

        // every active entry of the jar's default config (e.g. Tasklist's keyboard shortcuts) must still be there
        String defaultBody = defaults.replaceFirst("^exportdefault\\{", "").replaceFirst("\\};?$", "");
        assertThat(ours).as("our %s keeps the default entries", path).contains(defaultBody);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyAppLoadsOurScriptAndHidesTheCamunda8Banner(String app) throws IOException {
        String config = code(text(projectResource(BASE + app + "/scripts/config.js")));
        assertThat(config).as("active customScripts of %s", app).contains("customScripts:['../chuangwei/webapps'],");
        String styles = text(projectResource(BASE + app + "/styles/user-styles.css"));
        assertThat(styles).as("our user-styles.css of %s shadows the webjar's", app)
                .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
        assertThat(text(webjarResource(BASE + app + "/camunda-" + app + "-bootstrap.css")))
                .as("the banner's class in Camunda's styles, which ours hides").contains(".ce-eol-banner");
    }

    @org.junit.jupiter.api.Test
    void everyFormMessageOurScriptTranslatesHasItsChinese() throws IOException {
        String script = text(projectResource(BASE + "chuangwei/webapps.js"));
        Map<String, JsonNode> zh = leaves(read(projectResource(BASE + "tasklist/locales/zh-CN.json")));
        Matcher keys = Pattern.compile("'(CHUANGWEI_FORM_[A-Z_]+)'").matcher(script);
        List<String> used = new ArrayList<>();
        while (keys.find()) {
            used.add(keys.group(1));
        }
        assertThat(used).hasSizeGreaterThan(5);
        assertThat(used).allSatisfy(key -> assertThat(zh.get("labels." + key)).as(key).isNotNull());
        // the English the script looks for is form-js's, as bundled in this Camunda version
        String deps = text(webjarResource("META-INF/resources/webjars/camunda/lib/deps.js"));
        for (String english : List.of("Field is required.", "Field must have minimum length of ",
                "Field must have maximum length of ", "Field must be a valid email.", "Value is not a number.")) {
            assertThat(deps).as("form-js's message in the webjar").contains(english);
        }
    }

    private static void compare(String path, JsonNode en, JsonNode zh, List<String> problems) {
        if (en.isTextual()) {
            if (!zh.isTextual()) {
                problems.add("not a string: " + path);
                return;
            }
            String enText = en.asText();
            String zhText = zh.asText();
            // the only exception: an English plural suffix ("instance" + "s"), which Chinese does not have
            boolean pluralSuffix = enText.equals("s") && zhText.isEmpty();
            if (zhText.isBlank() && !pluralSuffix) {
                problems.add("empty: " + path);
            }
            List<String> enTokens = placeholders(enText);
            List<String> zhTokens = placeholders(zhText);
            if (!enTokens.equals(zhTokens)) {
                problems.add("placeholders of " + path + ": en " + enTokens + " zh " + zhTokens);
            }
        } else if (en.isArray()) {
            if (!zh.isArray() || zh.size() != en.size()) {
                problems.add("array size of " + path);
                return;
            }
            for (int i = 0; i < en.size(); i++) {
                compare(path + "[" + i + "]", en.get(i), zh.get(i), problems);
            }
        } else if (en.getNodeType() != zh.getNodeType()) {
            problems.add("type of " + path + ": en " + en.getNodeType() + " zh " + zh.getNodeType());
        }
    }

    private static List<String> placeholders(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Collections.sort(tokens);
        return tokens;
    }

    /** Nested objects flattened to dotted paths; arrays and scalars are leaves. */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }

    /** The copy inside the Camunda webjar (the jar's en.json / default config.js). */
    private static URL webjarResource(String name) throws IOException {
        for (URL url : resources(name)) {
            if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
                return url;
            }
        }
        throw new AssertionError("not in camunda-webapp-webjar on the classpath: " + name + " " + resources(name));
    }

    /** Our copy (target/classes, a directory), which must also be the first hit so that it shadows the webjar. */
    private static URL projectResource(String name) throws IOException {
        List<URL> all = resources(name);
        assertThat(all).as("classpath copies of %s", name).isNotEmpty();
        URL first = all.get(0);
        assertThat(first.getProtocol()).as("first classpath copy of %s: %s", name, all).isEqualTo("file");
        return first;
    }

    private static List<URL> resources(String name) throws IOException {
        return Collections.list(WebappLocaleTest.class.getClassLoader().getResources(name));
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in); // Jackson skips the UTF-8 BOM the webjar's JSON files start with
        }
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** config.js without comments and whitespace (its string values hold no "//" or spaces that matter here). */
    private static String code(String js) {
        String noBlocks = js.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder sb = new StringBuilder();
        for (String line : noBlocks.split("\\R")) {
            if (!line.strip().startsWith("//")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().replaceAll("\\s+", "");
    }
}
