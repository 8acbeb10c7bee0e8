package cn.medexam.qualification.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens one headless Chromium per person of a story, numbers their screenshots in story order under
 * {@code target/browser-story/<test>/}, photographs every open browser when a step fails, and closes them after
 * the test.
 */
public class Browsers implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-story");

    private final List<Browser> open = new ArrayList<>();
    private String baseUrl;
    private Path story;
    private int shots;

    @Override
    public void beforeEach(ExtensionContext context) {
        story = SCREENSHOTS.resolve(context.getRequiredTestMethod().getName());
        // an earlier run's screenshots (numbered differently, or of a failure) must not pass for this run's
        if (Files.exists(story)) {
            try (var files = Files.walk(story)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Where the application under test answers, e.g. {@code http://localhost:41234}. */
    public void serve(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A fresh browser (no cookies, no session) for a person, in Chinese and in China's time zone. */
    public Browser open(String person) {
        return open(person, false);
    }

    /** The same on a phone: 390×844 CSS pixels, touch, a phone's browser. */
    public Browser openPhone(String person) {
        return open(person, true);
    }

    private Browser open(String person, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        // off the network Chromium cannot reach here (updates, sync, Google's services); and several browsers side by
        // side: none of them counts as a background window whose timers and renderer Chromium may slow down
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--disable-renderer-backgrounding",
                "--lang=zh-CN",
                "--window-size=1400,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        "zh-CN,zh",
                        "credentials_enable_service",
                        false,
                        "profile.password_manager_enabled",
                        false,
                        // a download (the printed notice) lands in the story's folder, a PDF too
                        "download.default_directory",
                        downloads(person).toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false,
                        "plugins.always_open_pdf_externally",
                        true));
        if (phone) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true, "mobile", true),
                            "userAgent",
                            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                                    + "Chrome/156.0 Mobile Safari/537.36"));
        }
        // the console and the network, kept for the report of a failed step
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .build();
        Browser browser = new Browser(person, new ChromeDriver(service, options), baseUrl, this);
        open.add(browser);
        return browser;
    }

    /** Where the person's browser saves what they download (made by the first download). */
    Path downloads(String person) {
        return story.resolve("downloads-" + person);
    }

    synchronized Path nextScreenshot(String person, String step) {
        return file(String.format("%02d-%s-%s.png", ++shots, person, step));
    }

    /** A file of this test's story folder. */
    Path file(String name) {
        try {
            return Files.createDirectories(story).resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        for (Browser browser : open) {
            try {
                browser.screenshot("failed");
                browser.saveLogs();
            } catch (RuntimeException cannotTakeIt) {
                failure.addSuppressed(cannotTakeIt);
            }
        }
        saveServerThreads();
        throw failure;
    }

    /** The application runs in this JVM: what its request threads were doing when the step failed. */
    private void saveServerThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        try {
            Files.writeString(file("server-threads.txt"), dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // every page of the story kept within its Content-Security-Policy (the application's or Camunda's)
        List<String> violations = new ArrayList<>();
        try {
            open.forEach(browser -> violations.addAll(browser.contentSecurityPolicyViolations()));
        } finally {
            open.forEach(Browser::close);
            open.clear();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "Content Security Policy violations in the browser console:\n" + String.join("\n", violations));
        }
    }
}
