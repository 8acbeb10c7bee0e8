package cn.medexam.qualification.review;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.ReviewGroups;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Who may see and decide which case: the same groups the process makes candidate groups of its review tasks. */
@Component
class ReviewerAccess {

    private final Registrations registrations;
    private final TaskService taskService;

    ReviewerAccess(Registrations registrations, TaskService taskService) {
        this.registrations = registrations;
        this.taskService = taskService;
    }

    /** The registration, if the caller reviews its site or region; otherwise 404, as if it did not exist. */
    Registration registrationFor(String candidateNo, Authentication caller) {
        Set<String> groups = groups(caller);
        return registrations
                .find(candidateNo)
                .filter(r -> groups.contains(ReviewGroups.site(r.examSite()))
                        || groups.contains(ReviewGroups.region(r.region().name())))
                .orElseThrow(ReviewerAccess::unknown);
    }

    /** The registration, if the caller reviews the candidate's exam site; region reviewers are refused. */
    Registration siteReviewerFor(String candidateNo, Authentication caller) {
        Registration registration = registrationFor(candidateNo, caller);
        if (!groups(caller).contains(ReviewGroups.site(registration.examSite()))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "SITE_REVIEWERS_ONLY", "只有该考生所在考点的审核人员可以登记纸质申请表");
        }
        return registration;
    }

    /** Whether the caller reviews this registration's site or region. */
    boolean mayView(Registration registration, Authentication caller) {
        Set<String> groups = groups(caller);
        return groups.contains(ReviewGroups.site(registration.examSite()))
                || groups.contains(ReviewGroups.region(registration.region().name()));
    }

    boolean inGroup(Authentication caller, String group) {
        return groups(caller).contains(group);
    }

    /** The open review round the caller may decide. */
    ReviewStage stageFor(String candidateNo, Authentication caller) {
        Registration registration = registrationFor(candidateNo, caller);
        ReviewStage stage =
                openStage(candidateNo).orElseThrow(() -> DomainException.conflict("NO_REVIEW_TASK", "该考生当前没有待处理的审核任务"));
        String group = stage == ReviewStage.REGION
                ? ReviewGroups.region(registration.region().name())
                : ReviewGroups.site(registration.examSite());
        if (!groups(caller).contains(group)) {
            throw DomainException.conflict(
                    "NOT_YOUR_REVIEW",
                    stage == ReviewStage.REGION ? "该考生正在等待考区终审，考点审核人员不能作出终审结论" : "该考生正在等待考点审核，考区审核人员请等待初审结果");
        }
        return stage;
    }

    Optional<ReviewStage> openStage(String candidateNo) {
        Set<String> open = taskService.createTaskQuery().processInstanceBusinessKey(candidateNo).list().stream()
                .map(task -> task.getTaskDefinitionKey())
                .collect(Collectors.toSet());
        return Arrays.stream(ReviewStage.values())
                .filter(stage -> open.contains(stage.taskKey()))
                .findFirst();
    }

    private static Set<String> groups(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
    }

    private static ApiException unknown() {
        return ApiException.notFound("未找到该考生，或您无权查看该考生的材料");
    }
}
