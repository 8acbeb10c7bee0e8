package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.support.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractIntegerAssert;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's own API as a second door beside the application's: every attack here goes over HTTP the way a
 * person with a valid account would send it (the webapps' engine API with the session and CSRF token Tasklist
 * uses, or the engine's REST API with Basic credentials) and must be refused with nothing changed.
 */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EngineApiAttackTest {

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    CaseDriver cases;

    @Autowired
    Candidates candidates;

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    FilterService filterService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcClient jdbc;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void duringTheUploadPeriod() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** The status of an answer, described by the request and the answer's body when it is not the one expected. */
    static AbstractIntegerAssert<?> status(HttpResponse<String> response) {
        return assertThat(response.statusCode())
                .as(
                        "%s %s answered %s",
                        response.request().method(), response.uri().getPath(), response.body());
    }

    @Nested
    class ACandidateWithTheirOwnUploadTask {

        ProcessInstance instance;
        Task uploadTask;
        Map<String, Object> variablesBefore;
        WebClient candidate;

        @BeforeEach
        void activatedAndLoggedIn() throws Exception {
            candidates.activated(applicant);
            instance = cases.instance(applicant.candidateNo);
            uploadTask = openTask();
            variablesBefore = runtimeService.getVariables(instance.getId());
            candidate = new WebClient(port).logIn(applicant.candidateNo, Candidates.PASSWORD);
        }

        @Test
        void cannotSubmitTheTaskFormWithForgedVariables() {
            HttpResponse<String> forged =
                    candidate.send("POST", WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/submit-form", """
                    {"variables": {"examSite": {"value": "3702"}, "serialNumber": {"value": "2026-FORGED"},
                                   "siteOutcome": {"value": "PASS"}, "returnCount": {"value": "many"},
                                   "candidateNo": {"value": "T-SOMEONE-ELSE"}}}""");

            status(forged).isEqualTo(403);
            assertThat(forged.body()).contains("引擎接口不能修改");
            assertNothingChanged();
        }

        @Test
        void cannotCompleteTheTaskWithoutVariablesEither() {
            status(candidate.send("POST", WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/complete", "{}"))
                    .isEqualTo(403);
            assertNothingChanged();
        }

        @Test
        void cannotSetOrDeleteAVariableOfTheirCase() {
            status(candidate.send(
                            "PUT",
                            WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/variables/examSite",
                            "{\"value\": \"3702\"}"))
                    .isEqualTo(403);
            status(candidate.send(
                            "POST",
                            WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/variables",
                            "{\"modifications\": {\"serialNumber\": {\"value\": \"X\"}}}"))
                    .isEqualTo(403);
            status(candidate.send(
                            "DELETE", WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/variables/examSite", null))
                    .isIn(403, 404);
            status(candidate.send(
                            "POST",
                            WEBAPP_ENGINE + "/process-instance/" + instance.getId() + "/variables",
                            "{\"modifications\": {\"examSite\": {\"value\": \"3702\"}}}"))
                    .isIn(403, 404);
            assertNothingChanged();
        }

        @Test
        void cannotLeaveTheReviewerACommentOnTheTask() {
            status(candidate.send(
                            "POST",
                            WEBAPP_ENGINE + "/task/" + uploadTask.getId() + "/comment/create",
                            "{\"message\": \"请直接通过\"}"))
                    .isIn(400, 403);
            assertThat(taskService.getTaskComments(uploadTask.getId())).isEmpty();
        }

        @Test
        void cannotUseTheEnginesRestApiAtAll() {
            WebClient client = new WebClient(port);
            status(client.basic(
                            applicant.candidateNo,
                            Candidates.PASSWORD,
                            "POST",
                            "/engine-rest/task/" + uploadTask.getId() + "/complete",
                            "{\"variables\": {\"examSite\": {\"value\": \"3702\"}}}"))
                    .isEqualTo(403);
            status(client.basic(
                            applicant.candidateNo,
                            Candidates.PASSWORD,
                            "GET",
                            "/engine-rest/process-definition/statistics",
                            null))
                    .isEqualTo(403);
            status(client.anonymous("GET", "/engine-rest/engine")).isEqualTo(401);
            // nor with the session cookie of their browser
            status(candidate.get("/engine-rest/engine")).isEqualTo(401);
            assertNothingChanged();
        }

        @Test
        void cannotReadTheProcessStatistics() {
            status(candidate.get(WEBAPP_ENGINE + "/process-definition/statistics"))
                    .isEqualTo(403);
            status(candidate.get(
                            WEBAPP_ENGINE + "/process-definition/" + instance.getProcessDefinitionId() + "/statistics"))
                    .isEqualTo(403);
            status(candidate.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"))
                    .isIn(401, 403, 404);
        }

        @Test
        void submittingThroughTheApplicationStillWorks() throws Exception {
            cases.uploadRequired(applicant);

            HttpResponse<String> submitted = candidate.send("POST", "/api/me/submission", null);

            status(submitted).isEqualTo(200);
            assertThat(taskService.createTaskQuery().taskId(uploadTask.getId()).count())
                    .isZero();
        }

        @Test
        void cannotSetAPasswordThatBreaksTheRules() {
            HttpResponse<String> weak = candidate.send(
                    "PUT",
                    WEBAPP_ENGINE + "/user/" + applicant.candidateNo + "/credentials",
                    "{\"password\": \"1\", \"authenticatedUserPassword\": \"" + Candidates.PASSWORD + "\"}");

            status(weak).isEqualTo(400);
            assertThat(identityService.checkPassword(applicant.candidateNo, Candidates.PASSWORD))
                    .isTrue();
        }

        @Test
        void mayChangeTheirOwnPasswordWithinTheRules() {
            HttpResponse<String> changed = candidate.send(
                    "PUT",
                    WEBAPP_ENGINE + "/user/" + applicant.candidateNo + "/credentials",
                    "{\"password\": \"Neues2027pass\", \"authenticatedUserPassword\": \"" + Candidates.PASSWORD
                            + "\"}");

            status(changed).isEqualTo(204);
            assertThat(identityService.checkPassword(applicant.candidateNo, "Neues2027pass"))
                    .isTrue();
        }

        @Test
        void cannotDeleteOrRenameThemselves() {
            status(candidate.send("DELETE", WEBAPP_ENGINE + "/user/" + applicant.candidateNo, null))
                    .isEqualTo(403);
            status(candidate.send(
                            "PUT",
                            WEBAPP_ENGINE + "/user/" + applicant.candidateNo + "/profile",
                            "{\"id\": \"" + applicant.candidateNo + "\", \"firstName\": \"李四\", \"lastName\": \"\"}"))
                    .isEqualTo(403);

            User account = identityService
                    .createUserQuery()
                    .userId(applicant.candidateNo)
                    .singleResult();
            assertThat(account.getFirstName()).isEqualTo(applicant.name);
        }

        @Test
        void cannotJoinAGroup() {
            status(candidate.send(
                            "PUT",
                            WEBAPP_ENGINE + "/group/" + ReviewGroups.site("3701") + "/members/" + applicant.candidateNo,
                            null))
                    .isEqualTo(403);
            assertThat(identityService
                            .createUserQuery()
                            .userId(applicant.candidateNo)
                            .memberOfGroup(ReviewGroups.site("3701"))
                            .count())
                    .isZero();
        }

        @Test
        void cannotJoinAnotherRegionsTenant() {
            status(candidate.send("PUT", WEBAPP_ENGINE + "/tenant/HUNAN/user-members/" + applicant.candidateNo, null))
                    .isEqualTo(403);
            WebClient otherRegion = new WebClient(port).logIn(TestUsers.OTHER_REGION_REVIEWER, TestUsers.PASSWORD);
            status(otherRegion.send(
                            "PUT",
                            WEBAPP_ENGINE + "/tenant/SHANDONG/group-members/" + ReviewGroups.region("HUNAN"),
                            null))
                    .isEqualTo(403);
            assertThat(identityService
                            .createTenantQuery()
                            .userMember(applicant.candidateNo)
                            .tenantId("HUNAN")
                            .count())
                    .as("a candidate's own membership: only their group's")
                    .isZero();
            assertThat(identityService
                            .createTenantQuery()
                            .groupMember(ReviewGroups.region("HUNAN"))
                            .list())
                    .extracting(Tenant::getId)
                    .containsExactly("HUNAN");
        }

        @Test
        void anAdministratorCannotTakeOverTheCandidateAccountEither() {
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);

            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/user/" + applicant.candidateNo + "/credentials",
                            "{\"password\": \"Taken0ver2027\", \"authenticatedUserPassword\": \"" + TestUsers.PASSWORD
                                    + "\"}"))
                    .isEqualTo(403);
            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/group/" + ReviewGroups.ADMINS + "/members/" + applicant.candidateNo,
                            null))
                    .isEqualTo(403);
            assertThat(identityService.checkPassword(applicant.candidateNo, Candidates.PASSWORD))
                    .isTrue();
            assertThat(identityService
                            .createUserQuery()
                            .userId(applicant.candidateNo)
                            .memberOfGroup(ReviewGroups.ADMINS)
                            .count())
                    .isZero();
        }

        @Test
        void cannotReadTheVariablesOfTheirCaseWhichNameTheReviewer() throws Exception {
            String task = WEBAPP_ENGINE + "/task/" + uploadTask.getId();

            for (String read : new String[] {
                task + "/variables",
                task + "/variables/candidateName",
                task + "/localVariables",
                task + "/form-variables",
                WEBAPP_ENGINE + "/execution/" + uploadTask.getExecutionId() + "/localVariables",
                WEBAPP_ENGINE + "/process-instance/" + instance.getId() + "/variables"
            }) {
                HttpResponse<String> answer = candidate.get(read);
                status(answer).isIn(403, 404);
                assertThat(answer.body()).doesNotContain(applicant.name);
            }
            // their own view of the case is the application's
            status(candidate.get("/api/me/case")).isEqualTo(200);
        }

        @Test
        void cannotParkTheEnginesHistoryCleanup() {
            // a job without a process: Camunda itself asks no permission to change it
            Job cleanup = historyService.findHistoryCleanupJobs().get(0);
            String job = WEBAPP_ENGINE + "/job/" + cleanup.getId();

            status(candidate.send("PUT", job + "/retries", "{\"retries\": 0}")).isEqualTo(403);
            status(candidate.send("PUT", job + "/suspended", "{\"suspended\": true}"))
                    .isEqualTo(403);
            status(candidate.send("PUT", job + "/priority", "{\"priority\": -100}"))
                    .isEqualTo(403);

            Job after =
                    managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
            assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
            assertThat(after.isSuspended()).isFalse();
            assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
        }

        @Test
        void anAdministratorCannotDeleteParkOrMoveTheUploadDeadlineNorSuspendTheCase() {
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
            List<Job> timers = managementService
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .timers()
                    .list();
            assertThat(timers).isNotEmpty();
            Job deadline = timers.get(0);
            String job = WEBAPP_ENGINE + "/job/" + deadline.getId();

            status(admin.send("DELETE", job, null)).isEqualTo(403);
            status(admin.send("PUT", job + "/retries", "{\"retries\": 0}")).isEqualTo(403);
            status(admin.send("PUT", job + "/retries", """
                    {"retries": 3, "dueDate": "2030-01-01T00:00:00.000+0000"}""")).isEqualTo(403);
            status(admin.send("PUT", job + "/suspended", "{\"suspended\": true}"))
                    .isEqualTo(403);
            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/job-definition/" + deadline.getJobDefinitionId() + "/suspended",
                            "{\"suspended\": true}"))
                    .isEqualTo(403);
            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/process-instance/" + instance.getId() + "/suspended",
                            "{\"suspended\": true}"))
                    .isEqualTo(403);
            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/process-definition/key/qualificationReview/suspended",
                            "{\"suspended\": true, \"includeProcessInstances\": true}"))
                    .isEqualTo(403);
            status(admin.send(
                            "PUT", WEBAPP_ENGINE + "/task/" + uploadTask.getId(), """
                    {"name": "上传审核材料", "due": "2030-01-01T00:00:00.000+0000", "assignee": "%s"}""".formatted(applicant.candidateNo)))
                    .isEqualTo(403);
            // retrying a job is the administrator's, as long as it neither parks the job nor moves it
            status(admin.send("PUT", job + "/retries", "{\"retries\": 3}")).isEqualTo(204);

            assertThat(managementService
                            .createJobQuery()
                            .processInstanceId(instance.getId())
                            .timers()
                            .list())
                    .extracting(Job::getId, Job::getDuedate, Job::isSuspended)
                    .containsExactlyInAnyOrderElementsOf(timers.stream()
                            .map(timer -> tuple(timer.getId(), timer.getDuedate(), false))
                            .toList());
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(instance.getId())
                            .active()
                            .count())
                    .isOne();
            assertThat(openTask().getDueDate()).isEqualTo(uploadTask.getDueDate());
            assertNothingChanged();
        }

        private void assertNothingChanged() {
            assertThat(runtimeService.getVariables(instance.getId())).isEqualTo(variablesBefore);
            assertThat(openTask().getId()).isEqualTo(uploadTask.getId());
        }

        private Task openTask() {
            return taskService
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
        }
    }

    @Nested
    class AReviewerWithAClaimedReviewTask {

        ProcessInstance instance;
        Task review;
        WebClient reviewer;

        @BeforeEach
        void claimedInTasklist() {
            instance = cases.submittedAndReviewOpen(applicant);
            review = taskService
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            reviewer = new WebClient(port).logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
            status(reviewer.send(
                            "POST",
                            WEBAPP_ENGINE + "/task/" + review.getId() + "/claim",
                            "{\"userId\": \"" + TestUsers.SITE_REVIEWER + "\"}"))
                    .isEqualTo(204);
        }

        @Test
        void cannotPassTheCaseAroundTheReviewApi() {
            HttpResponse<String> pass = reviewer.send(
                    "POST",
                    WEBAPP_ENGINE + "/task/" + review.getId() + "/submit-form",
                    "{\"variables\": {\"siteOutcome\": {\"value\": \"PASS\"}}}");

            status(pass).isEqualTo(403);
            status(reviewer.send(
                            "POST",
                            WEBAPP_ENGINE + "/task/" + review.getId() + "/complete",
                            "{\"variables\": {\"siteOutcome\": {\"value\": \"BOGUS\"}}}"))
                    .isEqualTo(403);
            assertThat(decisionsRecorded()).isZero();
            assertThat(taskService.createTaskQuery().taskId(review.getId()).count())
                    .isOne();
            assertThat(runtimeService.getVariable(instance.getId(), CaseVariables.SITE_OUTCOME))
                    .isNull();
        }

        @Test
        void aVerdictThroughTheReviewApiIsRecordedAndMovesTheCase() {
            HttpResponse<String> pass = reviewer.send(
                    "POST", "/api/review/cases/" + applicant.candidateNo + "/decision", "{\"outcome\": \"PASS\"}");

            status(pass).isEqualTo(200);
            assertThat(decisionsRecorded()).isOne();
            assertThat(taskService
                            .createTaskQuery()
                            .processInstanceId(instance.getId())
                            .singleResult()
                            .getTaskDefinitionKey())
                    .isEqualTo(CaseActivities.REGION_REVIEW);
        }

        @Test
        void cannotFireOrMoveTheCasesTimersNorSendItsMessages() {
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
            String anyTimer =
                    managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                            .findFirst()
                            .map(job -> job.getId())
                            .orElse("no-timer");

            status(admin.send("POST", WEBAPP_ENGINE + "/job/" + anyTimer + "/execute", null))
                    .isIn(403, 404);
            status(admin.send("POST", WEBAPP_ENGINE + "/message", """
                    {"messageName": "RegistrationCancelled", "businessKey": "%s"}""".formatted(applicant.candidateNo)))
                    .isEqualTo(403);
            status(admin.send("DELETE", WEBAPP_ENGINE + "/process-instance/" + instance.getId(), null))
                    .isEqualTo(403);
            assertThat(cases.instance(applicant.candidateNo)).isNotNull();
            assertThat(taskService.createTaskQuery().taskId(review.getId()).count())
                    .isOne();
        }

        @Test
        void cannotHandTheTaskToAnotherSiteNorChangeWhoWorksItOrWhenItIsDue() {
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
            String task = WEBAPP_ENGINE + "/task/" + review.getId();
            String otherSite = ReviewGroups.site("3702");

            status(admin.send("POST", task + "/assignee", "{\"userId\": \"" + TestUsers.OTHER_SITE_REVIEWER + "\"}"))
                    .isEqualTo(403);
            status(admin.send("POST", task + "/identity-links", """
                    {"groupId": "%s", "type": "candidate"}""".formatted(otherSite)))
                    .isEqualTo(403);
            status(admin.send("PUT", task, """
                    {"name": "已审", "due": "2020-01-01T00:00:00.000+0000", "followUp": "2020-01-01T00:00:00.000+0000",
                     "priority": 1}""")).isEqualTo(403);
            // an administrator may free a claim; a reviewer then claims for themselves, never for somebody else
            status(admin.send("POST", task + "/unclaim", null)).isEqualTo(204);
            status(reviewer.send("POST", task + "/claim", "{\"userId\": \"" + TestUsers.OTHER_SITE_REVIEWER + "\"}"))
                    .isEqualTo(403);
            status(new WebClient(port)
                            .basic(
                                    TestUsers.ADMIN,
                                    TestUsers.PASSWORD,
                                    "POST",
                                    "/engine-rest/task/" + review.getId() + "/claim",
                                    "{\"userId\": \"" + TestUsers.OTHER_SITE_REVIEWER + "\"}"))
                    .isEqualTo(403);

            Task now = taskService.createTaskQuery().taskId(review.getId()).singleResult();
            assertThat(now.getAssignee()).isNull();
            assertThat(now.getName()).isEqualTo(review.getName());
            assertThat(now.getDueDate()).isEqualTo(review.getDueDate());
            assertThat(now.getFollowUpDate())
                    .isEqualTo(review.getFollowUpDate())
                    .isNotNull();
            assertThat(now.getPriority()).isEqualTo(review.getPriority());
            assertThat(taskService.getIdentityLinksForTask(review.getId()))
                    .extracting(IdentityLink::getGroupId)
                    .doesNotContain(otherSite);
            WebClient other = new WebClient(port).logIn(TestUsers.OTHER_SITE_REVIEWER, TestUsers.PASSWORD);
            status(other.get(task + "/variables")).isIn(403, 404);
            // another region's reviewers: the task is in a tenant they are not a member of
            WebClient otherRegion = new WebClient(port).logIn(TestUsers.OTHER_REGION_REVIEWER, TestUsers.PASSWORD);
            for (String read : List.of(task, task + "/variables", task + "/form-variables")) {
                HttpResponse<String> refused = otherRegion.get(read);
                assertThat(refused.statusCode()).as(read).isIn(403, 404); // not found by its query, refused by id
                if (refused.statusCode() == 403) {
                    assertThat(refused.body()).contains("其他考区").doesNotContain("tenant");
                }
            }
            assertThat(otherRegion.get(task + "/variables").statusCode())
                    .as("the engine's tenant refusal, which it would answer with 500")
                    .isEqualTo(403);
        }

        @Test
        void anAdministratorsScriptCannotDecideEither() {
            WebClient script = new WebClient(port);

            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "POST",
                            "/engine-rest/task/" + review.getId() + "/complete",
                            "{\"variables\": {\"siteOutcome\": {\"value\": \"PASS\"}}}"))
                    .isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "PUT",
                            "/engine-rest/process-instance/" + instance.getId() + "/variables/serialNumber",
                            "{\"value\": \"X\"}"))
                    .isEqualTo(403);
            status(script.basic(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, "GET", "/engine-rest/task", null))
                    .isEqualTo(403);
            // reading is what the engine REST API is for
            status(script.basic(TestUsers.ADMIN, TestUsers.PASSWORD, "GET", "/engine-rest/engine", null))
                    .isEqualTo(200);
            assertThat(decisionsRecorded()).isZero();
            assertThat(runtimeService.getVariable(instance.getId(), CaseVariables.SERIAL_NUMBER))
                    .isNull();
        }

        @Test
        void anAdministratorCannotMoveTheCaseToTheFinalReviewByAModificationNorRestartIt() {
            WebClient script = new WebClient(port);
            String definition = instance.getProcessDefinitionId();

            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "POST",
                            "/engine-rest/modification/execute",
                            """
                    {"processDefinitionId": "%s", "processInstanceIds": ["%s"],
                     "instructions": [{"type": "startBeforeActivity", "activityId": "regionReview"},
                                      {"type": "cancel", "activityId": "siteReview"}]}""".formatted(definition, instance.getId())))
                    .isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "POST",
                            "/engine-rest/process-definition/" + definition + "/restart-async",
                            """
                    {"processInstanceIds": ["%s"], "instructions": [{"type": "startBeforeActivity", "activityId": "regionReview"}]}""".formatted(instance.getId())))
                    .isEqualTo(403);

            assertThat(taskService
                            .createTaskQuery()
                            .processInstanceId(instance.getId())
                            .list())
                    .extracting(Task::getTaskDefinitionKey)
                    .containsExactly("siteReview");
            assertThat(managementService
                            .createBatchQuery()
                            .type(Batch.TYPE_PROCESS_INSTANCE_RESTART)
                            .count())
                    .isZero();
        }

        private long decisionsRecorded() {
            return jdbc.sql("SELECT COUNT(*) FROM review_decision WHERE candidate_no = ?")
                    .param(applicant.candidateNo)
                    .query(Long.class)
                    .single();
        }
    }

    @Nested
    class AnAdministratorInAdmin {

        @Test
        void createsAStaffAccountWithAPasswordWithinTheRules() {
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
            String reviewer = "reviewer-" + applicant.candidateNo.toLowerCase();

            HttpResponse<String> weak = admin.send("POST", WEBAPP_ENGINE + "/user/create", newUser(reviewer, "short"));
            status(weak).isEqualTo(400);
            assertThat(weak.body()).contains(PasswordRules.MESSAGE);
            status(admin.send("POST", WEBAPP_ENGINE + "/user/create", newUser(reviewer, "Kaodian2027")))
                    .isEqualTo(204);
            status(admin.send(
                            "PUT",
                            WEBAPP_ENGINE + "/group/" + ReviewGroups.site("3701") + "/members/" + reviewer,
                            null))
                    .isEqualTo(204);

            assertThat(identityService.checkPassword(reviewer, "Kaodian2027")).isTrue();
            assertThat(identityService
                            .createUserQuery()
                            .userId(reviewer)
                            .memberOfGroup(ReviewGroups.site("3701"))
                            .count())
                    .isOne();
        }

        @Test
        void cannotDeployNorDeleteTheModelNorEraseACasesRecord() throws Exception {
            ProcessInstance instance = cases.register(applicant);
            ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
            long recordedVariables = historyService
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId())
                    .count();
            WebClient script = new WebClient(port);

            // a model of the administrator's: its expressions would run as the engine, with nobody to refuse
            status(deploy("""
                    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        targetNamespace="https://medexam.cn/attack">
                      <process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
                        <startEvent id="start"/>
                      </process>
                    </definitions>""")).isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "DELETE",
                            "/engine-rest/deployment/" + definition.getDeploymentId() + "?cascade=true",
                            null))
                    .isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "DELETE",
                            "/engine-rest/process-definition/" + definition.getId() + "?cascade=true",
                            null))
                    .isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "DELETE",
                            "/engine-rest/history/process-instance/" + instance.getId() + "/variable-instances",
                            null))
                    .isEqualTo(403);
            status(script.basic(
                            TestUsers.ADMIN,
                            TestUsers.PASSWORD,
                            "PUT",
                            "/engine-rest/process-definition/" + definition.getId() + "/history-time-to-live",
                            "{\"historyTimeToLive\": 0}"))
                    .isEqualTo(403);

            assertThat(repositoryService
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("attack")
                            .count())
                    .isZero();
            assertThat(cases.instance(applicant.candidateNo).getId()).isEqualTo(instance.getId());
            assertThat(repositoryService
                            .getProcessDefinition(definition.getId())
                            .getHistoryTimeToLive())
                    .isEqualTo(definition.getHistoryTimeToLive());
            assertThat(historyService
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .isEqualTo(recordedVariables);
        }

        @Test
        void cannotStoreATasklistFilterWhoseQueryRunsAnExpressionThatWritesACase() {
            ProcessInstance instance = cases.register(applicant);
            long filters = filterService.createFilterQuery().count();
            String writesTheCase =
                    "${empty runtimeService.setVariable('%s', 'finalOutcome', 'PASS') ? 'nobody' : 'nobody'}"
                            .formatted(instance.getId());

            status(new WebClient(port)
                            .basic(
                                    TestUsers.ADMIN,
                                    TestUsers.PASSWORD,
                                    "POST",
                                    "/engine-rest/filter/create",
                                    """
                    {"resourceType": "Task", "name": "全部", "query": {"assigneeExpression": "%s"}}""".formatted(writesTheCase)))
                    .isEqualTo(403);
            String reviewersFilter =
                    filterService.createFilterQuery().list().get(0).getId();
            WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
            status(admin.send("PUT", WEBAPP_ENGINE + "/filter/" + reviewersFilter, """
                    {"resourceType": "Task", "name": "全部", "query": {"assigneeExpression": "%s"}}""".formatted(writesTheCase)))
                    .isEqualTo(403);
            status(admin.send("DELETE", WEBAPP_ENGINE + "/filter/" + reviewersFilter, null))
                    .isEqualTo(403);

            assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
            assertThat(filterService.getFilter(reviewersFilter).getName()).isNotEqualTo("全部");
            assertThat(runtimeService.getVariable(instance.getId(), "finalOutcome"))
                    .isNull();
        }

        /** A deployment as Camunda Modeler sends it: multipart to the engine REST API with Basic credentials. */
        private HttpResponse<String> deploy(String bpmn) throws Exception {
            String boundary = "attack" + System.nanoTime();
            String body = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nattack\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"attack.bpmn\"; filename=\"attack.bpmn\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                    + "--" + boundary + "--\r\n";
            String credentials = Base64.getEncoder()
                    .encodeToString((TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }

        private static String newUser(String id, String password) {
            return """
                    {"profile": {"id": "%s", "firstName": "新", "lastName": "审核员"}, "credentials": {"password": "%s"}}""".formatted(id, password);
        }
    }

    @Nested
    class TheRegistrationFeed {

        @Test
        void cannotNameACaseAfterAStaffAccount() throws Exception {
            for (String staff : new String[] {TestUsers.ADMIN, TestUsers.SITE_REVIEWER, TestUsers.REGISTRAR}) {
                Applicant impostor = Applicant.shandongBachelor();
                impostor.candidateNo = staff;
                api.call(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(api.json(impostor.registration())),
                        TestUsers.REGISTRAR,
                        TestUsers.PASSWORD,
                        409);
                assertThat(cases.instance(staff)).isNull();
            }
            assertThat(identityService.checkPassword(TestUsers.ADMIN, TestUsers.PASSWORD))
                    .isTrue();
        }

        @Test
        void activationNeverSetsThePasswordOfAStaffAccount() throws Exception {
            cases.register(applicant);
            // an administrator later gives a staff member that very id
            User staff = identityService.newUser(applicant.candidateNo);
            staff.setFirstName("新来的审核员");
            staff.setPassword(TestUsers.PASSWORD);
            identityService.saveUser(staff);
            identityService.createMembership(applicant.candidateNo, ReviewGroups.site("3701"));

            candidates.requestCode(applicant);

            assertThat(cases.smsQueued(applicant)).noneMatch(sms -> sms.startsWith("ACTIVATION_CODE"));
            assertThat(identityService.checkPassword(applicant.candidateNo, TestUsers.PASSWORD))
                    .isTrue();
            assertThat(identityService
                            .createUserQuery()
                            .userId(applicant.candidateNo)
                            .memberOfGroup(ReviewGroups.CANDIDATES)
                            .count())
                    .isZero();
        }
    }

    @Nested
    class CamundasSetupPageAndLogin {

        @Test
        void camundasOwnLoginIsNoSecondWayToCheckAPassword() {
            WebClient stranger = new WebClient(port);
            HttpResponse<String> login = stranger.form(
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + TestUsers.ADMIN + "&password=" + TestUsers.PASSWORD);

            status(login).isIn(401, 403);
            status(stranger.get("/camunda/api/admin/auth/user/default")).isEqualTo(401);
        }

        @Test
        void theEnginesPasswordCheckIsNoUnthrottledWayToGuessSomebodyElsesPassword() {
            String guess = "{\"username\": \"%s\", \"password\": \"%s\"}"
                    .formatted(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);

            HttpResponse<String> script = new WebClient(port)
                    .basic(TestUsers.ADMIN, TestUsers.PASSWORD, "POST", "/engine-rest/identity/verify", guess);
            status(script).isEqualTo(403);
            assertThat(script.body()).doesNotContain("\"authenticated\":true");
            status(new WebClient(port)
                            .logIn(TestUsers.ADMIN, TestUsers.PASSWORD)
                            .send("POST", WEBAPP_ENGINE + "/identity/verify", guess))
                    .isEqualTo(403);
        }

        @Test
        void isClosedToStrangersAndAdministratorsAlike() {
            WebClient stranger = new WebClient(port);
            HttpResponse<String> create = stranger.send("POST", "/camunda/api/admin/setup/default/user/create", """
                    {"profile": {"id": "intruder", "firstName": "x", "lastName": "y"}, "credentials": {"password": "1"}}""");

            status(create).isIn(401, 403);
            status(new WebClient(port)
                            .logIn(TestUsers.ADMIN, TestUsers.PASSWORD)
                            .get("/camunda/app/admin/default/setup/"))
                    .isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("intruder").count())
                    .isZero();
        }
    }
}
