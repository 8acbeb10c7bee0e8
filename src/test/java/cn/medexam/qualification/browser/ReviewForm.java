package cn.medexam.qualification.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The reviewers' task form (forms/review-case.html): the candidate's facts and images, a verdict per material. */
public class ReviewForm {

    private static final By SUBMIT_ERROR = By.cssSelector("form.qr-review .qr-submit-error");
    private static final By VIEWER = By.cssSelector("form.qr-review .qr-viewer");
    private static final By IMAGE = By.cssSelector("form.qr-review .qr-viewer img");

    private static final By FACTS = By.cssSelector("form.qr-review .qr-facts");
    private static final By RECORDED =
            By.xpath("//form[contains(@class,'qr-review')]//strong[normalize-space()='审核结论已提交。']");

    private static final By RELEASED =
            By.xpath("//form[contains(@class,'qr-review')]//strong[starts-with(normalize-space(), '已放回待审列表')]");

    private final Browser browser;
    private final String candidateNo;

    ReviewForm(Browser browser, String candidateNo) {
        this.browser = browser;
        this.candidateNo = candidateNo;
    }

    /** The form of the task open in Tasklist, once it shows the candidate. */
    public static ReviewForm in(Browser browser, String candidateNo) {
        browser.waitForText(FACTS, candidateNo);
        return new ReviewForm(browser, candidateNo);
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
        browser.click(By.cssSelector(row(material) + " input.qr-return"));
        new Select(browser.find(By.cssSelector(row(material) + " select"))).selectByVisibleText(reason);
        return this;
    }

    private static String row(String material) {
        return "form.qr-review .qr-material[data-material='" + material + "']";
    }

    /** 审核结论: PASS (通过), RETURN (退回), ON_SITE (现场审核) or NOT_QUALIFIED (不合格). */
    public ReviewForm outcome(String outcome) {
        browser.click(By.cssSelector("form.qr-review .qr-outcome input[value='" + outcome + "']"));
        return this;
    }

    public boolean offersOutcome(String outcome) {
        return browser.shows(By.cssSelector("form.qr-review .qr-outcome input[value='" + outcome + "']"));
    }

    /** What the form refuses 完成 with, e.g. an outcome that contradicts the verdicts per material. */
    public String error() {
        return browser.find(SUBMIT_ERROR).getText();
    }

    /**
     * How far (CSS pixels, vertically) the refusal of 完成 stands from Tasklist's 完成 button, as both are on screen
     * without scrolling.
     */
    public double errorDistanceFromComplete() {
        double[] error = browser.box(SUBMIT_ERROR);
        double[] complete = browser.box(Tasklist.COMPLETE);
        return Math.max(0, Math.max(complete[1] - error[3], error[1] - complete[3]));
    }

    /** 第 2 次初审 and the like, or for the region what the site decided. */
    public String round() {
        return browser.find(By.cssSelector("form.qr-review .qr-round, form.qr-review .qr-site-review"))
                .getText();
    }

    /** The reason a material was returned with last round, as the second round shows it. */
    public String returnedLastRound(String material) {
        return browser.find(By.cssSelector(row(material) + " .qr-was-returned")).getText();
    }

    /** How many of the material's images are highlighted as new since the return. */
    public int newImages(String material) {
        return browser.all(By.cssSelector(row(material) + " .qr-thumbs img.qr-new"))
                .size();
    }

    /** For the region: the site's verdict and note on the material. */
    public String siteVerdict(String material) {
        return browser.find(By.cssSelector(row(material) + " .qr-note")).getText();
    }

    /** A note on a material that passes, for the next round's reviewers. */
    public ReviewForm note(String material, String note) {
        browser.click(By.cssSelector(row(material) + " > strong")); // the picked material offers its note field
        browser.type(By.cssSelector(row(material) + " input.qr-material-note"), note);
        browser.find(By.cssSelector("form.qr-review .qr-facts")).click(); // the field loses the focus: keys work again
        return this;
    }

    /** The material the number keys picked (its code). */
    public String focusedMaterial() {
        return browser.find(By.cssSelector("form.qr-review .qr-material.focused"))
                .getAttribute("data-material");
    }

    public boolean returned(String material) {
        return browser.find(By.cssSelector(row(material) + " input.qr-return")).isSelected();
    }

    /** The reason picklist's choice for a returned material, and whether it has the keyboard focus. */
    public String returnReason(String material) {
        return new Select(browser.find(By.cssSelector(row(material) + " select")))
                .getFirstSelectedOption()
                .getText();
    }

    public boolean reasonFocused(String material) {
        return (Boolean) browser.script(
                "return document.activeElement === document.querySelector(arguments[0]);", row(material) + " select");
    }

    public String chosenOutcome() {
        return browser.all(By.cssSelector("form.qr-review .qr-outcome input[type=radio]")).stream()
                .filter(org.openqa.selenium.WebElement::isSelected)
                .map(radio -> radio.getAttribute("value"))
                .findFirst()
                .orElse("");
    }

    /** The viewer's box and the shown image's box on screen (left, top, right, bottom). */
    public double[] viewerBox() {
        return browser.box(VIEWER);
    }

    public double[] imageBox() {
        browser.until(
                driver -> (Boolean)
                        browser.script(
                                "var img = document.querySelector('form.qr-review .qr-viewer img'); return img.complete && img.naturalWidth > 0;"));
        return browser.box(IMAGE);
    }

    /** The shown image's own size in pixels (its natural width). */
    public double imageNaturalWidth() {
        return ((Number) browser.script("return document.querySelector('form.qr-review .qr-viewer img').naturalWidth;"))
                .doubleValue();
    }

    /** The shown image's id and its rotation in degrees. */
    public String shownImage() {
        return browser.find(IMAGE).getAttribute("data-image");
    }

    public int rotation() {
        return Integer.parseInt(browser.find(IMAGE).getAttribute("data-rotation"));
    }

    public void dragImage(int dx, int dy) {
        browser.drag(VIEWER, dx, dy);
    }

    public void wheelOver(int dx, int dy, int deltaY) {
        browser.wheel(VIEWER, dx, dy, deltaY);
    }

    public void clickTool(String tool) {
        browser.click(By.cssSelector("form.qr-review .qr-toolbar button." + tool));
    }

    public boolean viewerIsFullScreen() {
        return (Boolean) browser.script("return document.fullscreenElement !== null"
                + " && document.fullscreenElement.classList.contains('qr-viewer');");
    }

    /** How many materials the form lists. */
    public int materialCount() {
        return browser.all(By.cssSelector("form.qr-review .qr-material")).size();
    }

    /** Whether the whole form is in view at once: neither Tasklist's pane nor the page scrolls. */
    public boolean fitsWithoutScrolling() {
        return (Boolean) browser.script("""
                var node = document.querySelector('form.qr-review');
                for (; node; node = node.parentElement) {
                  var style = getComputedStyle(node);
                  if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1) { return false; }
                }
                var page = document.scrollingElement;
                return page.scrollHeight <= page.clientHeight + 1;""");
    }

    /** 放回待审列表: gives the claimed task back to the group's list; Tasklist then opens the list. */
    public void release() {
        browser.click(By.cssSelector("form.qr-review button.qr-release"));
        awaitLeft(RELEASED);
    }

    /**
     * After 完成: the verdict is recorded. 审核结论已提交 shows for a moment before Tasklist moves on to the next case
     * or the list, so either counts: the message, or this candidate's form gone.
     */
    public void awaitRecorded() {
        awaitLeft(RECORDED);
    }

    /** The form says what happened, or has already moved on: this candidate's form is gone. */
    private void awaitLeft(By message) {
        browser.until(driver -> browser.shows(message)
                || browser.all(FACTS).stream()
                        .noneMatch(facts -> facts.getText().contains(candidateNo)));
    }

    /** Whether the case opened by itself after the previous decision, saying so with a way to stop. */
    public boolean openedByItself() {
        return browser.shows(By.cssSelector("form.qr-review .qr-auto-opened button.qr-stop"));
    }

    /** 停止，放回列表 on a case that opened by itself: it goes back to the list, and auto-opening stops. */
    public void stopOpeningByItself() {
        browser.click(By.cssSelector("form.qr-review .qr-auto-opened button.qr-stop"));
        awaitLeft(RELEASED);
    }

    /** 纸质申请表: types the day the signed paper form arrived (2027-02-20) and presses 登记收到. */
    public ReviewForm recordPaperForm(String receivedOn) {
        browser.type(By.cssSelector("form.qr-review input.qr-paper-date"), receivedOn);
        browser.click(By.cssSelector("form.qr-review button.qr-paper-record"));
        return this;
    }

    /** The recorded receipt as the form shows it (2026年1月14日 收到（… 登记）), once shown. */
    public String paperFormReceived() {
        return browser.find(By.cssSelector("form.qr-review .qr-paper-received")).getText();
    }

    /** The refusal of 登记收到, and how far (CSS pixels, vertically) it stands from that button. */
    public String paperFormError() {
        return browser.find(By.cssSelector("form.qr-review .qr-paper-error")).getText();
    }

    public double paperFormErrorDistanceFromItsButton() {
        double[] error = browser.box(By.cssSelector("form.qr-review .qr-paper-error"));
        double[] button = browser.box(By.cssSelector("form.qr-review button.qr-paper-record"));
        return Math.max(0, Math.max(button[1] - error[3], error[1] - button[3]));
    }
}
