package cn.medexam.qualification.printing;

import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.checklist.ChecklistEntry;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.review.SerialNumbers;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.ReviewProperties;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Which documents a candidate may print, and the PDFs themselves. */
@Service
class PrintedDocuments {

    /** One line of {@code GET /api/me/documents}. */
    record Listed(String kind, String name, boolean available, String reason) {}

    /** A printed document: its file name and bytes. */
    record Pdf(String fileName, String asciiFileName, byte[] bytes) {}

    private static final Set<CaseStatus> SITE_PASSED = Set.of(CaseStatus.SITE_PASSED, CaseStatus.FINAL_PASSED);
    private static final DateTimeFormatter PRINTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Registrations registrations;
    private final Checklists checklists;
    private final Campaigns campaigns;
    private final CaseStatusResolver statuses;
    private final SerialNumbers serialNumbers;
    private final NoticeCodes notices;
    private final CjkFont font;
    private final EngineClock clock;
    private final ReviewProperties properties;

    PrintedDocuments(
            Registrations registrations,
            Checklists checklists,
            Campaigns campaigns,
            CaseStatusResolver statuses,
            SerialNumbers serialNumbers,
            NoticeCodes notices,
            CjkFont font,
            EngineClock clock,
            ReviewProperties properties) {
        this.registrations = registrations;
        this.checklists = checklists;
        this.campaigns = campaigns;
        this.statuses = statuses;
        this.serialNumbers = serialNumbers;
        this.notices = notices;
        this.font = font;
        this.clock = clock;
        this.properties = properties;
    }

    /** Every printable document; those the candidate's checklist asks for first, each group in the enum's order. */
    List<Listed> list(String candidateNo) {
        registration(candidateNo);
        Set<String> needed = checklists.activeMaterials(candidateNo).stream()
                .map(ChecklistEntry::code)
                .collect(Collectors.toSet());
        Optional<String> noticeRefusal = noticeRefusal(candidateNo);
        return Arrays.stream(PrintableDocument.values())
                .sorted(Comparator.comparing(kind -> !needed.contains(kind.materialCode())))
                .map(kind -> {
                    String reason = kind == PrintableDocument.REGISTRATION_NOTICE ? noticeRefusal.orElse(null) : null;
                    return new Listed(kind.name(), kind.title(), reason == null, reason);
                })
                .toList();
    }

    Pdf render(String candidateNo, PrintableDocument kind, String baseUrl) {
        Registration registration = registration(candidateNo);
        FormFacts facts = FormFacts.of(registration, campaigns.regionName(registration.region()));
        byte[] bytes = switch (kind) {
            case PROBATION_CERT_FORM -> FormsPdf.probationCertificate(font.get(), facts);
            case PRACTICE_PERIOD_CERT_FORM -> FormsPdf.practicePeriodCertificate(font.get(), facts);
            case GRADUATE_COMMITMENT_FORM -> FormsPdf.graduateCommitment(font.get(), facts);
            case REGISTRATION_NOTICE -> notice(candidateNo, facts, baseUrl);
        };
        return new Pdf(
                kind.title() + "-" + candidateNo + ".pdf",
                kind.name().toLowerCase().replace('_', '-') + "-" + candidateNo + ".pdf",
                bytes);
    }

    private byte[] notice(String candidateNo, FormFacts facts, String baseUrl) {
        noticeRefusal(candidateNo).ifPresent(reason -> {
            throw DomainException.conflict("NOTICE_NOT_AVAILABLE", reason);
        });
        String serial = serialNumbers.of(candidateNo).orElseThrow();
        CaseStatus status = statuses.statusOf(candidateNo).orElseThrow();
        NoticeCodes.Notice notice = notices.issue(candidateNo, serial, clock.now());
        return NoticePdf.render(
                font.get(),
                facts,
                new NoticePdf.Issue(
                        notice.serial(),
                        status == CaseStatus.FINAL_PASSED ? "资格审核终审通过" : "考点资格初审通过，等待考区终审",
                        notice.code(),
                        baseUrl + "/verify/" + notice.code(),
                        clock.now().atZone(properties.timeZone()).format(PRINTED_AT)));
    }

    /** Why the notice cannot be printed now, if it cannot: it carries the serial number of a passed site review. */
    private Optional<String> noticeRefusal(String candidateNo) {
        CaseStatus status = statuses.statusOf(candidateNo).orElse(null);
        if (status != null
                && SITE_PASSED.contains(status)
                && serialNumbers.of(candidateNo).isPresent()) {
            return Optional.empty();
        }
        if (status == null) {
            return Optional.of("考点资格初审尚未通过：初审通过、序列号处出现数字后才能打印报名成功通知单");
        }
        return Optional.of(
                switch (status) {
                    case NOT_QUALIFIED -> "资格审核不通过，不能打印报名成功通知单";
                    case EXPIRED -> "未在规定时间内提交材料，审核已结束，不能打印报名成功通知单";
                    case CANCELLED -> "已取消报名，不能打印报名成功通知单";
                    default -> "考点资格初审尚未通过：初审通过、序列号处出现数字后才能打印报名成功通知单";
                });
    }

    private Registration registration(String candidateNo) {
        return registrations.find(candidateNo).orElseThrow(() -> DomainException.notFound("未找到您的报名信息"));
    }
}
