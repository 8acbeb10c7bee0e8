package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineLogin;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewGroups;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each reviewer finds their site's cases in their own Tasklist filter; nobody sees another site's filter. */
@EngineTest
class TasklistFiltersTest {

    @Autowired
    CaseDriver cases;

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    TasklistFilters filters;

    @Autowired
    QueueFollowUpBackfill backfill;

    Applicant here = Applicant.shandongBachelor();
    Applicant there = Applicant.shandongBachelor();
    String site = "F" + here.candidateNo.substring(here.candidateNo.length() - 7);
    String otherSite = site + "X";

    @BeforeEach
    void twoNewSitesEachWithACaseInReview() {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        here.examSite = site;
        there.examSite = otherSite;
        cases.submittedAndReviewOpen(here);
        cases.submittedAndReviewOpen(there);
    }

    @AfterEach
    void forgetWhoIsLoggedIn() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aSiteReviewerSeesTheirSitesFilterWithItsCaseOnly() {
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));

        List<Filter> visible = filterService.createFilterQuery().list();

        assertThat(visible)
                .extracting(Filter::getName)
                .contains("本考点待初审（" + site + "）")
                .doesNotContain("本考点待初审（" + otherSite + "）");
        Filter mine = visible.stream()
                .filter(f -> f.getName().equals("本考点待初审（" + site + "）"))
                .findFirst()
                .orElseThrow();
        assertThat(filterService.count(mine.getId())).isEqualTo(1);
        List<Task> tasks = filterService.list(mine.getId());
        assertThat(tasks).singleElement().extracting(Task::getTaskDefinitionKey).isEqualTo(CaseActivities.SITE_REVIEW);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> columns =
                (List<Map<String, String>>) mine.getProperties().get("variables");
        assertThat(columns)
                .extracting(column -> column.get("label"))
                .containsExactly("考生编号", "姓名", "证件号码", "审核轮次", "提交锁定时间");
    }

    @Test
    void theSitesListShowsTheOldestSubmissionFirstAndOfflineReviewsToo() {
        String thirdSite = site + "Y";
        Applicant early = atSite(Applicant.shandongBachelor(), thirdSite);
        Applicant late = atSite(Applicant.shandongBachelor(), thirdSite);
        Applicant military = atSite(Applicant.servingMilitary(), thirdSite);
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        submitted(early);
        cases.clockAt(CaseDriver.DURING_UPLOAD.plusDays(1));
        submitted(late);
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.register(military); // reviewed on paper: no upload, no lock time; in the queue from now on
        // the late submission's review task is made first: a list by creation would put it on top
        cases.passTimeUntil(cases.instance(late.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.passTimeUntil(cases.instance(early.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        EngineLogin.as(identityService, "reviewer-of-" + thirdSite, List.of(ReviewGroups.site(thirdSite)));

        Filter theirs = filterService
                .createFilterQuery()
                .filterName("本考点待初审（" + thirdSite + "）")
                .singleResult();
        List<String> listed = filterService.<Task>list(theirs.getId()).stream()
                .map(task -> runtimeService
                        .getVariable(task.getProcessInstanceId(), CaseVariables.CANDIDATE_NO)
                        .toString())
                .toList();

        assertThat(listed).containsExactly(early.candidateNo, late.candidateNo, military.candidateNo);
    }

    @Test
    void aReviewerWorksTheTaskButCannotChangeIt() {
        TaskService tasks = processEngine.getTaskService();
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(here.candidateNo)
                .singleResult()
                .getId();
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));

        tasks.claim(task, "reviewer-of-" + site);

        assertThatThrownBy(() -> tasks.setDueDate(task, new Date())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.addCandidateGroup(task, ReviewGroups.site(otherSite)))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aCandidateCannotGiveAwayOrPostponeTheirUploadTask() {
        Applicant candidate = Applicant.shandongBachelor();
        cases.register(candidate);
        TaskService tasks = processEngine.getTaskService();
        String upload = tasks.createTaskQuery()
                .processInstanceBusinessKey(candidate.candidateNo)
                .singleResult()
                .getId();
        EngineLogin.as(identityService, candidate.candidateNo, List.of(ReviewGroups.CANDIDATES));

        assertThatThrownBy(() -> tasks.setAssignee(upload, null)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.setDueDate(upload, new Date())).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aClaimedTaskStaysInTheSitesFilter() {
        String task = processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(here.candidateNo)
                .singleResult()
                .getId();
        processEngine.getTaskService().claim(task, "reviewer-of-" + site);
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));

        Filter mine = filterService
                .createFilterQuery()
                .filterName("本考点待初审（" + site + "）")
                .singleResult();

        assertThat(filterService.count(mine.getId())).isEqualTo(1);
    }

    @Test
    void theColumnsComeFromTheCaseWithTheIdNumberMasked() {
        ProcessInstance instance = cases.instance(here.candidateNo);

        Map<String, Object> variables = runtimeService.getVariables(instance.getId());

        assertThat(variables)
                .containsEntry("candidateName", here.name)
                .containsEntry("idNumberMasked", "3701**********1234")
                .containsEntry("reviewRound", "第 1 次初审")
                .containsKey("lockedAt")
                .doesNotContainValue(here.idNumber);
    }

    @Test
    void reviewersReadTheColumnsOfTheirSitesCasesOnly() {
        String mine = cases.instance(here.candidateNo).getId();
        String theirs = cases.instance(there.candidateNo).getId();
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));

        List<VariableInstance> readable = runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(mine, theirs)
                .variableName("candidateName")
                .list();

        assertThat(readable).singleElement().satisfies(variable -> {
            assertThat(variable.getProcessInstanceId()).isEqualTo(mine);
            assertThat(variable.getValue()).isEqualTo(here.name);
        });
    }

    @Test
    void aCaseMovedToAnotherSiteIsReadByThatSiteOnly() {
        String moved = cases.instance(here.candidateNo).getId();
        cases.change(here, a -> a.examSite = otherSite);

        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));
        assertThat(runtimeService
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(moved)
                        .count())
                .isZero();
        EngineLogin.as(identityService, "reviewer-of-" + otherSite, List.of(ReviewGroups.site(otherSite)));
        assertThat(runtimeService
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(moved)
                        .count())
                .isPositive();
    }

    @Test
    void theRegionsReviewersHaveTheirFinalReviewFilter() {
        cases.siteReview(here, Verdict.pass());
        String passedCase = cases.instance(here.candidateNo).getId();
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));

        Filter finalReview =
                filterService.createFilterQuery().filterName("考区待终审（山东）").singleResult();

        assertThat(finalReview).isNotNull();
        List<Task> tasks = filterService.list(finalReview.getId());
        assertThat(tasks).extracting(Task::getProcessInstanceId).contains(passedCase);
    }

    @Test
    void theRegionsListShowsTheCaseItsSitePassedFirstFirst() {
        Applicant submittedFirst = Applicant.shandongBachelor();
        Applicant submittedSecond = Applicant.shandongBachelor();
        cases.submittedAndReviewOpen(submittedFirst);
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.submittedAndReviewOpen(submittedSecond);
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.siteReview(submittedSecond, Verdict.pass());
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.siteReview(submittedFirst, Verdict.pass());
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));

        List<String> listed = filterService.<Task>list(regionFilter().getId()).stream()
                .map(task -> runtimeService
                        .getVariable(task.getProcessInstanceId(), CaseVariables.CANDIDATE_NO)
                        .toString())
                .toList();

        assertThat(listed).contains(submittedFirst.candidateNo, submittedSecond.candidateNo);
        assertThat(listed.indexOf(submittedSecond.candidateNo)).isLessThan(listed.indexOf(submittedFirst.candidateNo));
    }

    @Test
    void filtersSavedInTheOldOrderAreBroughtToTheNewOneAtStartup() {
        Filter region = inTheOldOrder(regionFilter(), ReviewGroups.region("SHANDONG"));
        Filter site = inTheOldOrder(siteFilter(this.site), ReviewGroups.site(this.site));

        filters.filtersInTheirOrder();

        TaskQueryImpl regionQuery = savedQuery(region);
        assertThat(orderOf(regionQuery)).containsExactly("DUE_DATE_", "CREATE_TIME_");
        assertThat(regionQuery.getTenantIds()).containsExactly("SHANDONG");
        assertThat(regionQuery.getCandidateGroup()).isNull();
        assertThat(regionQuery.getKeys()).containsExactly(ReviewStage.REGION.taskKey());
        TaskQueryImpl siteQuery = savedQuery(site);
        assertThat(orderOf(siteQuery)).containsExactly("FOLLOW_UP_DATE_", "CREATE_TIME_");
        assertThat(siteQuery.getCandidateGroup()).isEqualTo(ReviewGroups.site(this.site));
        assertThat(siteQuery.getKeys()).containsExactly(ReviewStage.siteQueue());
    }

    @Test
    void reviewsOpenedBeforeTheQueueWasOrderedByFollowUpDateGetTheirLockTimeAtStartup() {
        Applicant military = atSite(Applicant.servingMilitary(), site);
        cases.register(military);
        TaskService tasks = processEngine.getTaskService();
        Task online = openTask(here);
        Task paper = openTask(military);
        assertThat(online.getFollowUpDate())
                .isEqualTo(runtimeService.getVariable(online.getProcessInstanceId(), CaseVariables.LOCKED_AT));
        assertThat(paper.getFollowUpDate()).isEqualTo(paper.getCreateTime());
        for (Task task : List.of(online, paper)) {
            task.setFollowUpDate(null); // as the diagram before decision 0029 made them
            tasks.saveTask(task);
        }

        backfill.followUpDatesOfOpenReviews();

        assertThat(openTask(here).getFollowUpDate())
                .isEqualTo(runtimeService.getVariable(online.getProcessInstanceId(), CaseVariables.LOCKED_AT));
        assertThat(openTask(military).getFollowUpDate()).isEqualTo(paper.getCreateTime());
    }

    private Task openTask(Applicant applicant) {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .singleResult();
    }

    private Filter inTheOldOrder(Filter filter, String group) {
        TaskQuery oldOrder = processEngine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup(group)
                .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                .asc();
        return filterService.saveFilter(filter.setQuery(oldOrder));
    }

    private TaskQueryImpl savedQuery(Filter filter) {
        return (TaskQueryImpl) filterService.getFilter(filter.getId()).getQuery();
    }

    private static List<String> orderOf(TaskQueryImpl query) {
        return query.getOrderingProperties().stream()
                .map(ordering -> ordering.getQueryProperty().getName())
                .toList();
    }

    @Test
    void aSiteReviewersOwnTaskQueryFindsTheirSitesTasksOnly() {
        String mine = cases.instance(here.candidateNo).getId();
        String theirs = cases.instance(there.candidateNo).getId();
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));

        List<Task> visible = processEngine.getTaskService().createTaskQuery().list();

        assertThat(visible)
                .extracting(Task::getProcessInstanceId)
                .contains(mine)
                .doesNotContain(theirs);
    }

    @Test
    void aCaseMovedToAnotherSiteLeavesTheOldSitesListAndJoinsTheNewOnes() {
        String moved = cases.instance(here.candidateNo).getId();
        cases.change(here, a -> a.examSite = otherSite);

        assertThat(visibleTasks(site, moved)).isZero();
        assertThat(siteFilterCount(site)).isZero();
        assertThat(visibleTasks(otherSite, moved)).isOne();
        assertThat(siteFilterCount(otherSite)).isEqualTo(2);
    }

    @Test
    void aCaseMovedWhileClaimedLeavesItsReviewerAndWaitsUnclaimedAtTheNewSite() {
        String moved = cases.instance(here.candidateNo).getId();
        TaskService tasks = processEngine.getTaskService();
        String task =
                tasks.createTaskQuery().processInstanceId(moved).singleResult().getId();
        tasks.claim(task, "reviewer-of-" + site);

        cases.change(here, a -> a.examSite = otherSite);

        assertThat(visibleTasks(site, moved)).isZero();
        assertThat(runtimeService
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(moved)
                        .count())
                .isZero();
        identityService.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
                .isNull();
        assertThat(siteFilterCount(otherSite)).isEqualTo(2);
    }

    @Test
    void aCasePassedByTheSiteIsTheRegionsTaskAndNoLongerTheSites() {
        cases.siteReview(here, Verdict.pass());
        String passed = cases.instance(here.candidateNo).getId();

        assertThat(visibleTasks(site, passed)).isZero();
        EngineLogin.as(identityService, "reviewer-of-hunan", List.of(ReviewGroups.region("HUNAN")));
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(passed)
                        .count())
                .isZero();
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(passed)
                        .count())
                .isOne();
    }

    @Test
    void aRegionsReviewersReadTheTasksOfTheirRegionsCasesAndNoneOfAnotherRegions() {
        String inSiteReview = cases.instance(here.candidateNo).getId();
        TaskService tasks = processEngine.getTaskService();

        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        Task seen = tasks.createTaskQuery().processInstanceId(inSiteReview).singleResult();
        assertThat(seen.getTaskDefinitionKey()).isEqualTo(CaseActivities.SITE_REVIEW);
        assertThat(seen.getTenantId()).isEqualTo("SHANDONG");
        // reading is all: the site's review is not theirs to claim
        assertThatThrownBy(() -> tasks.claim(seen.getId(), "reviewer-of-shandong"))
                .isInstanceOf(AuthorizationException.class);
        EngineLogin.as(identityService, "reviewer-of-hunan", List.of(ReviewGroups.region("HUNAN")));
        assertThat(tasks.createTaskQuery().processInstanceId(inSiteReview).count())
                .isZero();
        assertThat(tasks.createTaskQuery().tenantIdIn("SHANDONG").count()).isZero();
    }

    @Test
    void whileCasesFromBeforeTheRegionsTenantsRunTheRegionKeepsItsCaseByCaseGrants() {
        Applicant older = Applicant.shandongBachelor();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        TenantIdProvider tenants = configuration.getTenantIdProvider();
        configuration.setTenantIdProvider(null); // as the application started cases before decision 0029
        try {
            cases.register(older);
        } finally {
            configuration.setTenantIdProvider(tenants);
        }
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(ReviewGroups.region("SHANDONG"))
                .resourceType(Resources.PROCESS_DEFINITION)
                .hasPermission(Permissions.READ_TASK)
                .list()
                .forEach(grant -> {
                    grant.removePermission(Permissions.READ_TASK);
                    authorizations.saveAuthorization(grant);
                });

        filters.filtersInTheirOrder();

        assertThat(savedQuery(regionFilter()).getTenantIds()).isNull();
        assertThat(savedQuery(regionFilter()).getCandidateGroup()).isEqualTo(ReviewGroups.region("SHANDONG"));
        assertThat(readsTheDefinitionsTasks("SHANDONG")).isFalse();

        cases.cancel(older); // the last case from before has ended

        filters.filtersInTheirOrder();

        assertThat(savedQuery(regionFilter()).getTenantIds()).containsExactly("SHANDONG");
        assertThat(readsTheDefinitionsTasks("SHANDONG")).isTrue();
    }

    private boolean readsTheDefinitionsTasks(String region) {
        return processEngine
                        .getAuthorizationService()
                        .createAuthorizationQuery()
                        .groupIdIn(ReviewGroups.region(region))
                        .resourceType(Resources.PROCESS_DEFINITION)
                        .hasPermission(Permissions.READ_TASK)
                        .count()
                > 0;
    }

    @Test
    void anAdministratorsRevokeTakesACaseOutOfOneReviewersList() {
        String task = processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(here.candidateNo)
                .singleResult()
                .getId();
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("reviewer-of-" + site);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task);
        revoke.removePermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            assertThat(siteFilterCount(site)).isZero();
        } finally {
            identityService.clearAuthentication();
            authorizations.deleteAuthorization(revoke.getId());
        }
    }

    private Filter regionFilter() {
        return filterService.createFilterQuery().filterName("考区待终审（山东）").singleResult();
    }

    private long visibleTasks(String examSite, String processInstanceId) {
        EngineLogin.as(identityService, "reviewer-of-" + examSite, List.of(ReviewGroups.site(examSite)));
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .count();
    }

    private long siteFilterCount(String examSite) {
        EngineLogin.as(identityService, "reviewer-of-" + examSite, List.of(ReviewGroups.site(examSite)));
        return filterService.count(siteFilter(examSite).getId());
    }

    private Filter siteFilter(String examSite) {
        return filterService
                .createFilterQuery()
                .filterName("本考点待初审（" + examSite + "）")
                .singleResult();
    }

    private static Applicant atSite(Applicant applicant, String examSite) {
        applicant.examSite = examSite;
        return applicant;
    }

    private void submitted(Applicant applicant) {
        cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);
    }
}
