package cn.medexam.qualification.browser;

import java.util.List;
import org.openqa.selenium.By;

/** Camunda Tasklist as its users work it: a filter on the left, its tasks in the middle, the task's form on the right. */
public class Tasklist {

    private static final By CLAIM = By.cssSelector("button.claim");
    static final By COMPLETE =
            By.xpath("//div[contains(@class,'form-actions')]/button[contains(@class,'btn-primary')]");

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    public static Tasklist openedBy(Browser browser) {
        browser.open("/camunda/app/tasklist/default/");
        browser.awaitTasklist();
        return new Tasklist(browser);
    }

    /** Chooses the filter and waits until its tasks are listed. */
    public Tasklist filter(String name) {
        browser.click(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(.), '" + name + "')]"));
        browser.find(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
                + "//a[contains(normalize-space(.), '" + name + "')]"));
        browser.until(driver -> !browser.shows(By.cssSelector(".tasks-list .loader")));
        return this;
    }

    /** The names of the filters this person may use, as the left column lists them. */
    public String filters() {
        return browser.find(By.cssSelector(".task-filters .list-unstyled")).getText();
    }

    /**
     * The candidate numbers of the listed tasks, top to bottom (a reviewer's list shows them as its first column),
     * once the list holds as many tasks as the filter counts.
     */
    public List<String> candidates() {
        return browser.until(driver -> {
            String counted = browser.find(By.cssSelector(".task-filter.active .counter"))
                    .getText()
                    .trim();
            List<String> listed = browser.all(By.cssSelector("section.column-center li.task")).stream()
                    .map(task -> task.findElement(By.cssSelector("span.variable-value"))
                            .getText()
                            .trim())
                    .toList();
            return counted.equals(String.valueOf(listed.size())) ? listed : null;
        });
    }

    /** Opens the task of that name listed for the candidate (a reviewer's list shows the candidate's number). */
    public Tasklist openTask(String taskName, String candidateNo) {
        return open(
                taskName,
                "//li[contains(@class,'task') and .//span[contains(@class,'variable-value') and normalize-space()='"
                        + candidateNo + "']]");
    }

    /** Opens the task of that name: a candidate's own list holds their one case. */
    public Tasklist openTask(String taskName) {
        return open(taskName, "//li[contains(@class,'task')]");
    }

    private Tasklist open(String taskName, String listItem) {
        browser.click(By.xpath(listItem + "//h4/a[normalize-space()='" + taskName + "']"));
        browser.find(
                By.xpath("//*[contains(@class,'task-details')]//h2[contains(normalize-space(.), '" + taskName + "')]"));
        return this;
    }

    /** 认领: a reviewer takes a group task before its form can be completed. */
    public Tasklist claim() {
        browser.click(CLAIM);
        browser.waitUntilGone(CLAIM);
        return this;
    }

    /**
     * Whether Tasklist offers a change that only the application makes: the open task's follow-up date, groups,
     * giving it back (取消认领), a comment, or starting a process or creating a task.
     */
    public boolean offersChanges() {
        return browser.shows(
                        By.xpath(
                                "//*[contains(@class,'task-details')]//a[normalize-space()='设置跟进日期' or normalize-space()='添加组']"))
                || browser.shows(By.cssSelector(".task-details .unclaim, .task-details .reset-due-date"))
                || browser.shows(By.xpath(
                        "//a[normalize-space()='启动流程' or normalize-space()='创建任务'" + " or normalize-space()='添加评论']"));
    }

    /** The darkest channel of the first listed candidate number's colour (0 black … 255 white). */
    /**
     * Whether the first row of the list shows every column of the filter unfaded: Tasklist folds a row to its first
     * line under a white gradient unless the app's styles open it.
     */
    public boolean firstRowShowsEveryColumnUnfaded() {
        return Boolean.TRUE.equals(browser.script("""
                var details = document.querySelector('section.column-center li.task .task-card-details');
                var shutter = details.querySelector('.shutter');
                var row = details.getBoundingClientRect();
                var last = Array.from(details.querySelectorAll('.variable-value')).pop().getBoundingClientRect();
                return (!shutter || getComputedStyle(shutter).display === 'none') && last.bottom <= row.bottom;"""));
    }

    public int candidateNumberBrightness() {
        String colour = (String) browser.script("return getComputedStyle(document.querySelector("
                + "'section.column-center li.task span.variable-value')).color;");
        java.util.regex.Matcher rgb =
                java.util.regex.Pattern.compile("(\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(colour);
        if (!rgb.find()) {
            throw new AssertionError("not a colour: " + colour);
        }
        return Math.max(
                Integer.parseInt(rgb.group(1)),
                Math.max(Integer.parseInt(rgb.group(2)), Integer.parseInt(rgb.group(3))));
    }

    /** Tasklist's error toasts (e.g. a task it cannot find), as the person reads them; empty when there is none. */
    public String notifications() {
        return browser.all(By.cssSelector(".page-notifications .alert")).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed)
                .map(alert -> alert.getText().trim())
                .filter(text -> !text.isEmpty())
                .reduce((a, b) -> a + " | " + b)
                .orElse("");
    }

    /** The id of the task Tasklist's address names, or null when only the list is open. */
    public String openTaskId() {
        java.util.regex.Matcher task =
                java.util.regex.Pattern.compile("[?&]task=([^&]+)").matcher(browser.currentUrl());
        return task.find() ? task.group(1) : null;
    }

    /** 完成: submits the task's form. */
    public void complete() {
        browser.click(COMPLETE);
    }
}
