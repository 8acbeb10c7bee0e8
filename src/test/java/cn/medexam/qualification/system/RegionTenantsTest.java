package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every case runs in its region's tenant, whose members are the groups that may see the region's cases (0029). */
@EngineTest
class RegionTenantsTest {

    @Autowired
    CaseDriver cases;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RegionTenants tenants;

    @Test
    void aCaseRunsInItsRegionsTenantAndItsTextMessagesInNone() {
        Applicant candidate = Applicant.shandongBachelor();
        cases.clockAt(CaseDriver.DURING_UPLOAD);

        cases.register(candidate);

        ProcessInstance instance = cases.instance(candidate.candidateNo);
        assertThat(instance.getTenantId()).isEqualTo("SHANDONG");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("smsDelivery")
                        .tenantIdIn("SHANDONG")
                        .count())
                .isZero();
    }

    @Test
    void theRegionsTenantHasItsReviewersItsSitesReviewersAndTheCandidatesAsMembers() {
        Applicant candidate = Applicant.shandongBachelor();
        candidate.examSite = "T" + candidate.candidateNo.substring(candidate.candidateNo.length() - 6);
        cases.clockAt(CaseDriver.DURING_UPLOAD);

        cases.register(candidate);

        assertThat(identityService
                        .createTenantQuery()
                        .groupMember(ReviewGroups.site(candidate.examSite))
                        .list())
                .extracting(Tenant::getId)
                .containsExactly("SHANDONG");
        assertThat(identityService
                        .createTenantQuery()
                        .groupMember(ReviewGroups.region("SHANDONG"))
                        .list())
                .extracting(Tenant::getId)
                .containsExactly("SHANDONG");
        assertThat(identityService
                        .createTenantQuery()
                        .groupMember(ReviewGroups.CANDIDATES)
                        .list())
                .extracting(Tenant::getId)
                .contains("SHANDONG");
        assertThat(identityService
                        .createTenantQuery()
                        .tenantId("SHANDONG")
                        .singleResult()
                        .getName())
                .isEqualTo("山东考区");
    }

    @Test
    void aCaseWithoutItsRegionIsNotStarted() {
        ProcessDefinition process = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("qualificationReview")
                .latestVersion()
                .singleResult();
        var withoutRegion =
                new TenantIdProviderProcessInstanceContext(process, Variables.fromMap(Map.of("examSite", "3701")));

        assertThatThrownBy(() -> tenants.provideTenantIdForProcessInstance(withoutRegion))
                .isInstanceOf(ProcessEngineException.class);
    }
}
