package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.ApiError.FieldError;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /api/admin/campaigns/{region}/{year}}. Jackson reads it over the stored campaign, so a
 * caller may send only what moves; an explicit {@code null} clears a field.
 */
public class CampaignForm {

    public LocalDate uploadOpens;
    public LocalDate uploadCloses;
    public Duration reminderLead;
    public LocalDate reviewOpens;
    public LocalDate resubmissionDeadline;
    public Period resubmissionPeriod;
    public LocalDate finalReviewEnds;
    public Boolean onlineUpload = true;
    public Period onSiteReviewPeriod = Period.ofDays(7);
    public Campaign.PaperApplicationForm paperApplicationForm = Campaign.PaperApplicationForm.NOT_COLLECTED;

    static CampaignForm of(Campaign c) {
        CampaignForm form = new CampaignForm();
        form.uploadOpens = c.uploadOpens();
        form.uploadCloses = c.uploadCloses();
        form.reminderLead = c.reminderLead();
        form.reviewOpens = c.reviewOpens();
        form.resubmissionDeadline = c.resubmissionDeadline();
        form.resubmissionPeriod = c.resubmissionPeriod();
        form.finalReviewEnds = c.finalReviewEnds();
        form.onlineUpload = c.onlineUpload();
        form.onSiteReviewPeriod = c.onSiteReviewPeriod();
        form.paperApplicationForm = c.paperApplicationForm();
        return form;
    }

    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        require(problems, "uploadOpens", uploadOpens, "上传开始日期");
        require(problems, "uploadCloses", uploadCloses, "上传截止日期");
        require(problems, "reminderLead", reminderLead, "截止前提醒提前量");
        require(problems, "reviewOpens", reviewOpens, "网上审核开始日期");
        require(problems, "finalReviewEnds", finalReviewEnds, "终审结束日期");
        if (resubmissionDeadline == null && resubmissionPeriod == null) {
            problems.add(new FieldError("resubmissionDeadline", "退回补传截止日期与补传期限须至少填写一项"));
        }
        require(problems, "onlineUpload", onlineUpload, "是否开通网上上传");
        require(problems, "onSiteReviewPeriod", onSiteReviewPeriod, "现场审核期限");
        require(problems, "paperApplicationForm", paperApplicationForm, "纸质申请表要求");
        if (onSiteReviewPeriod != null && (onSiteReviewPeriod.isNegative() || onSiteReviewPeriod.isZero())) {
            problems.add(new FieldError("onSiteReviewPeriod", "现场审核期限须大于零，例如 P7D"));
        }
        if (reminderLead != null && (reminderLead.isNegative() || reminderLead.isZero())) {
            problems.add(new FieldError("reminderLead", "截止前提醒提前量须大于零，例如 P3D"));
        }
        if (resubmissionPeriod != null && (resubmissionPeriod.isNegative() || resubmissionPeriod.isZero())) {
            problems.add(new FieldError("resubmissionPeriod", "补传期限须大于零，例如 P7D"));
        }
        notBefore(problems, "uploadCloses", uploadCloses, uploadOpens, "上传截止日期不能早于上传开始日期");
        notBefore(problems, "reviewOpens", reviewOpens, uploadOpens, "网上审核开始日期不能早于上传开始日期");
        notBefore(problems, "resubmissionDeadline", resubmissionDeadline, reviewOpens, "退回补传截止日期不能早于网上审核开始日期");
        notBefore(problems, "finalReviewEnds", finalReviewEnds, reviewOpens, "终审结束日期不能早于网上审核开始日期");
        return problems;
    }

    Campaign toCampaign(Region region, int examYear) {
        return new Campaign(
                region,
                examYear,
                uploadOpens,
                uploadCloses,
                reminderLead,
                reviewOpens,
                resubmissionDeadline,
                resubmissionPeriod,
                finalReviewEnds,
                onlineUpload,
                onSiteReviewPeriod,
                paperApplicationForm);
    }

    private static void require(List<FieldError> problems, String field, Object value, String label) {
        if (value == null) {
            problems.add(new FieldError(field, label + "不能为空"));
        }
    }

    private static void notBefore(
            List<FieldError> problems, String field, LocalDate day, LocalDate earliest, String message) {
        if (day != null && earliest != null && day.isBefore(earliest)) {
            problems.add(new FieldError(field, message));
        }
    }
}
