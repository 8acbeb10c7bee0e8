package cn.medexam.qualification.browser;

import java.nio.file.Path;
import org.openqa.selenium.By;

/** The candidate's task form (forms/upload-materials.html): the checklist with an upload per material. */
public class UploadForm {

    private static final By CONTACT_ADDRESS = By.cssSelector("form.qr-upload input[ng-model='profile.contactAddress']");

    private final Browser browser;

    UploadForm(Browser browser) {
        this.browser = browser;
    }

    /** The form of the task open in Tasklist, once it has read the candidate's checklist. */
    public static UploadForm in(Browser browser) {
        browser.find(By.cssSelector("form.qr-upload tr[data-material-row]"));
        return new UploadForm(browser);
    }

    /** Chooses the photo for the material and waits for the server's verdict beside it. */
    public String upload(String material, Path photo) {
        browser.choose(By.cssSelector("input[type=file][data-material='" + material + "']"), photo);
        By verdict = By.cssSelector(row(material) + " .qr-upload-verdict");
        browser.until(driver -> {
            String text = browser.find(verdict).getText();
            return !text.isBlank() && !text.startsWith("正在上传");
        });
        browser.scrollTo(verdict);
        return browser.find(verdict).getText();
    }

    /** Deletes ("－") the material's first image. */
    public void deleteFirstImage(String material) {
        int before = images(material);
        browser.click(By.cssSelector(row(material) + " .qr-thumb button[title='删除']"));
        browser.until(driver -> images(material) == before - 1);
    }

    public int images(String material) {
        return browser.all(By.cssSelector(row(material) + " .qr-thumb img")).size();
    }

    public boolean isLocked(String material) {
        return browser.shows(By.cssSelector(row(material) + " .qr-badge-locked"));
    }

    public boolean acceptsUploads(String material) {
        return !browser.all(By.cssSelector(row(material) + " input[type=file]")).isEmpty();
    }

    /** 个人信息: changes the contact address and saves it; the form's answer. */
    public String saveContactAddress(String address) {
        browser.type(CONTACT_ADDRESS, address);
        browser.click(By.xpath("//form[contains(@class,'qr-upload')]//button[normalize-space()='保存']"));
        return browser.waitForText(By.cssSelector("form.qr-upload .qr-profile-answer"), "保存");
    }

    public String contactAddress() {
        return browser.find(CONTACT_ADDRESS).getDomProperty("value");
    }

    /** What the form says when it refuses to submit (材料缺失). */
    public String refusal() {
        return browser.find(By.cssSelector("form.qr-upload .qr-refused")).getText();
    }

    /** The banner listing the returned materials with the reviewer's reasons. */
    public String returned() {
        return browser.find(By.cssSelector("form.qr-upload .qr-returned")).getText();
    }

    public String lockBanner() {
        return browser.find(By.cssSelector("form.qr-upload .qr-locked")).getText();
    }

    private static String row(String material) {
        return "form.qr-upload tr[data-material-row='" + material + "']";
    }
}
