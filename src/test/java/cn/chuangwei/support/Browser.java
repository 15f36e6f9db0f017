package cn.chuangwei.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through {@code /usr/bin/chromedriver} (nothing is downloaded). Without them the
 * test is skipped on a developer's machine and fails in CI ({@code CI=true}), where {@code .ci/run} installs them.
 */
public class Browser implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    public Browser(int port, int width, int height) {
        boolean present = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("Chromium and chromedriver are required in CI: apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort("no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)");
        }
        try {
            profile = Files.createTempDirectory("chuangwei-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--user-data-dir=" + profile);
        // what navigator.languages reports (--lang alone is not enough when headless): the Camunda webapps choose
        // their language from it, Chinese first as a Chinese browser has it
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        // the console's messages, for tests that look for errors and CSP violations
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        base = "http://localhost:" + port;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in on the board's login page, wherever the browser was sent there from. */
    public void login(String user, String password) {
        if (!path().startsWith("/login")) {
            open("/login");
        }
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#login").click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !path().startsWith("/login"));
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** The console's errors since the last call (CSP violations among them; the browser's own favicon request not). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy"))
                .map(e -> e.getMessage()).filter(m -> !m.contains("/favicon.ico")).toList();
    }

    /** Waits until the page's charts are drawn (ECharts renders into SVG). */
    public void awaitCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> find("body").getDomAttribute("data-charts") != null);
    }

    /**
     * Saves the whole page as {@code target/screenshots/<name>.png} (the window grown to the page's height for the shot,
     * then restored); returns the file.
     */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Object height = driver.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        int full = height instanceof Number n ? Math.min(n.intValue() + 140, 6000) : window.getHeight();
        try {
            if (full > window.getHeight()) {
                driver.manage().window().setSize(new Dimension(window.getWidth(), full));
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** How many pixels the page is wider than the window (0 or less: no horizontal scrolling). */
    public int sidewaysOverflow() {
        Object wide = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return ((Number) wide).intValue();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }
}
