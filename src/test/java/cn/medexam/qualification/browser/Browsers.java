package cn.medexam.qualification.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
    }

    /** Where the application under test answers, e.g. {@code http://localhost:41234}. */
    public void serve(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A fresh browser (no cookies, no session) for a person, in Chinese and in China's time zone. */
    public Browser open(String person) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        // the flags keep Chromium off the network it cannot reach here (updates, sync, Google's services)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--lang=zh-CN", "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                "credentials_enable_service", false, "profile.password_manager_enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .build();
        Browser browser = new Browser(person, new ChromeDriver(service, options), baseUrl, this);
        open.add(browser);
        return browser;
    }

    synchronized Path nextScreenshot(String person, String step) {
        try {
            Files.createDirectories(story);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return story.resolve(String.format("%02d-%s-%s.png", ++shots, person, step));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        for (Browser browser : open) {
            try {
                browser.screenshot("failed");
            } catch (RuntimeException cannotTakeIt) {
                failure.addSuppressed(cannotTakeIt);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(Browser::close);
        open.clear();
    }
}
