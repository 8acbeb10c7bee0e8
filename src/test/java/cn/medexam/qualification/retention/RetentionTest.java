package cn.medexam.qualification.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign's personal data is deleted 180 days after the end of its final review day, and nothing else. Each test
 * runs its own {@link PastCampaigns}.
 */
@EngineTest
@AutoConfigureMockMvc
class RetentionTest {

    @Autowired
    RetentionJob job;

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    PastCampaigns pastCampaigns;

    @Autowired
    Registrations registrations;

    @Autowired
    DocumentStore documents;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void reviewers() {
        users.ensureExist();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCampaignsImagesMessagesAndAccountsAreDeletedOnceItsRetentionHasPassed() throws Exception {
        int year = pastCampaigns.fresh();
        List<Applicant> applicants = List.of(
                PastCampaigns.applicantOf(year), PastCampaigns.applicantOf(year), PastCampaigns.applicantOf(year));
        for (Applicant applicant : applicants) {
            aCaseWithEverything(applicant);
        }
        List<String> demoSms = demoSmsOf(applicants);
        assertThat(demoSms).hasSizeGreaterThanOrEqualTo(2 * applicants.size());

        clockAt(PastCampaigns.retentionEnds(year));
        job.run();

        for (Applicant applicant : applicants) {
            assertThat(personalData(applicant))
                    .as(applicant.candidateNo)
                    .containsOnly(
                            Map.entry("material_image", 0),
                            Map.entry("image_view", 0),
                            Map.entry("candidate_message", 0),
                            Map.entry("sms_outbox", 0),
                            Map.entry("activation_code", 0),
                            Map.entry("candidate_profile", 0),
                            Map.entry("account", 0));
            assertThat(registrations.find(applicant.candidateNo))
                    .as("the registration stays")
                    .isPresent();
        }
        assertThat(demoSmsCount(demoSms)).isZero();
        assertThat(purge(year))
                .containsEntry("candidates", 3)
                .containsEntry("images", 3)
                .containsEntry("image_views", 3)
                .containsEntry("accounts", 3)
                .containsEntry("profiles", 3)
                .containsEntry("activation_codes", 3)
                .containsEntry("finished", 1);
        assertThat(purge(year).get("messages")).isEqualTo(3);
        assertThat(purge(year).get("sms")).isEqualTo(demoSms.size());
    }

    @Test
    void anotherCampaignsDataIsUntouched() throws Exception {
        int year = pastCampaigns.fresh();
        int laterYear = pastCampaigns.fresh();
        Applicant due = aCaseWithEverything(PastCampaigns.applicantOf(Math.min(year, laterYear)));
        Applicant other = aCaseWithEverything(PastCampaigns.applicantOf(Math.max(year, laterYear)));
        Map<String, Integer> othersData = personalData(other);
        List<String> othersDemoSms = demoSmsOf(List.of(other));

        clockAt(PastCampaigns.retentionEnds(Math.min(year, laterYear)).plus(Period.ofDays(1)));
        job.run();

        assertThat(personalData(due).values()).containsOnly(0);
        assertThat(personalData(other))
                .isEqualTo(othersData)
                .containsEntry("account", 1)
                .containsEntry("material_image", 1)
                .containsEntry("image_view", 1);
        assertThat(demoSmsCount(othersDemoSms)).isEqualTo(othersDemoSms.size());
        assertThat(purge(Math.max(year, laterYear))).isEmpty();
    }

    @Test
    void nothingIsDeletedBeforeTheRetentionHasPassed() throws Exception {
        int year = pastCampaigns.fresh();
        Applicant applicant = aCaseWithEverything(PastCampaigns.applicantOf(year));
        Map<String, Integer> data = personalData(applicant);

        clockAt(PastCampaigns.retentionEnds(year).minusSeconds(1));
        job.run();

        assertThat(personalData(applicant)).isEqualTo(data);
        assertThat(purge(year)).isEmpty();

        clockAt(PastCampaigns.retentionEnds(year));
        job.run();

        assertThat(personalData(applicant).values()).containsOnly(0);
    }

    @Test
    void runningTwiceIsHarmless() throws Exception {
        int year = pastCampaigns.fresh();
        Applicant applicant = aCaseWithEverything(PastCampaigns.applicantOf(year));
        clockAt(PastCampaigns.retentionEnds(year));
        job.run();
        Map<String, Integer> counts = purge(year);

        job.run();

        assertThat(purge(year)).isEqualTo(counts).containsEntry("candidates", 1).containsEntry("finished", 1);
        assertThat(personalData(applicant).values()).containsOnly(0);
        assertThat(registrations.find(applicant.candidateNo)).isPresent();
    }

    @Test
    void aCampaignAnotherNodeIsPurgingIsSkippedAndItsPurgeContinuesLater() throws Exception {
        int year = pastCampaigns.fresh();
        Applicant applicant = aCaseWithEverything(PastCampaigns.applicantOf(year));
        clockAt(PastCampaigns.retentionEnds(year));
        // another node started this campaign's purge and holds its row in the transaction of a batch
        jdbc.sql("""
                        INSERT INTO campaign_purge (region, exam_year, started_at, last_candidate_no, candidates, images,
                               image_views, messages, sms, activation_codes, profiles, accounts)
                        VALUES ('SHANDONG', ?, CURRENT_TIMESTAMP, '', 0, 0, 0, 0, 0, 0, 0, 0)""").param(year).update();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherNode =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.sql(
                                    "SELECT exam_year FROM campaign_purge WHERE region = 'SHANDONG' AND exam_year = ? FOR UPDATE")
                            .param(year)
                            .query(Integer.class)
                            .single();
                    held.countDown();
                    await(release);
                }));
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();

            job.run();

            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                    .as("seconds waited")
                    .isLessThan(5);
            assertThat(personalData(applicant))
                    .containsEntry("material_image", 1)
                    .containsEntry("account", 1);
        } finally {
            release.countDown();
            otherNode.get(30, TimeUnit.SECONDS);
        }

        // the other node stopped without stamping the row (a crash): the next run finishes the purge
        job.run();

        assertThat(personalData(applicant).values()).containsOnly(0);
        assertThat(purge(year)).containsEntry("candidates", 1).containsEntry("finished", 1);
    }

    // --- a campaign and its cases ----------------------------------------------------------------------------------

    /**
     * An activated candidate (account, profile, activation code and its SMS) with a diploma a reviewer looked at,
     * who then cancels (a message and an SMS); every SMS delivered by the demo gateway.
     */
    private Applicant aCaseWithEverything(Applicant applicant) throws Exception {
        cases.clockAt(OffsetDateTime.parse(applicant.examYear + "-01-15T10:00:00+08:00"));
        candidates.activated(applicant);
        cases.upload(applicant, "DIPLOMA");
        String imageId = documents.images(applicant.candidateNo).get(0).id();
        api.call(
                get("/api/review/cases/" + applicant.candidateNo + "/images/" + imageId),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                200);
        cases.cancel(applicant);
        deliverSms(applicant);
        assertThat(personalData(applicant).values())
                .as("data of " + applicant.candidateNo)
                .doesNotContain(0);
        return applicant;
    }

    private void deliverSms(Applicant applicant) {
        for (String outboxId : outboxIds(List.of(applicant))) {
            ProcessInstance delivery = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey("smsDelivery")
                    .processInstanceBusinessKey(outboxId)
                    .singleResult();
            if (delivery != null) {
                for (Job job : managementService
                        .createJobQuery()
                        .processInstanceId(delivery.getId())
                        .list()) {
                    managementService.executeJob(job.getId());
                }
            }
        }
    }

    // --- what is kept ------------------------------------------------------------------------------------------------

    private Map<String, Integer> personalData(Applicant applicant) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : List.of(
                "material_image",
                "image_view",
                "candidate_message",
                "sms_outbox",
                "activation_code",
                "candidate_profile")) {
            rows.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE candidate_no = ?")
                            .param(applicant.candidateNo)
                            .query(Integer.class)
                            .single());
        }
        rows.put("account", (int)
                identityService.createUserQuery().userId(applicant.candidateNo).count());
        return rows;
    }

    private List<String> outboxIds(List<Applicant> applicants) {
        List<String> ids = new ArrayList<>();
        for (Applicant applicant : applicants) {
            ids.addAll(jdbc.sql("SELECT id FROM sms_outbox WHERE candidate_no = ?")
                    .param(applicant.candidateNo)
                    .query(String.class)
                    .list());
        }
        return ids;
    }

    /** The ids of the demo gateway's copies of these candidates' SMS. */
    private List<String> demoSmsOf(List<Applicant> applicants) {
        List<String> ids = outboxIds(applicants);
        return jdbc.sql("SELECT id FROM demo_sms WHERE id IN (:ids)")
                .param("ids", ids)
                .query(String.class)
                .list();
    }

    private int demoSmsCount(List<String> ids) {
        return jdbc.sql("SELECT COUNT(*) FROM demo_sms WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single();
    }

    /** The campaign's purge record: its counts and whether it finished (1), or empty when none started. */
    private Map<String, Integer> purge(int year) {
        return jdbc.sql("""
                        SELECT candidates, images, image_views, messages, sms, activation_codes, profiles, accounts,
                               finished_at FROM campaign_purge WHERE region = 'SHANDONG' AND exam_year = ?""")
                .param(year)
                .query((rs, row) -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (String column : List.of(
                            "candidates",
                            "images",
                            "image_views",
                            "messages",
                            "sms",
                            "activation_codes",
                            "profiles",
                            "accounts")) {
                        counts.put(column, rs.getInt(column));
                    }
                    counts.put("finished", rs.getTimestamp("finished_at") == null ? 0 : 1);
                    return counts;
                })
                .optional()
                .orElse(Map.of());
    }

    private static void clockAt(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
