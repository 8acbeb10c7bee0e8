package cn.medexam.qualification.notification;

import cn.medexam.qualification.campaign.Campaign;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewProperties;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What notifications say about a case, formatted for candidates (dates in Beijing time, names in Chinese). */
@Component
class CaseFacts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Campaigns campaigns;
    private final Checklists checklists;
    private final ReviewService reviews;
    private final ReviewProperties properties;

    CaseFacts(Campaigns campaigns, Checklists checklists, ReviewService reviews, ReviewProperties properties) {
        this.campaigns = campaigns;
        this.checklists = checklists;
        this.reviews = reviews;
        this.properties = properties;
    }

    Campaign campaign(DelegateExecution execution) {
        return campaigns.ofCase(execution);
    }

    /** The last upload day, e.g. 2026年2月10日. */
    String uploadLastDay(DelegateExecution execution) {
        return day(campaign(execution).uploadCloses());
    }

    String resubmissionLastDay(DelegateExecution execution) {
        Date returnedAt = (Date) execution.getVariable(CaseVariables.RETURNED_AT);
        LocalDate returnedOn =
                returnedAt.toInstant().atZone(properties.timeZone()).toLocalDate();
        return day(campaign(execution).resubmissionLastDay(returnedOn));
    }

    /** The last day to come to the site for on-site review. */
    String onSiteLastDay(DelegateExecution execution) {
        Date sentAt = (Date) execution.getVariable(CaseVariables.ON_SITE_REQUESTED_AT);
        LocalDate sentOn = sentAt.toInstant().atZone(properties.timeZone()).toLocalDate();
        return day(campaign(execution).onSiteReviewLastDay(sentOn));
    }

    String moment(Date date) {
        return MOMENT.format(date.toInstant().atZone(properties.timeZone()));
    }

    /** 毕业证书：毕业证编号无法辨别，请重新上传；… (each reason without its closing mark: the list goes on) */
    String returns(String candidateNo) {
        Map<String, String> names = checklists.materialNames();
        return reviews.latestReturns(candidateNo).entrySet().stream()
                .map(e -> names.get(e.getKey()) + "：" + Notifier.withoutClosingPunctuation(e.getValue()))
                .collect(Collectors.joining("；"));
    }

    /** Names of comma-separated material codes. */
    String materialNames(String codes) {
        Map<String, String> names = checklists.materialNames();
        return Arrays.stream(codes.split(","))
                .filter(code -> !code.isBlank())
                .map(names::get)
                .collect(Collectors.joining("、"));
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }
}
