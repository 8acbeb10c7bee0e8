package cn.medexam.qualification.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The reviewers' task form (forms/review-case.html): the candidate's facts and images, a verdict per material. */
public class ReviewForm {

    private final Browser browser;

    ReviewForm(Browser browser) {
        this.browser = browser;
    }

    /** The form of the task open in Tasklist, once it shows the candidate. */
    public static ReviewForm in(Browser browser, String candidateNo) {
        browser.waitForText(By.cssSelector("form.qr-review .qr-facts"), candidateNo);
        return new ReviewForm(browser);
    }

    /** The candidate's facts as the reviewer sees them. */
    public String facts() {
        return browser.find(By.cssSelector("form.qr-review .qr-facts")).getText();
    }

    /** How many images the viewer pages through. */
    public int images() {
        return browser.all(By.cssSelector("form.qr-review .qr-thumbs img")).size();
    }

    /** 退回 for one material, with a reason from the picklist. */
    public ReviewForm returnMaterial(String material, String reason) {
        String row = "form.qr-review .qr-material[data-material='" + material + "']";
        browser.click(By.cssSelector(row + " input.qr-return"));
        new Select(browser.find(By.cssSelector(row + " select"))).selectByVisibleText(reason);
        return this;
    }

    /** 审核结论: PASS (通过), RETURN (退回) or NOT_QUALIFIED (不合格). */
    public ReviewForm outcome(String outcome) {
        browser.click(By.cssSelector("form.qr-review .qr-outcome input[value='" + outcome + "']"));
        return this;
    }

    public boolean offersOutcome(String outcome) {
        return browser.shows(By.cssSelector("form.qr-review .qr-outcome input[value='" + outcome + "']"));
    }

    /** What the form refuses with, e.g. an outcome that contradicts the verdicts per material. */
    public String error() {
        By error = By.cssSelector("form.qr-review .qr-error");
        browser.scrollTo(error);
        return browser.find(error).getText();
    }

    /** 放回待审列表: gives the claimed task back to the group's list; Tasklist then reloads. */
    public void release() {
        browser.click(By.cssSelector("form.qr-review button.qr-release"));
        browser.find(
                By.xpath("//form[contains(@class,'qr-review')]//strong[starts-with(normalize-space(), '已放回待审列表')]"));
    }

    /** After 完成: the verdict is recorded and Tasklist reloads. */
    public void awaitRecorded() {
        browser.find(By.xpath("//form[contains(@class,'qr-review')]//strong[normalize-space()='审核结论已提交。']"));
    }
}
