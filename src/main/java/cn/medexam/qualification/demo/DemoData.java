package cn.medexam.qualification.demo;

import cn.medexam.qualification.campaign.CampaignForm;
import cn.medexam.qualification.campaign.CampaignService;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registration.Category;
import cn.medexam.qualification.registration.Registration.Education;
import cn.medexam.qualification.registration.Registration.ExamLevel;
import cn.medexam.qualification.registration.Registration.GraduateStatus;
import cn.medexam.qualification.registration.Registration.IdType;
import cn.medexam.qualification.registration.Registration.InstitutionTier;
import cn.medexam.qualification.registration.Registration.MilitaryStatus;
import cn.medexam.qualification.registration.Registration.Nationality;
import cn.medexam.qualification.registration.RegistrationService;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.review.ReviewStage;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: demo users with demo passwords, a Shandong 2027 campaign whose review is open now, and
 * candidates in every state, driven there through the same services the API and the reviewers use. Runs once,
 * on a database without demo candidates.
 */
@Component
@ConditionalOnProperty(name = "qr.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int YEAR = 2027;
    private static final String CANDIDATE_PASSWORD = "demo";

    enum Stage {
        UPLOADING,
        PARTLY_UPLOADED,
        SUBMITTED,
        RETURNED,
        SITE_PASSED,
        FINAL_PASSED,
        NOT_QUALIFIED,
        OFFLINE,
        CANCELLED
    }

    record DemoCandidate(String candidateNo, String name, String examSite, Stage stage) {}

    private static final List<DemoCandidate> CANDIDATES = List.of(
            new DemoCandidate("2027370100001", "张伟", "3701", Stage.UPLOADING),
            new DemoCandidate("2027370100002", "王芳", "3701", Stage.PARTLY_UPLOADED),
            new DemoCandidate("2027370100003", "李娜", "3701", Stage.SUBMITTED),
            new DemoCandidate("2027370200004", "刘洋", "3702", Stage.SUBMITTED),
            new DemoCandidate("2027370100005", "陈静", "3701", Stage.RETURNED),
            new DemoCandidate("2027370200006", "杨磊", "3702", Stage.RETURNED),
            new DemoCandidate("2027370100007", "赵敏", "3701", Stage.SITE_PASSED),
            new DemoCandidate("2027370200008", "黄强", "3702", Stage.SITE_PASSED),
            new DemoCandidate("2027370100009", "周杰", "3701", Stage.FINAL_PASSED),
            new DemoCandidate("2027370100010", "吴婷", "3701", Stage.NOT_QUALIFIED),
            new DemoCandidate("2027370200011", "徐刚", "3702", Stage.OFFLINE),
            new DemoCandidate("2027370100012", "孙丽", "3701", Stage.CANCELLED));

    /** Reviewer accounts: user id, name, group; the password is the user id. */
    private static final List<String[]> STAFF = List.of(
            new String[] {"admin", "考区管理员", ReviewGroups.ADMINS},
            new String[] {"registrar", "报名系统", ReviewGroups.REGISTRARS},
            new String[] {"reviewer-jinan", "济南考点审核员", ReviewGroups.site("3701")},
            new String[] {"reviewer-qingdao", "青岛考点审核员", ReviewGroups.site("3702")},
            new String[] {"reviewer-shandong", "山东考区审核员", ReviewGroups.region("SHANDONG")});

    private final RegistrationService registrationService;
    private final Registrations registrations;
    private final Checklists checklists;
    private final DocumentStore documents;
    private final ReviewService reviews;
    private final CampaignService campaigns;
    private final IdentityService identityService;
    private final IdentityProvisioning identity;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ReviewProperties properties;
    private final EngineClock clock;

    DemoData(
            RegistrationService registrationService,
            Registrations registrations,
            Checklists checklists,
            DocumentStore documents,
            ReviewService reviews,
            CampaignService campaigns,
            IdentityService identityService,
            IdentityProvisioning identity,
            TaskService taskService,
            ManagementService managementService,
            ReviewProperties properties,
            EngineClock clock) {
        this.registrationService = registrationService;
        this.registrations = registrations;
        this.checklists = checklists;
        this.documents = documents;
        this.reviews = reviews;
        this.campaigns = campaigns;
        this.identityService = identityService;
        this.identity = identity;
        this.taskService = taskService;
        this.managementService = managementService;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs after the engine is up and before its job executor starts (that waits for the application to be ready). */
    @Override
    public void run(ApplicationArguments args) {
        if (registrations.find(CANDIDATES.get(0).candidateNo()).isPresent()) {
            return;
        }
        identity.provisionStandingGroups();
        identity.ensureReviewerGroups("3701", "SHANDONG");
        identity.ensureReviewerGroups("3702", "SHANDONG");
        STAFF.forEach(staff -> user(staff[0], staff[1], staff[0], staff[2]));
        openDemoCampaign();
        CANDIDATES.forEach(this::bring);
        log.info("demo data loaded: {} candidates of SHANDONG {}", CANDIDATES.size(), YEAR);
    }

    /** Shandong 2027 as if the season were on now: uploads open, online review started yesterday. */
    private void openDemoCampaign() {
        LocalDate today = clock.now().atZone(properties.timeZone()).toLocalDate();
        CampaignForm form = campaigns.formFor(Region.SHANDONG, YEAR);
        form.uploadOpens = today.minusDays(14);
        form.uploadCloses = today.plusDays(30);
        form.reminderLead = Duration.ofDays(3);
        form.reviewOpens = today.minusDays(1);
        form.resubmissionDeadline = today.plusDays(45);
        form.resubmissionPeriod = null;
        form.finalReviewEnds = today.plusDays(75);
        campaigns.save(Region.SHANDONG, YEAR, form);
    }

    private void bring(DemoCandidate candidate) {
        Registration registration = registration(candidate);
        registrationService.register(registration);
        user(candidate.candidateNo(), candidate.name(), CANDIDATE_PASSWORD, ReviewGroups.CANDIDATES);
        String no = candidate.candidateNo();
        switch (candidate.stage()) {
            case UPLOADING, OFFLINE -> {}
            case PARTLY_UPLOADED -> upload(no, "ID_PROOF", 3);
            case CANCELLED -> registrationService.cancel(no);
            default -> {
                submitted(no);
                switch (candidate.stage()) {
                    case RETURNED ->
                        reviews.decide(
                                no,
                                ReviewStage.SITE,
                                Verdict.returning(
                                        no.endsWith("5")
                                                ? Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！")
                                                : Map.of("ID_PROOF", "手持身份证照片不清晰，请重新拍摄上传！")),
                                reviewer(candidate));
                    case SITE_PASSED -> reviews.decide(no, ReviewStage.SITE, Verdict.pass(), reviewer(candidate));
                    case FINAL_PASSED -> {
                        reviews.decide(no, ReviewStage.SITE, Verdict.pass(), reviewer(candidate));
                        reviews.decide(no, ReviewStage.REGION, Verdict.pass(), "reviewer-shandong");
                    }
                    case NOT_QUALIFIED ->
                        reviews.decide(
                                no, ReviewStage.SITE, Verdict.notQualified("试用期考核合格证明非本年度出具"), reviewer(candidate));
                    default -> {}
                }
            }
        }
    }

    /** Uploads every required material, submits, and lets the review-open timer (already due) fire. */
    private void submitted(String candidateNo) {
        checklists
                .requiredCodes(candidateNo)
                .forEach(code -> upload(candidateNo, code, code.equals("ID_PROOF") ? 3 : 1));
        var task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(candidateNo)
                .taskAssignee(candidateNo)
                .singleResult();
        taskService.complete(task.getId());
        Job reviewOpens = managementService
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .activityId(CaseActivities.WAIT_FOR_REVIEW_OPENING)
                .singleResult();
        managementService.executeJob(reviewOpens.getId());
    }

    private void upload(String candidateNo, String materialCode, int images) {
        for (int page = 1; page <= images; page++) {
            documents.add(
                    candidateNo,
                    materialCode,
                    "image/png",
                    documentImage(candidateNo, materialCode, page),
                    clock.now());
        }
    }

    private static String reviewer(DemoCandidate candidate) {
        return candidate.examSite().equals("3701") ? "reviewer-jinan" : "reviewer-qingdao";
    }

    private void user(String id, String name, String password, String groupId) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            identityService.saveGroup(identityService.newGroup(groupId));
        }
        User user = identityService.newUser(id);
        user.setFirstName(name);
        user.setLastName("");
        user.setPassword(password);
        // the README's demo passwords are shorter than the password rules, on purpose and in the demo only
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        identityService.createMembership(id, groupId);
    }

    private static Registration registration(DemoCandidate c) {
        boolean serving = c.stage() == Stage.OFFLINE;
        String serial = c.candidateNo().substring(c.candidateNo().length() - 4);
        return new Registration(
                c.candidateNo(),
                c.name(),
                serving ? IdType.MILITARY_ID : IdType.RESIDENT_ID,
                "37010219900101" + serial,
                "1380013" + serial,
                Region.SHANDONG,
                c.examSite(),
                YEAR,
                ExamLevel.PHYSICIAN,
                Category.CLINICAL,
                Education.BACHELOR,
                GraduateStatus.NONE,
                null,
                null,
                false,
                null,
                InstitutionTier.OTHER,
                1,
                false,
                Nationality.CN,
                false,
                false,
                false,
                serving ? MilitaryStatus.SERVING : MilitaryStatus.NONE,
                true,
                "山东第一医科大学",
                "临床医学",
                LocalDate.of(YEAR - 2, 6, 30),
                c.examSite().equals("3701") ? "济南市中心医院" : "青岛市市立医院",
                "PDY" + c.examSite() + "0" + serial,
                null);
    }

    /** A grey "photo" of a document page with its material code, so reviewers have something to look at. */
    private static byte[] documentImage(String candidateNo, String materialCode, int page) {
        BufferedImage image = new BufferedImage(800, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xEDEAE3));
        g.fillRect(0, 0, 800, 560);
        g.setColor(new Color(0x7A2E2E));
        g.setStroke(new BasicStroke(6));
        g.drawRect(40, 40, 720, 480);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(materialCode, 80, 140);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 28));
        g.drawString("candidate " + candidateNo, 80, 220);
        g.drawString("page " + page + "  (demo image)", 80, 270);
        for (int line = 0; line < 6; line++) {
            g.fillRect(80, 320 + line * 30, 480 + (line * 37 % 160), 8);
        }
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
