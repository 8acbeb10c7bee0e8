package cn.medexam.qualification.office;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database upgraded while a season is under way: its cases have no progress rows. The backfill writes for each the
 * row and the events the history handler would have written, read from the engine; rows that exist stay as they are.
 */
@EngineTest
class ProgressBackfillTest {

    /** A site of its own, so that the other tests' cases do not count here. */
    final String SITE = "B" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    static final String ROW_COLUMNS = """
            candidate_no, process_instance_id, region, exam_year, exam_site, status, wait_activity, wait_since,
            end_activity, ended_at, locked_at, return_count, returned_at, serial_number, deadline, review_task_id,
            review_stage, review_since, claimed_by, claimed_at""";

    static final String EVENT_COLUMNS =
            "candidate_no, region, exam_year, exam_site, kind, stage, outcome, actor, happened_at, happened_on";

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    Checklists checklists;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProgressBackfill backfill;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void casesOfAnUpgradedDatabaseGetTheRowsTheHistoryHandlerWouldHaveWritten() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        Applicant notSubmitted = applicant();
        Applicant claimedInSiteReview = applicant();
        Applicant resubmitted = applicant();
        Applicant finalPassed = applicant();
        Applicant notQualified = applicant();
        Applicant cancelled = applicant();
        List<Applicant> all =
                List.of(notSubmitted, claimedInSiteReview, resubmitted, finalPassed, notQualified, cancelled);
        List<ProcessInstance> instances = new ArrayList<>();
        for (Applicant applicant : all) {
            instances.add(cases.register(applicant));
        }
        for (Applicant applicant : List.of(claimedInSiteReview, resubmitted, finalPassed, notQualified)) {
            cases.uploadRequired(applicant);
            cases.submit(applicant);
            cases.passTimeUntil(instances.get(all.indexOf(applicant)), "waitForReviewOpening");
        }
        cases.returnMaterials(resubmitted, Map.of(firstRequired(resubmitted), "图片不清晰，请重新上传"));
        cases.uploadRequired(resubmitted);
        cases.submit(resubmitted);
        cases.siteReview(finalPassed, Verdict.pass());
        cases.finalReview(finalPassed, Verdict.pass());
        cases.siteReview(notQualified, Verdict.notQualified("试用期考核证明非本年度出具"));
        cases.cancel(cancelled);
        taskService.claim(
                taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(claimedInSiteReview.candidateNo)
                        .singleResult()
                        .getId(),
                TestUsers.SITE_REVIEWER);

        List<Map<String, Object>> rowsAsWritten = rows();
        List<Map<String, Object>> eventsAsWritten = events();
        assertThat(rowsAsWritten).hasSize(all.size());
        assertThat(eventsAsWritten).extracting(e -> e.get("kind")).contains("SUBMITTED", "RESUBMITTED", "DECIDED");

        Map<String, Object> untouched = rowsAsWritten.get(0);
        jdbc.sql("DELETE FROM progress_event WHERE exam_site = ?").param(SITE).update();
        jdbc.sql("DELETE FROM case_progress WHERE exam_site = ? AND candidate_no <> ?")
                .param(SITE)
                .param(untouched.get("candidate_no"))
                .update();

        assertThat(backfill.backfill()).isEqualTo(all.size() - 1);

        assertThat(rows()).containsExactlyInAnyOrderElementsOf(rowsAsWritten);
        List<Map<String, Object>> expectedEvents = eventsAsWritten.stream()
                .filter(e -> !e.get("candidate_no").equals(untouched.get("candidate_no")))
                .toList();
        assertThat(events()).containsExactlyInAnyOrderElementsOf(expectedEvents);
        assertThat(backfill.backfill()).isZero();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM case_progress WHERE exam_site = ?")
                .param(SITE)
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> events() {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM progress_event WHERE exam_site = ?")
                .param(SITE)
                .query()
                .listOfRows();
    }

    private Applicant applicant() {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examSite = SITE;
        return applicant;
    }

    private String firstRequired(Applicant applicant) {
        return checklists.requiredCodes(applicant.candidateNo).get(0);
    }
}
