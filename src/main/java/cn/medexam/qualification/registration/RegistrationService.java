package cn.medexam.qualification.registration;

import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.Masking;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations arriving from the registration system become cases: one process instance per candidate number
 * (its business key), started by message RegistrationReceived; changes and cancellations are correlated to it.
 */
@Service
public class RegistrationService {

    public static final String RECEIVED = "RegistrationReceived";
    public static final String CHANGED = "RegistrationChanged";
    public static final String CANCELLED = "RegistrationCancelled";

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final RegistrationRepository repository;
    private final Campaigns campaigns;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityProvisioning identity;
    private final ReviewProperties properties;
    private final EngineClock clock;

    RegistrationService(
            RegistrationRepository repository,
            Campaigns campaigns,
            RuntimeService runtimeService,
            TaskService taskService,
            IdentityProvisioning identity,
            ReviewProperties properties,
            EngineClock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The reviewer groups of a database that began its season before decision 0029 join their region's tenant, in
     * which the cases started since then are; a second start changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reviewerGroupsInTheirRegionsTenants() {
        repository.examSites().forEach(site -> identity.ensureTenantMemberships(site.examSite(), site.region()));
    }

    /** @return the case started now, or empty when the same registration was sent again */
    @Transactional
    public Optional<ProcessInstance> register(Registration registration) {
        var existing = repository.find(registration.candidateNo());
        if (existing.isPresent()) {
            if (existing.get().equals(registration)) {
                return Optional.empty();
            }
            throw DomainException.conflict(
                    "REGISTRATION_EXISTS",
                    "考生编号 " + registration.candidateNo() + " 已有报名信息；变更请使用 PUT /api/registrations/"
                            + registration.candidateNo());
        }
        if (identity.isStaffAccount(registration.candidateNo())) {
            throw DomainException.conflict(
                    "CANDIDATE_NO_IS_STAFF_ACCOUNT",
                    "考生编号 " + registration.candidateNo() + " 与系统中已有的工作人员账号相同，不能作为考生编号；请核对报名数据");
        }
        requireCampaign(registration);
        repository.insert(registration, clock.now());
        identity.ensureReviewerGroups(
                registration.examSite(), registration.region().name());
        ProcessInstance instance = runtimeService
                .createMessageCorrelation(RECEIVED)
                .processInstanceBusinessKey(registration.candidateNo())
                .setVariables(caseVariables(registration))
                .correlateStartMessage();
        repository.linkCase(registration.candidateNo(), instance.getId());
        identity.grantCaseToReviewers(
                instance.getId(), registration.examSite(), registration.region().name());
        log.info(
                "case {} started for region {} year {}",
                registration.candidateNo(),
                registration.region(),
                registration.examYear());
        return Optional.of(instance);
    }

    @Transactional
    public void change(String candidateNo, Registration changed) {
        if (!candidateNo.equals(changed.candidateNo())) {
            throw DomainException.invalid("CANDIDATE_NO_MISMATCH", "请求体中的考生编号与地址中的考生编号不一致");
        }
        Registration before = repository.find(candidateNo).orElseThrow(() -> Registrations.unknown(candidateNo));
        if (before.region() != changed.region() || before.examYear() != changed.examYear()) {
            throw DomainException.conflict("REGION_OR_YEAR_CHANGED", "考区和考试年度不能变更；如需变更，请取消报名后重新报名");
        }
        String caseId = runningCase(candidateNo);
        if (before.equals(changed)) {
            return;
        }
        repository.update(changed, clock.now());
        runtimeService.setVariables(
                caseId,
                Map.of(
                        CaseVariables.CANDIDATE_NAME,
                        changed.name(),
                        CaseVariables.ID_NUMBER_MASKED,
                        Masking.idNumber(changed.idNumber())));
        if (!before.examSite().equals(changed.examSite())) {
            moveToExamSite(
                    caseId,
                    before.examSite(),
                    changed.examSite(),
                    changed.region().name());
        }
        runtimeService
                .createMessageCorrelation(CHANGED)
                .processInstanceId(caseId)
                .correlate();
    }

    /** Idempotent: cancelling a cancelled registration again changes nothing. */
    @Transactional
    public void cancel(String candidateNo) {
        Registration registration = repository.find(candidateNo).orElseThrow(() -> Registrations.unknown(candidateNo));
        if (repository.isCancelled(registration.candidateNo())) {
            return;
        }
        String caseId = runningCase(candidateNo);
        repository.markCancelled(candidateNo, clock.now());
        runtimeService
                .createMessageCorrelation(CANCELLED)
                .processInstanceId(caseId)
                .correlate();
    }

    private void moveToExamSite(String caseId, String from, String to, String region) {
        identity.ensureReviewerGroups(to, region);
        identity.revokeCaseFromSite(caseId, from);
        identity.grantCaseToSite(caseId, to);
        runtimeService.setVariable(caseId, CaseVariables.EXAM_SITE, to);
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(caseId)
                .taskCandidateGroup(ReviewGroups.site(from))
                .includeAssignedTasks()
                .list()) {
            String claimedBy = task.getAssignee();
            taskService.deleteCandidateGroup(task.getId(), ReviewGroups.site(from));
            if (claimedBy != null) {
                // claimed by a reviewer of the old site: back to the new site's list
                taskService.setAssignee(task.getId(), null);
            }
            identity.revokeTaskFromSite(task.getId(), from, claimedBy);
            taskService.addCandidateGroup(task.getId(), ReviewGroups.site(to));
        }
    }

    private String runningCase(String candidateNo) {
        ProcessInstance running = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .processInstanceBusinessKey(candidateNo)
                .singleResult();
        if (running == null) {
            throw DomainException.conflict("CASE_CLOSED", "考生编号 " + candidateNo + " 的资格审核已结束，报名信息不能再变更");
        }
        return running.getId();
    }

    private void requireCampaign(Registration registration) {
        if (!campaigns.exists(registration.region(), registration.examYear())) {
            throw DomainException.invalid("NO_CAMPAIGN", "该考区 " + registration.examYear() + " 年度尚未安排资格审核，请联系考区管理员");
        }
    }

    /** The case's few variables: what the timers and task groups need, and the Tasklist columns (ID masked). */
    private static Map<String, Object> caseVariables(Registration registration) {
        return Map.of(
                CaseVariables.CANDIDATE_NO,
                registration.candidateNo(),
                CaseVariables.CANDIDATE_NAME,
                registration.name(),
                CaseVariables.ID_NUMBER_MASKED,
                Masking.idNumber(registration.idNumber()),
                CaseVariables.REGION,
                registration.region().name(),
                CaseVariables.EXAM_SITE,
                registration.examSite(),
                CaseVariables.EXAM_YEAR,
                registration.examYear(),
                // the review queue's column, counted on by review.UnlockReturnedMaterialsDelegate
                CaseVariables.REVIEW_ROUND,
                "第 1 次初审");
    }
}
