package cn.medexam.qualification.review;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.documents.ImageFingerprints;
import cn.medexam.qualification.documents.ImageViews;
import cn.medexam.qualification.documents.MaterialImage;
import cn.medexam.qualification.documents.TruthfulnessPledges;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.Masking;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case as its reviewers see it: the exam site's reviewers (group site-&lt;examSite&gt;) and the region's
 * (region-&lt;REGION&gt;). Anyone else learns nothing, not even that the candidate exists: 404.
 */
@RestController
@RequestMapping("/api/review/cases/{candidateNo}")
class ReviewCaseController {

    private final ReviewerAccess access;
    private final Checklists checklists;
    private final DocumentStore documents;
    private final CaseStatusResolver statuses;
    private final SerialNumbers serialNumbers;
    private final ReviewService reviews;
    private final ImageViews imageViews;
    private final EngineClock clock;
    private final PaperForms paperForms;
    private final ReviewProperties properties;
    private final TruthfulnessPledges pledges;
    private final ImageFingerprints fingerprints;
    private final Registrations registrations;

    ReviewCaseController(
            ReviewerAccess access,
            Checklists checklists,
            DocumentStore documents,
            CaseStatusResolver statuses,
            SerialNumbers serialNumbers,
            ReviewService reviews,
            ImageViews imageViews,
            EngineClock clock,
            PaperForms paperForms,
            ReviewProperties properties,
            TruthfulnessPledges pledges,
            ImageFingerprints fingerprints,
            Registrations registrations) {
        this.fingerprints = fingerprints;
        this.registrations = registrations;
        this.pledges = pledges;
        this.paperForms = paperForms;
        this.properties = properties;
        this.imageViews = imageViews;
        this.clock = clock;
        this.access = access;
        this.checklists = checklists;
        this.documents = documents;
        this.statuses = statuses;
        this.serialNumbers = serialNumbers;
        this.reviews = reviews;
    }

    record ReviewCase(
            String candidateNo,
            String name,
            String idType,
            String idNumber,
            String phone,
            String region,
            String examSite,
            int examYear,
            String level,
            String category,
            String education,
            String school,
            String major,
            LocalDate graduatedOn,
            String probationInstitution,
            String institutionLicenseNo,
            String assistantCertificateNo,
            CaseStatus status,
            String serialNumber,
            String openReview,
            List<Material> checklist,
            Map<String, String> latestReturns,
            PaperForm paperForm,
            Instant pledgedAt,
            int siteRound,
            Instant returnedAt,
            SiteReview siteReview) {}

    /**
     * The site's pass the region's final review starts from: which round passed (SITE, OFFLINE, ON_SITE), who, when,
     * and the site reviewer's note per material (material code to note; materials without a note are absent).
     */
    record SiteReview(String stage, String reviewer, Instant decidedAt, Map<String, String> notes) {}

    /**
     * 报名暨授予医师资格申请表: what the region asks ({@code NOT_COLLECTED}, {@code RECORDED},
     * {@code REQUIRED_FOR_FINAL_PASS}) and, once recorded, the day the site received it and who recorded it.
     */
    record PaperForm(String requirement, LocalDate receivedOn, String recordedBy, Instant recordedAt) {}

    record PaperFormRequest(LocalDate receivedOn) {}

    record Material(String code, String name, boolean required, int maxImages, List<Image> images) {}

    /**
     * @param duplicateWarning e.g. 此图片与另外 1 名考生上传的图片相同, when other candidates of the campaign uploaded the
     *                         same or a near-identical picture; null otherwise
     * @param newSinceReturn   uploaded since the latest return (a resubmission's new image; the images then returned
     *                         were all there before it)
     */
    record Image(
            String id,
            String status,
            Instant uploadedAt,
            int bytes,
            String contentType,
            String duplicateWarning,
            List<DuplicateOf> duplicates,
            boolean newSinceReturn) {}

    /**
     * Another candidate's near-identical image: their exam site always, their candidate number only for a reviewer
     * who may see that case (null otherwise).
     */
    record DuplicateOf(String examSite, String candidateNo, String material, Instant uploadedAt) {}

    record DecisionRequest(
            ReviewOutcome outcome, String reason, Map<String, String> returns, Map<String, String> notes) {}

    @ApiResponse(responseCode = "200", description = "审核视图：证件号、手机号已遮蔽")
    @ApiResponse(responseCode = "404", description = "未找到该考生，或无权查看")
    @GetMapping
    ReviewCase view(@PathVariable String candidateNo, Authentication reviewer) {
        Registration r = access.registrationFor(candidateNo, reviewer);
        List<MaterialImage> images = documents.images(candidateNo);
        Map<String, List<DuplicateOf>> duplicates = duplicatesOf(images, reviewer);
        Instant returnedAt = reviews.latestReturnAt(candidateNo).orElse(null);
        List<Material> checklist = checklists.activeMaterials(candidateNo).stream()
                .map(m -> new Material(
                        m.code(),
                        m.name(),
                        m.required(),
                        m.maxImages(),
                        images.stream()
                                .filter(i -> i.materialCode().equals(m.code()))
                                .map(i -> new Image(
                                        i.id(),
                                        i.locked() ? "LOCKED" : "UNLOCKED",
                                        i.uploadedAt(),
                                        i.bytes(),
                                        i.contentType(),
                                        duplicateWarning(duplicates.get(i.id())),
                                        duplicates.getOrDefault(i.id(), List.of()),
                                        returnedAt != null && !i.uploadedAt().isBefore(returnedAt)))
                                .toList()))
                .toList();
        return new ReviewCase(
                r.candidateNo(),
                r.name(),
                r.idType().name(),
                Masking.idNumber(r.idNumber()),
                Masking.phone(r.phone()),
                r.region().name(),
                r.examSite(),
                r.examYear(),
                r.level().name(),
                r.category().name(),
                r.education().name(),
                r.school(),
                r.major(),
                r.graduatedOn(),
                r.probationInstitution(),
                r.institutionLicenseNo(),
                r.assistantCertificateNo(),
                statuses.statusOf(candidateNo).orElse(null),
                serialNumbers.of(candidateNo).orElse(null),
                access.openStage(candidateNo).map(Enum::name).orElse(null),
                checklist,
                reviews.latestReturns(candidateNo),
                paperForm(candidateNo),
                // 真实性承诺: when the candidate last confirmed it (null: never; regions without it need none)
                pledges.latest(candidateNo)
                        .map(TruthfulnessPledges.Pledge::pledgedAt)
                        .orElse(null),
                reviews.siteRound(candidateNo),
                returnedAt,
                reviews.latestSitePass(candidateNo).orElse(null));
    }

    private PaperForm paperForm(String candidateNo) {
        String requirement = paperForms.requirement(candidateNo).name();
        return paperForms
                .receipt(candidateNo)
                .map(r -> new PaperForm(requirement, r.receivedOn(), r.recordedBy(), r.recordedAt()))
                .orElse(new PaperForm(requirement, null, null, null));
    }

    /** 登记纸质申请表: a reviewer of the candidate's exam site records the day the signed paper form arrived. */
    @PutMapping("/paper-form")
    @ApiResponse(responseCode = "200", description = "已登记收到日期")
    @ApiResponse(responseCode = "403", description = "SITE_REVIEWERS_ONLY")
    @ApiResponse(responseCode = "409", description = "PAPER_FORM_NOT_COLLECTED")
    @ApiResponse(responseCode = "400", description = "NO_RECEIVED_ON：缺少日期；RECEIVED_ON_IN_FUTURE：日期在将来")
    @ApiResponse(responseCode = "404", description = "未找到该考生，或无权查看")
    ReviewCase recordPaperForm(
            @PathVariable String candidateNo, @RequestBody PaperFormRequest request, Authentication reviewer) {
        access.siteReviewerFor(candidateNo, reviewer);
        if (request == null || request.receivedOn() == null) {
            throw ApiException.badRequest("NO_RECEIVED_ON", "请填写收到纸质申请表的日期，例如 2027-02-20");
        }
        if (request.receivedOn().isAfter(LocalDate.ofInstant(clock.now(), properties.timeZone()))) {
            throw ApiException.badRequest("RECEIVED_ON_IN_FUTURE", "收到纸质申请表的日期不能晚于今天");
        }
        paperForms.record(candidateNo, request.receivedOn(), reviewer.getName(), clock.now());
        return view(candidateNo, reviewer);
    }

    private Map<String, List<DuplicateOf>> duplicatesOf(List<MaterialImage> images, Authentication reviewer) {
        Map<String, List<DuplicateOf>> shown = new java.util.HashMap<>();
        fingerprints
                .duplicatesOf(images.stream().map(MaterialImage::id).toList())
                .forEach((imageId, others) -> shown.put(
                        imageId,
                        others.stream()
                                .map(other -> {
                                    var registration = registrations.find(other.candidateNo());
                                    boolean maysee =
                                            registration.isPresent() && access.mayView(registration.get(), reviewer);
                                    return new DuplicateOf(
                                            registration
                                                    .map(Registration::examSite)
                                                    .orElse(null),
                                            maysee ? other.candidateNo() : null,
                                            other.materialCode(),
                                            other.uploadedAt());
                                })
                                .toList()));
        return shown;
    }

    private static String duplicateWarning(List<DuplicateOf> duplicates) {
        if (duplicates == null || duplicates.isEmpty()) {
            return null;
        }
        long candidates = duplicates.stream()
                .map(d -> d.candidateNo() == null ? d.examSite() + "/" + d.uploadedAt() : d.candidateNo())
                .distinct()
                .count();
        return "此图片与另外 " + candidates + " 名考生上传的图片相同";
    }

    @ApiResponse(responseCode = "200", description = "图片本身", content = @Content(mediaType = "image/*"))
    @ApiResponse(responseCode = "404", description = "未找到该考生或图片，或无权查看")
    @GetMapping("/images/{imageId}")
    ResponseEntity<byte[]> image(
            @PathVariable String candidateNo, @PathVariable String imageId, Authentication reviewer) {
        access.registrationFor(candidateNo, reviewer);
        MaterialImage image = documents.images(candidateNo).stream()
                .filter(i -> i.id().equals(imageId))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("未找到该图片"));
        byte[] bytes = documents.content(candidateNo, imageId).orElseThrow(() -> ApiException.notFound("未找到该图片"));
        imageViews.record(reviewer.getName(), image, clock.now());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("Cache-Control", "private, no-store")
                .body(bytes);
    }

    /** The verdict of the review round that is open now (site, offline or region), by a reviewer of that round. */
    @PostMapping("/decision")
    @ApiResponse(responseCode = "200", description = "结论已记录：案件的审核视图")
    @ApiResponse(responseCode = "400", description = "NO_OUTCOME 等：结论或原因缺失；INVALID_INPUT：退回或备注的材料不在清单中，或文字超过 500 字")
    @ApiResponse(responseCode = "422", description = "PAPER_FORM_MISSING：考区规定终审须先收到纸质申请表")
    @ApiResponse(responseCode = "409", description = "NO_REVIEW_TASK：当前没有待处理的审核任务；NOT_YOUR_REVIEW：该轮审核不归您的考点或考区")
    @ApiResponse(responseCode = "404", description = "未找到该考生，或无权查看")
    ReviewCase decide(@PathVariable String candidateNo, @RequestBody DecisionRequest request, Authentication reviewer) {
        ReviewStage stage = access.stageFor(candidateNo, reviewer);
        if (request.outcome() == null) {
            throw ApiException.badRequest("NO_OUTCOME", "请选择审核结论：通过（PASS）、退回（RETURN）、不合格（NOT_QUALIFIED）或现场审核（ON_SITE）");
        }
        reviews.decide(
                candidateNo,
                stage,
                new Verdict(
                        request.outcome(),
                        request.reason(),
                        request.returns() == null ? Map.of() : request.returns(),
                        request.notes() == null ? Map.of() : request.notes()),
                reviewer.getName());
        return view(candidateNo, reviewer);
    }

    /**
     * 下一位: after deciding this case in round {@code decided}, the next unclaimed case of the same Tasklist filter,
     * claimed for the reviewer; 204 when none waits.
     */
    @ApiResponse(responseCode = "200", description = "下一位：已为您认领的任务 {candidateNo, taskId}")
    @ApiResponse(responseCode = "204", description = "没有待审的下一位")
    @ApiResponse(responseCode = "400", description = "NO_STAGE：未说明刚完成的审核环节")
    @ApiResponse(responseCode = "404", description = "未找到该考生，或无权查看")
    @PostMapping("/next")
    ResponseEntity<ReviewService.NextCase> next(
            @PathVariable String candidateNo, @RequestBody NextRequest request, Authentication reviewer) {
        Registration r = access.registrationFor(candidateNo, reviewer);
        if (request == null || request.decided() == null) {
            throw ApiException.badRequest("NO_STAGE", "请说明刚完成的审核环节：SITE、OFFLINE、ON_SITE 或 REGION");
        }
        String group = request.decided() == ReviewStage.REGION
                ? ReviewGroups.region(r.region().name())
                : ReviewGroups.site(r.examSite());
        if (!access.inGroup(reviewer, group)) {
            throw ApiException.notFound("未找到该考生，或您无权查看该考生的材料");
        }
        return reviews.claimNext(group, request.decided(), reviewer.getName())
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.noContent().build());
    }

    record NextRequest(ReviewStage decided) {}

    /** 放回待审列表: the reviewer gives back the review task they claimed. */
    @PostMapping("/release")
    @ApiResponse(responseCode = "204", description = "已放回待审列表")
    @ApiResponse(
            responseCode = "409",
            description = "NOT_CLAIMED_BY_YOU：不是您认领的；NO_REVIEW_TASK：当前没有待处理的审核任务；NOT_YOUR_REVIEW")
    @ApiResponse(responseCode = "404", description = "未找到该考生，或无权查看")
    ResponseEntity<Void> release(@PathVariable String candidateNo, Authentication reviewer) {
        reviews.release(candidateNo, access.stageFor(candidateNo, reviewer), reviewer.getName());
        return ResponseEntity.noContent().build();
    }
}
