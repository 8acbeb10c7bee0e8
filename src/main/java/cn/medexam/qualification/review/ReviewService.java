package cn.medexam.qualification.review;

import cn.medexam.qualification.checklist.ChecklistEntry;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.system.ApiError.FieldError;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a reviewer's verdict and completes the review task with it. The per-material returns stay in the
 * application's tables; the process gets the outcome and the reason.
 */
@Service
public class ReviewService {

    /** review_decision.reason and material_return.reason (review/V1_4). */
    static final int REASON_LENGTH = 500;

    private final TaskService taskService;
    private final ReviewDecisionRepository decisions;
    private final Checklists checklists;
    private final EngineClock clock;
    private final PaperForms paperForms;

    ReviewService(
            TaskService taskService,
            ReviewDecisionRepository decisions,
            Checklists checklists,
            EngineClock clock,
            PaperForms paperForms) {
        this.paperForms = paperForms;
        this.taskService = taskService;
        this.decisions = decisions;
        this.checklists = checklists;
        this.clock = clock;
    }

    @Transactional
    public void decide(String candidateNo, ReviewStage stage, Verdict verdict, String reviewer) {
        Task task = openTask(candidateNo, stage);
        check(candidateNo, stage, verdict);
        if (verdict.outcome() == ReviewOutcome.PASS && stage == ReviewStage.REGION) {
            paperForms.requireForFinalPass(candidateNo);
        }
        decisions.record(candidateNo, stage, verdict, reviewer, clock.now());

        Map<String, Object> variables = new HashMap<>();
        variables.put(stage.outcomeVariable(), verdict.outcome().name());
        // who decided, for the office's workload (office.ProgressHistoryHandler): completing sets no engine user
        variables.put(CaseVariables.DECIDED_BY, reviewer);
        if (verdict.outcome() == ReviewOutcome.NOT_QUALIFIED) {
            variables.put(CaseVariables.NOT_QUALIFIED_STAGE, stage.name());
            variables.put(CaseVariables.NOT_QUALIFIED_REASON, verdict.reason());
        }
        if (verdict.outcome() == ReviewOutcome.ON_SITE) {
            variables.put(CaseVariables.ON_SITE_REASON, verdict.reason());
            variables.put(CaseVariables.ON_SITE_REQUESTED_AT, Date.from(clock.now()));
        }
        if (verdict.outcome() == ReviewOutcome.RETURN) {
            variables.put(
                    "returnedMaterials", String.join(",", verdict.returns().keySet()));
        }
        taskService.complete(task.getId(), variables);
    }

    /**
     * 放回待审列表: the reviewer who claimed the review task gives it back to their group's list, for a colleague to
     * take. Reviewers may work tasks, not reassign them (TASK_WORK), so this is the one way back short of an
     * administrator.
     */
    @Transactional
    public void release(String candidateNo, ReviewStage stage, String reviewer) {
        Task task = openTask(candidateNo, stage);
        if (!reviewer.equals(task.getAssignee())) {
            throw DomainException.conflict("NOT_CLAIMED_BY_YOU", "该审核任务不是由您认领的，不能放回待审列表");
        }
        taskService.setAssignee(task.getId(), null);
    }

    /**
     * 下一位: the oldest unclaimed task of the same Tasklist filter as the round just decided (the site's 初审, paper and
     * on-site reviews, or the region's 终审; in the filter's order), claimed for the reviewer. A colleague who claims
     * it at the same moment wins; the next one is tried.
     */
    public Optional<NextCase> claimNext(String group, ReviewStage decided, String reviewer) {
        TaskQuery unassigned =
                taskService.createTaskQuery().taskCandidateGroup(group).taskUnassigned();
        // the filters' orders (TasklistFilters)
        TaskQuery queue = decided == ReviewStage.REGION
                ? unassigned
                        .taskDefinitionKey(ReviewStage.REGION.taskKey())
                        .orderByDueDate()
                        .asc()
                : unassigned
                        .taskDefinitionKeyIn(ReviewStage.siteQueue())
                        .orderByFollowUpDate()
                        .asc();
        List<Task> waiting = queue.orderByTaskCreateTime().asc().listPage(0, 5);
        for (Task task : waiting) {
            try {
                taskService.claim(task.getId(), reviewer);
                String candidateNo = (String) taskService.getVariable(task.getId(), "candidateNo");
                return Optional.of(new NextCase(candidateNo, task.getId()));
            } catch (TaskAlreadyClaimedException | OptimisticLockingException colleagueWasFaster) {
                // the next one
            }
        }
        return Optional.empty();
    }

    /** The case a reviewer reviews next, and its task for Tasklist's address. */
    public record NextCase(String candidateNo, String taskId) {}

    private Task openTask(String candidateNo, ReviewStage stage) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(candidateNo)
                .taskDefinitionKey(stage.taskKey())
                .singleResult();
        if (task == null) {
            throw DomainException.conflict("NO_REVIEW_TASK", "该考生当前没有待处理的审核任务");
        }
        return task;
    }

    /** When the candidate's materials were last returned, if ever. */
    public Optional<Instant> latestReturnAt(String candidateNo) {
        return decisions.latestReturnAt(candidateNo);
    }

    /** When the candidate was last sent to on-site review, if ever. */
    public Optional<Instant> latestOnSiteAt(String candidateNo) {
        return decisions.latestDecisionAt(candidateNo, ReviewOutcome.ON_SITE);
    }

    /** The review round of the site: 1 for the first 考点初审, 2 after one return, … */
    public int siteRound(String candidateNo) {
        return decisions.siteReturns(candidateNo) + 1;
    }

    /** What the site decided last when it passed the candidate, with its notes per material. */
    Optional<ReviewCaseController.SiteReview> latestSitePass(String candidateNo) {
        return decisions.latestSitePass(candidateNo);
    }

    /** The latest returned materials of a candidate with their reasons. */
    public Map<String, String> latestReturns(String candidateNo) {
        return decisions.latestReturns(candidateNo);
    }

    private void check(String candidateNo, ReviewStage stage, Verdict verdict) {
        List<FieldError> problems = new ArrayList<>();
        if (verdict.outcome() == ReviewOutcome.NOT_QUALIFIED && blank(verdict.reason())) {
            problems.add(new FieldError("reason", "审核不合格须填写原因"));
        }
        if (tooLong(verdict.reason())) {
            problems.add(new FieldError("reason", "原因最长 " + REASON_LENGTH + " 个字"));
        }
        if (verdict.outcome() == ReviewOutcome.ON_SITE) {
            if (stage != ReviewStage.SITE) {
                problems.add(new FieldError("outcome", "只有考点初审可以安排现场审核"));
            } else if (blank(verdict.reason())) {
                problems.add(new FieldError("reason", "安排现场审核须填写原因，例如：身份证信息异常"));
            }
        }
        Set<String> materials = checklists.activeMaterials(candidateNo).stream()
                .map(ChecklistEntry::code)
                .collect(Collectors.toSet());
        verdict.notes().forEach((code, note) -> {
            if (!materials.contains(code)) {
                problems.add(new FieldError("notes." + code, "该考生的材料清单中没有此项材料"));
            } else if (blank(note) || note.length() > 500) {
                problems.add(new FieldError("notes." + code, "材料备注须为 1 至 500 个字符"));
            }
        });
        if (verdict.reason() != null && verdict.reason().length() > 500) {
            problems.add(new FieldError("reason", "原因最长 500 个字符"));
        }
        if (verdict.outcome() == ReviewOutcome.RETURN) {
            if (stage != ReviewStage.SITE) {
                problems.add(new FieldError("outcome", "只有考点初审可以退回材料"));
            } else if (verdict.returns().isEmpty()) {
                problems.add(new FieldError("returns", "退回须至少指明一项材料及原因"));
            }
            verdict.returns().forEach((code, reason) -> {
                if (!materials.contains(code)) {
                    problems.add(new FieldError("returns." + code, "该考生的材料清单中没有此项材料"));
                } else if (blank(reason)) {
                    problems.add(new FieldError("returns." + code, "退回材料须填写原因"));
                } else if (tooLong(reason)) {
                    problems.add(new FieldError("returns." + code, "退回原因最长 " + REASON_LENGTH + " 个字"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean tooLong(String text) {
        return text != null && text.length() > REASON_LENGTH;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
