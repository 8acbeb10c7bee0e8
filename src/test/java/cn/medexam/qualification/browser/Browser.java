package cn.medexam.qualification.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser. Every step waits for what the person would wait for (an element, a text) instead of
 * sleeping, up to {@link #PATIENCE}.
 */
public class Browser {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String person;
    private final ChromeDriver driver;
    private final String baseUrl;
    private final Browsers browsers;

    Browser(String person, ChromeDriver driver, String baseUrl, Browsers browsers) {
        this.person = person;
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.browsers = browsers;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in on the application's login page; staff land in Tasklist. */
    public void logIn(String user, String password) {
        submitLogin(user, password);
        until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        awaitTasklist();
    }

    /** Fills and sends the application's login page, wherever it leads. */
    public void submitLogin(String user, String password) {
        if (!currentUrl().contains("/login.html")) {
            open("/login.html");
        }
        type(By.id("username"), user);
        type(By.id("password"), password);
        click(By.cssSelector("button[type=submit]"));
    }

    /** Waits until the browser shows the application's login page (after a logout, or led there). */
    public void awaitLoginPage() {
        until(driver -> driver.getCurrentUrl().contains("/login.html"));
        find(By.id("username"));
    }

    /** 退出登录 in the account menu of a Camunda webapp's header (Tasklist, Cockpit, Admin): the app's login page. */
    public void logOutOfTheWebapp() {
        click(By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"));
        click(By.cssSelector("[cam-widget-header] li.logout > a"));
        awaitLoginPage();
    }

    /** Runs a script in the page, as the person's browser would, and gives its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until Tasklist has started and lists the person's filters. */
    public void awaitTasklist() {
        awaitStarted(By.cssSelector(".task-filters .task-filter"));
    }

    /**
     * Waits until a webapp has started and shows what the person came for (Tasklist's filters, a candidate's upload
     * form). Twice in about thirty runs a fourth browser's Tasklist stayed on its start spinner (on a loaded machine
     * its module loader gives up: "Load timeout for modules"), with nothing in the server's log; a person would press
     * F5, and so does this, once, after saving a screenshot and the browser's log of the stall.
     */
    public void awaitStarted(By shown) {
        try {
            new WebDriverWait(driver, PATIENCE.dividedBy(2))
                    .until(ExpectedConditions.visibilityOfElementLocated(shown));
        } catch (TimeoutException stalled) {
            System.err.println(
                    person + ": the webapp did not start within " + PATIENCE.dividedBy(2) + "; reloading once");
            screenshot("webapp-stalled");
            saveLogs();
            driver.navigate().refresh();
            find(shown);
        }
    }

    /** The page's visible area (viewport) becomes width × height CSS pixels, e.g. a 1366×900 office screen. */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Number chromeWidth = (Number) script("return window.outerWidth - window.innerWidth;");
        Number chromeHeight = (Number) script("return window.outerHeight - window.innerHeight;");
        driver.manage()
                .window()
                .setSize(new Dimension(width + chromeWidth.intValue(), height + chromeHeight.intValue()));
    }

    /** Types keys into the page, as a person does without a text field focused (keyboard shortcuts). */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Drags with the mouse from the element's centre by (dx, dy) pixels. */
    public void drag(By locator, int dx, int dy) {
        new Actions(driver)
                .moveToElement(find(locator))
                .clickAndHold()
                .moveByOffset(dx / 2, dy / 2)
                .moveByOffset(dx - dx / 2, dy - dy / 2)
                .release()
                .perform();
    }

    /** Turns the mouse wheel over the element, (dx, dy) pixels from its centre; negative deltaY zooms in. */
    public void wheel(By locator, int dx, int dy, int deltaY) {
        new Actions(driver)
                .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(find(locator), dx, dy), 0, deltaY)
                .perform();
    }

    /** The element's box on screen: left, top, right, bottom in CSS pixels. */
    public double[] box(By locator) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) script(
                "var r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];",
                find(locator));
        return box.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** The session ends without this browser's doing (expired, or ended in another tab): its cookie is gone. */
    public void loseSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
    }

    public WebElement find(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    public boolean shows(By locator) {
        return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Scrolls the element to the middle of the window first, clear of Tasklist's fixed header and footer. */
    public void click(By locator) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({ block: 'center' });", element);
        element.click();
    }

    public void type(By locator, String text) {
        WebElement field = find(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses a file for a file input, as the file dialog would. */
    public void choose(By fileInput, Path file) {
        until(ExpectedConditions.presenceOfElementLocated(fileInput))
                .sendKeys(file.toAbsolutePath().toString());
    }

    /** The element's text once it contains the expected text. */
    public String waitForText(By locator, String expected) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return driver.findElement(locator).getText();
    }

    public void waitUntilGone(By locator) {
        until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    public <T> T until(Function<? super WebDriver, T> condition) {
        // Angular redraws the forms as answers arrive: an element found a moment ago may have been replaced
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The HTTP status the application answers this session with, asked from inside the page as its scripts ask. */
    public long statusOf(String path) {
        Object status = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })"
                                + ".then(r => done(r.status), () => done(-1));",
                        path);
        return ((Number) status).longValue();
    }

    /** Clicks a download link and waits for the whole file to arrive in the person's downloads. */
    public Path download(By link, String suffix) {
        Path folder = browsers.downloads(person);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the folder outlives a run (target/browser-story): only a file that this click brings counts
        Set<Path> before = filesIn(folder);
        click(link);
        return until(driver -> filesIn(folder).stream()
                .filter(f -> !before.contains(f) && f.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElse(null));
    }

    private static Set<Path> filesIn(Path folder) {
        try (var files = Files.list(folder)) {
            return files.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens an address as a person who scanned it would: the whole URL, not a path of the application. */
    public void openUrl(String url) {
        driver.get(url);
    }

    public void scrollTo(By locator) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({ block: 'center' });", find(locator));
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void screenshot(String step) {
        Path file = browsers.nextScreenshot(person, step);
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's console and network log since the last call, added to a file next to the screenshots. */
    void saveLogs() {
        Path file = browsers.file(person + "-browser.log");
        StringBuilder log = new StringBuilder();
        for (String type : List.of(LogType.BROWSER, LogType.PERFORMANCE)) {
            driver.manage()
                    .logs()
                    .get(type)
                    .forEach(entry -> log.append(type).append(' ').append(entry).append('\n'));
        }
        try {
            Files.writeString(file, log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's Content-Security-Policy violations since the last look at the console. */
    List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(Object::toString)
                .filter(entry -> entry.contains("Content Security Policy"))
                .toList();
    }

    void close() {
        driver.quit();
    }
}
