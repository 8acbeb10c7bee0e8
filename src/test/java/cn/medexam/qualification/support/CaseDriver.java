package cn.medexam.qualification.support;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.notification.CandidateMessage;
import cn.medexam.qualification.notification.Notifier;
import cn.medexam.qualification.registration.RegistrationService;
import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.review.ReviewStage;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.system.CaseActivities;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drives cases through their lifecycle the way their people do: the registration system registers, the candidate
 * uploads and submits, reviewers decide, time passes. Time passes by moving the engine clock to a timer's due date
 * and executing that timer; nothing sleeps.
 */
@Component
public class CaseDriver {

    /** Shandong 2026: uploads open 2026-01-08, close at the end of 2026-02-10; review opens 2026-02-27. */
    public static final OffsetDateTime DURING_UPLOAD = OffsetDateTime.parse("2026-01-15T10:00:00+08:00");

    private final RegistrationService registrations;
    private final DocumentStore documents;
    private final Checklists checklists;
    private final ReviewService reviews;
    private final Notifier notifier;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final JdbcClient jdbc;

    CaseDriver(
            RegistrationService registrations,
            DocumentStore documents,
            Checklists checklists,
            ReviewService reviews,
            Notifier notifier,
            RuntimeService runtimeService,
            TaskService taskService,
            ManagementService managementService,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.documents = documents;
        this.checklists = checklists;
        this.reviews = reviews;
        this.notifier = notifier;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    // --- time --------------------------------------------------------------------------------------------------

    public void clockAt(OffsetDateTime moment) {
        ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The case's timer at that activity, as it waits now. */
    public Job timer(ProcessInstance instance, String activityId) {
        return managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** Lets time run to the timer's due date and fires it. */
    public void passTimeUntil(ProcessInstance instance, String activityId) {
        Job timer = timer(instance, activityId);
        if (timer == null) {
            throw new AssertionError("case " + instance.getBusinessKey() + " has no timer waiting at " + activityId);
        }
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        managementService.executeJob(timer.getId());
    }

    /**
     * Runs the engine batches the application started (a campaign change moving its waiting timers) as the job
     * executor would: the seed job until every batch job exists, the batch jobs, then the monitor job that ends the
     * batch.
     */
    public void runBatches() {
        for (Batch batch : managementService.createBatchQuery().list()) {
            runAll(batch.getSeedJobDefinitionId());
            runAll(batch.getBatchJobDefinitionId());
            managementService
                    .createJobQuery()
                    .jobDefinitionId(batch.getMonitorJobDefinitionId())
                    .list()
                    .forEach(monitor -> managementService.executeJob(monitor.getId()));
        }
    }

    private void runAll(String jobDefinitionId) {
        for (List<Job> jobs = managementService
                        .createJobQuery()
                        .jobDefinitionId(jobDefinitionId)
                        .list();
                !jobs.isEmpty();
                jobs = managementService
                        .createJobQuery()
                        .jobDefinitionId(jobDefinitionId)
                        .list()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    // --- registration system -------------------------------------------------------------------------------------

    public ProcessInstance register(Applicant applicant) {
        return registrations.register(applicant.registration()).orElseGet(() -> instance(applicant.candidateNo));
    }

    public void change(Applicant applicant, Consumer<Applicant> change) {
        change.accept(applicant);
        registrations.change(applicant.candidateNo, applicant.registration());
    }

    public void cancel(Applicant applicant) {
        registrations.cancel(applicant.candidateNo);
    }

    public ProcessInstance instance(String candidateNo) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(candidateNo)
                .singleResult();
    }

    // --- candidate -----------------------------------------------------------------------------------------------

    public void uploadRequired(Applicant applicant) {
        checklists.requiredCodes(applicant.candidateNo).forEach(code -> upload(applicant, code));
    }

    public void upload(Applicant applicant, String materialCode) {
        documents.add(applicant.candidateNo, materialCode, "image/png", documentImage(), now());
    }

    /** The candidate completes their open upload or resubmission task. */
    public void submit(Applicant applicant) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .taskAssignee(applicant.candidateNo)
                .singleResult();
        if (task == null) {
            throw new AssertionError("candidate " + applicant.candidateNo + " has no open upload task");
        }
        taskService.complete(task.getId());
    }

    /** Registered, uploaded everything, submitted, and the review has opened. */
    public ProcessInstance submittedAndReviewOpen(Applicant applicant) {
        ProcessInstance instance = register(applicant);
        uploadRequired(applicant);
        submit(applicant);
        passTimeUntil(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING);
        return instance;
    }

    public List<CandidateMessage> messages(Applicant applicant) {
        return notifier.messages(applicant.candidateNo);
    }

    /** "KIND to phone" of every SMS queued for the candidate, oldest first. */
    public List<String> smsQueued(Applicant applicant) {
        return jdbc.sql("SELECT kind, phone FROM sms_outbox WHERE candidate_no = ? ORDER BY seq")
                .param(applicant.candidateNo)
                .query((rs, row) -> rs.getString("kind") + " to " + rs.getString("phone"))
                .list();
    }

    // --- reviewers -----------------------------------------------------------------------------------------------

    public void siteReview(Applicant applicant, Verdict verdict) {
        reviews.decide(applicant.candidateNo, ReviewStage.SITE, verdict, "reviewer-3701");
    }

    public void returnMaterials(Applicant applicant, Map<String, String> returns) {
        siteReview(applicant, Verdict.returning(returns));
    }

    public void offlineReview(Applicant applicant, Verdict verdict) {
        reviews.decide(applicant.candidateNo, ReviewStage.OFFLINE, verdict, "reviewer-3701");
    }

    public void onSiteReview(Applicant applicant, Verdict verdict) {
        reviews.decide(applicant.candidateNo, ReviewStage.ON_SITE, verdict, "reviewer-3701");
    }

    public void finalReview(Applicant applicant, Verdict verdict) {
        reviews.decide(applicant.candidateNo, ReviewStage.REGION, verdict, "reviewer-shandong");
    }

    /** A returned candidate re-uploads every returned material and resubmits; the review round starts again. */
    public void resubmit(Applicant applicant, ProcessInstance instance, String... materialCodes) {
        for (String code : materialCodes) {
            upload(applicant, code);
        }
        submit(applicant);
        passTimeUntil(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING);
    }

    /** A small real PNG, a different one each time (one pixel is random). */
    private static byte[] documentImage() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.fillRect(4, 4, 56, 40);
        graphics.dispose();
        image.setRGB(0, 0, ThreadLocalRandom.current().nextInt(0x1000000));
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
