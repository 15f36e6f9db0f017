package cn.chuangwei.work;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Camunda Form of {@code bpmn/forms/} as the workbench renders it (the office's preview of the deployed form, in
 * form-js): it renders, every label reads in Chinese, and a form with required fields says so in Chinese when checked
 * empty. Without a CSP violation or a script error.
 */
@H2Test
class WorkFormsBrowserTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @Test
    void everyFormRendersInChineseWithChineseMessages() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("bpmn", "forms"))) {
            files = s.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(17);
        Fixture f = new Fixture(identity);
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int withRequired = 0;
        try (Browser b = new Browser(port, 390, 844)) {
            b.open("/login");
            b.login(f.office, Fixture.PASSWORD);
            for (Path file : files) {
                String id = file.getFileName().toString().replace(".form", "");
                JsonNode schema = json.readTree(file.toFile());
                b.open("/work/forms/" + id);
                new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                        .until(d -> b.find("#form").getDomAttribute("data-rendered") != null);
                if (!"true".equals(b.find("#form").getDomAttribute("data-rendered"))) {
                    problems.add(id + ": did not render: " + b.text("#form-panel"));
                    continue;
                }
                String heading = b.text("main h1");
                if (heading.contains(id) || !CHINESE.matcher(heading).find()) {
                    problems.add(id + ": heading names the form by its id or not in Chinese: " + heading);
                }
                List<String> labels = b.all("#form .fjs-form-field label").stream().map(WebElement::getText)
                        .filter(t -> !t.isBlank()).toList();
                if (labels.isEmpty() && hasFields(schema)) {
                    problems.add(id + ": no label rendered");
                }
                labels.stream().filter(l -> !CHINESE.matcher(l).find())
                        .forEach(l -> problems.add(id + ": label not in Chinese: " + l));
                if (requiredWithoutDefault(schema)) {
                    withRequired++;
                    b.find("#validate").click();
                    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                            .until(d -> !b.all("#form .fjs-form-field-error").isEmpty());
                    for (WebElement e : b.all("#form .fjs-form-field-error")) {
                        if (!CHINESE.matcher(e.getText()).find() || e.getText().contains("Field")) {
                            problems.add(id + ": message not in Chinese: " + e.getText());
                        }
                    }
                }
                b.consoleErrors().forEach(e -> problems.add(id + ": console: " + e));
                if (id.equals("unit-task") || id.equals("case-register")) {
                    b.screenshot("work-form-" + id);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(withRequired).as("forms with required fields checked").isGreaterThanOrEqualTo(10);
    }

    private static boolean hasFields(JsonNode node) {
        for (JsonNode c : node.path("components")) {
            if (c.hasNonNull("key") || hasFields(c)) {
                return true;
            }
        }
        return false;
    }

    /** A field the form requires, shown from the start (no condition) and with no value of its own. */
    private static boolean requiredWithoutDefault(JsonNode node) {
        for (JsonNode c : node.path("components")) {
            if (c.path("validate").path("required").asBoolean(false) && !c.has("defaultValue") && !c.has("conditional")
                    && !c.path("readonly").asBoolean(false)) {
                return true;
            }
            if (requiredWithoutDefault(c)) {
                return true;
            }
        }
        return false;
    }
}
