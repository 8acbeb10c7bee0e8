package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
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
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));

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
        cases.register(military); // reviewed on paper: no upload, no lock time
        // the late submission's review task is made first: a list by creation would put it on top
        cases.passTimeUntil(cases.instance(late.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.passTimeUntil(cases.instance(early.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        identityService.setAuthentication("reviewer-of-" + thirdSite, List.of(ReviewGroups.site(thirdSite)));

        Filter theirs = filterService
                .createFilterQuery()
                .filterName("本考点待初审（" + thirdSite + "）")
                .singleResult();
        List<String> listed = filterService.<Task>list(theirs.getId()).stream()
                .map(task -> runtimeService
                        .getVariable(task.getProcessInstanceId(), CaseVariables.CANDIDATE_NO)
                        .toString())
                .toList();

        assertThat(listed).containsExactlyInAnyOrder(early.candidateNo, late.candidateNo, military.candidateNo);
        assertThat(listed.indexOf(early.candidateNo)).isLessThan(listed.indexOf(late.candidateNo));
    }

    @Test
    void aReviewerWorksTheTaskButCannotChangeIt() {
        TaskService tasks = processEngine.getTaskService();
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(here.candidateNo)
                .singleResult()
                .getId();
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));

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
        identityService.setAuthentication(candidate.candidateNo, List.of(ReviewGroups.CANDIDATES));

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
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));

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
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));

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

        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));
        assertThat(runtimeService
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(moved)
                        .count())
                .isZero();
        identityService.setAuthentication("reviewer-of-" + otherSite, List.of(ReviewGroups.site(otherSite)));
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
        identityService.setAuthentication("reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));

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
        identityService.setAuthentication("reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));

        List<String> listed = filterService.<Task>list(regionFilter().getId()).stream()
                .map(task -> runtimeService
                        .getVariable(task.getProcessInstanceId(), CaseVariables.CANDIDATE_NO)
                        .toString())
                .toList();

        assertThat(listed).contains(submittedFirst.candidateNo, submittedSecond.candidateNo);
        assertThat(listed.indexOf(submittedSecond.candidateNo)).isLessThan(listed.indexOf(submittedFirst.candidateNo));
    }

    @Test
    void aRegionFilterSavedInTheOldOrderIsBroughtToTheNewOneAtStartup() {
        Filter filter = regionFilter();
        TaskQuery oldOrder = processEngine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup(ReviewGroups.region("SHANDONG"))
                .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                .asc();
        filterService.saveFilter(filter.setQuery(oldOrder));

        filters.regionFiltersInTheirOrder();

        TaskQueryImpl saved =
                (TaskQueryImpl) filterService.getFilter(filter.getId()).getQuery();
        assertThat(saved.getOrderingProperties())
                .singleElement()
                .extracting(ordering -> ordering.getQueryProperty().getName())
                .isEqualTo("CREATE_TIME_");
        assertThat(saved.getCandidateGroup()).isEqualTo(ReviewGroups.region("SHANDONG"));
        assertThat(saved.getKeys()).containsExactly(ReviewStage.REGION.taskKey());
    }

    @Test
    void aSiteReviewersOwnTaskQueryFindsTheirSitesTasksOnly() {
        String mine = cases.instance(here.candidateNo).getId();
        String theirs = cases.instance(there.candidateNo).getId();
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));

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
        identityService.setAuthentication("reviewer-of-hunan", List.of(ReviewGroups.region("HUNAN")));
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(passed)
                        .count())
                .isZero();
        identityService.setAuthentication("reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(passed)
                        .count())
                .isOne();
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
        identityService.setAuthentication("reviewer-of-" + examSite, List.of(ReviewGroups.site(examSite)));
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .count();
    }

    private long siteFilterCount(String examSite) {
        identityService.setAuthentication("reviewer-of-" + examSite, List.of(ReviewGroups.site(examSite)));
        Filter filter = filterService
                .createFilterQuery()
                .filterName("本考点待初审（" + examSite + "）")
                .singleResult();
        return filterService.count(filter.getId());
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
