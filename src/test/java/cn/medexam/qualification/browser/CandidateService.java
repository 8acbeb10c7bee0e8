package cn.medexam.qualification.browser;

import org.openqa.selenium.By;

/** The candidates' service page (static/candidate.html): account activation, then the result and the messages. */
public class CandidateService {

    private static final By TO_UPLOADS = By.cssSelector("#toUploads a");

    private final Browser browser;

    CandidateService(Browser browser) {
        this.browser = browser;
    }

    public static CandidateService openedBy(Browser browser) {
        browser.open("/candidate.html");
        return new CandidateService(browser);
    }

    /** 获取验证码: the answer the page gives. */
    public String requestCode(String candidateNo, String idNumber) {
        browser.type(By.id("candidateNo"), candidateNo);
        browser.type(By.id("idNumber"), idNumber);
        browser.click(By.id("sendCode"));
        return browser.waitForText(By.id("activationAnswer"), "验证码");
    }

    /** 激活并登录 with the code from the SMS; the page then shows the candidate's result. */
    public void activate(String code, String password) {
        browser.type(By.id("code"), code);
        browser.type(By.id("password"), password);
        browser.click(By.id("activate"));
        browser.find(By.id("status"));
    }

    public String status() {
        return browser.find(By.id("status")).getText();
    }

    public String serialNumber() {
        return browser.find(By.id("serial")).getText();
    }

    /** 提交锁定时间, 上传截止 or 补传截止. */
    public String dates() {
        browser.find(By.id("status"));
        return browser.find(By.id("result")).findElement(By.id("dates")).getText();
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }

    /** Whether the page leads to the upload form (only while there is something to upload). */
    public boolean offersUploads() {
        browser.find(By.id("status"));
        return browser.shows(TO_UPLOADS);
    }

    /** The way to the upload form (上传审核材料 or 重新上传退回材料): the form of the candidate's open task. */
    public UploadForm goToUploads() {
        browser.click(TO_UPLOADS);
        return UploadForm.opening(browser);
    }

    /** 退出登录. */
    public void logOut() {
        browser.click(By.id("logout"));
        browser.awaitLoginPage();
    }

    /** The documents the page offers to print: the text of each line. */
    public String documents() {
        return browser.find(By.id("documentList")).getText();
    }

    /** Downloads the registration notice (打印表格与通知单) and answers the saved file. */
    public java.nio.file.Path downloadNotice() {
        return browser.download(By.cssSelector("li[data-document=REGISTRATION_NOTICE] a"), ".pdf");
    }
}
