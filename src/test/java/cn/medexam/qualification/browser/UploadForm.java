package cn.medexam.qualification.browser;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;

/**
 * The candidate's task form (forms/upload-materials.html), which Tasklist shows a candidate alone: the checklist with
 * an upload per material, 完成 to submit, then the confirmation.
 */
public class UploadForm {

    private static final By MATERIAL = By.cssSelector("form.qr-upload li[data-material-row]");
    private static final By CONTACT_ADDRESS = By.id("qr-address");
    private static final By COMPLETE =
            By.xpath("//div[contains(@class,'form-actions')]/button[contains(@class,'btn-primary')]");

    /**
     * What of Camunda's own a candidate would see: its name (branding, the Camunda 8 banner, the footer), 创建任务,
     * 启动流程, filter editing, a task priority, and how many 保存 buttons there are besides the one of 个人信息.
     */
    private static final String CAMUNDA_MACHINERY = """
            const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const text = document.body.innerText;
            const found = [];
            if (/Camunda/i.test(text)) { found.push('the name Camunda'); }
            for (const word of ['创建任务', '启动流程', '添加评论', '跟进日期']) {
              if (text.includes(word)) { found.push(word); }
            }
            if ([...document.querySelectorAll('.task-filters .actions, .glyphicon-pencil')].some(visible)) {
              found.push('filter editing');
            }
            if ([...document.querySelectorAll('.tasks-list .priority')].some(visible)) { found.push('task priority'); }
            const saves = [...document.querySelectorAll('button')]
              .filter(b => visible(b) && b.textContent.trim() === '保存').length;
            if (saves !== 1) { found.push(saves + ' buttons 保存'); }
            return found;""";

    /** Every visible control of the form and its 完成 smaller than 44 CSS pixels either way. */
    private static final String SMALL_TOUCH_TARGETS = """
            const controls = document.querySelectorAll(
              'form.qr-upload button, form.qr-upload a, form.qr-upload label.btn, form.qr-upload input:not([type=file]),'
              + ' .form-actions button');
            return [...controls].filter(e => e.getClientRects().length > 0).filter(e => {
              const box = e.getBoundingClientRect();
              return box.height < 44 || box.width < 44;
            }).map(e => e.outerHTML.slice(0, 80) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
              + Math.round(e.getBoundingClientRect().height));""";

    /** How the form fits the screen: columns of materials, horizontal overflow, the smallest text. */
    private static final String LAYOUT = """
            const materials = [...document.querySelectorAll('form.qr-upload li[data-material-row]')];
            const lefts = new Set(materials.map(m => Math.round(m.getBoundingClientRect().left)));
            const narrowest = Math.min(...materials.map(m => m.getBoundingClientRect().width));
            const texts = [...document.querySelectorAll('form.qr-upload *')]
              .filter(e => e.getClientRects().length > 0 && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
            const smallestText = Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize)));
            return { columns: lefts.size, narrowest: Math.round(narrowest), window: window.innerWidth,
              overflow: document.documentElement.scrollWidth > window.innerWidth, smallestText: smallestText };""";

    private final Browser browser;

    UploadForm(Browser browser) {
        this.browser = browser;
    }

    /** The form of the candidate's open task, once it has read the candidate's checklist. */
    public static UploadForm in(Browser browser) {
        browser.find(MATERIAL);
        return new UploadForm(browser);
    }

    /** The form as Tasklist opens it for the candidate (Tasklist may stall starting: see Browser#awaitStarted). */
    static UploadForm opening(Browser browser) {
        browser.awaitStarted(MATERIAL);
        return new UploadForm(browser);
    }

    /** Chooses the photo for the material ("选择图片上传") and waits for the server's verdict beside it. */
    public String upload(String material, Path photo) {
        browser.choose(By.cssSelector(row(material) + " .qr-pick input[type=file]"), photo);
        By verdict = By.cssSelector(row(material) + " .qr-upload-verdict");
        browser.until(driver -> {
            String text = browser.find(verdict).getText();
            return !text.isBlank() && !text.startsWith("正在上传");
        });
        browser.scrollTo(verdict);
        return browser.find(verdict).getText();
    }

    /** 删除 on the material's first image: the form asks first; its question. */
    public String askToDeleteFirstImage(String material) {
        browser.click(By.cssSelector(row(material) + " .qr-delete"));
        return browser.find(By.cssSelector(row(material) + " .qr-confirm-delete"))
                .getText();
    }

    /** 取消: the question goes, the image stays. */
    public void keepImage(String material) {
        browser.click(By.xpath("//li[@data-material-row='" + material + "']"
                + "//span[contains(@class,'qr-confirm-delete')]/button[normalize-space()='取消']"));
        browser.waitUntilGone(By.cssSelector(row(material) + " .qr-confirm-delete"));
    }

    /** Deletes the material's first image: 删除, then 确认删除. */
    public void deleteFirstImage(String material) {
        int before = images(material);
        askToDeleteFirstImage(material);
        browser.click(By.cssSelector(row(material) + " .qr-delete-confirm"));
        browser.until(driver -> images(material) == before - 1);
    }

    public int images(String material) {
        return browser.all(By.cssSelector(row(material) + " .qr-thumb img")).size();
    }

    public boolean isLocked(String material) {
        return browser.shows(By.cssSelector(row(material) + " .qr-badge-locked"));
    }

    public boolean acceptsUploads(String material) {
        return !browser.all(By.cssSelector(row(material) + " .qr-pick input[type=file]"))
                .isEmpty();
    }

    /** The file inputs of the material: their accept and capture attributes, and whether their button shows. */
    public List<String> fileButtons(String material) {
        return browser.all(By.cssSelector(row(material) + " input[type=file]")).stream()
                .map(input -> "accept=" + input.getDomAttribute("accept")
                        + (input.getDomAttribute("capture") != null
                                ? " capture=" + input.getDomAttribute("capture")
                                : "")
                        + (browser.script("return arguments[0].parentElement.getClientRects().length > 0", input)
                                        .equals(Boolean.TRUE)
                                ? " shown"
                                : " hidden"))
                .toList();
    }

    /** 个人信息: changes the contact address and saves it; the form's answer. */
    public String saveContactAddress(String address) {
        browser.type(CONTACT_ADDRESS, address);
        browser.click(By.cssSelector("form.qr-upload .qr-save-profile"));
        return browser.waitForText(By.cssSelector("form.qr-upload .qr-profile-answer"), "保存");
    }

    public String contactAddress() {
        return browser.find(CONTACT_ADDRESS).getDomProperty("value");
    }

    /** 完成: submits the form. */
    public void submit() {
        browser.click(COMPLETE);
    }

    /** What the form says when it refuses to submit (材料缺失, 退回的材料未重新上传). */
    public String refusal() {
        return browser.find(By.cssSelector("form.qr-upload .qr-refused")).getText();
    }

    /** The banner listing the returned materials with the reviewer's reasons. */
    public String returned() {
        return browser.find(By.cssSelector("form.qr-upload .qr-returned")).getText();
    }

    /** After 完成: what was submitted and when it locked. */
    public String confirmation() {
        return browser.find(By.cssSelector("form.qr-upload .qr-confirmation")).getText();
    }

    public boolean offersComplete() {
        return browser.shows(COMPLETE);
    }

    /** The confirmation's 返回考生服务. */
    public CandidateService backToCandidatePage() {
        browser.click(By.cssSelector("form.qr-upload .qr-back"));
        browser.until(driver -> browser.currentUrl().contains("/candidate.html"));
        browser.find(By.id("status"));
        return new CandidateService(browser);
    }

    /** 退出登录 in the form. */
    public void logOut() {
        browser.click(By.cssSelector("form.qr-upload .qr-logout"));
        browser.awaitLoginPage();
    }

    @SuppressWarnings("unchecked")
    public List<String> camundaMachinery() {
        return (List<String>) browser.script(CAMUNDA_MACHINERY);
    }

    @SuppressWarnings("unchecked")
    public List<String> smallTouchTargets() {
        return (List<String>) browser.script(SMALL_TOUCH_TARGETS);
    }

    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> layout() {
        return (java.util.Map<String, Object>) browser.script(LAYOUT);
    }

    private static String row(String material) {
        return "form.qr-upload li[data-material-row='" + material + "']";
    }
}
