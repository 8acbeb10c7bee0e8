package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.InvalidInputException;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a campaign and moves with it every timer already waiting in that campaign's running cases, and the due
 * dates of their open tasks: both are expressions over the campaign ({@link CampaignCalendar}), so re-evaluating
 * them is enough.
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    private static final int PAGE = 500;

    private final CampaignRepository repository;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ReviewProperties properties;
    private final EngineClock clock;
    private final ApplicationEventPublisher events;
    private final TaskService taskService;
    private final ProcessEngineConfigurationImpl processEngineConfiguration;

    CampaignService(
            CampaignRepository repository,
            RuntimeService runtimeService,
            ManagementService managementService,
            TaskService taskService,
            ProcessEngineConfigurationImpl processEngineConfiguration,
            ReviewProperties properties,
            EngineClock clock,
            ApplicationEventPublisher events) {
        this.taskService = taskService;
        this.processEngineConfiguration = processEngineConfiguration;
        this.events = events;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.properties = properties;
        this.clock = clock;
    }

    public record Change(Campaign campaign, boolean created, int movedTimers) {}

    /** The form to fill for a change: the stored campaign, or an empty one for a new region and year. */
    public CampaignForm formFor(Region region, int examYear) {
        return repository.find(region, examYear).map(CampaignForm::of).orElseGet(CampaignForm::new);
    }

    @Transactional
    public Change save(Region region, int examYear, CampaignForm form) {
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Campaign campaign = form.toCampaign(region, examYear);
        boolean created = repository.save(campaign, clock.now());
        if (created) {
            events.publishEvent(new CampaignCreated(region, examYear));
        }
        int moved = created ? 0 : recalculateWaitingTimers(region, examYear);
        log.info("campaign {} {} saved, {} waiting timers recalculated", region, examYear, moved);
        return new Change(campaign, created, moved);
    }

    private int recalculateWaitingTimers(Region region, int examYear) {
        Set<String> cases = runningCases(region, examYear);
        if (cases.isEmpty()) {
            return 0;
        }
        List<String> openTasks = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<Task> page = taskService
                    .createTaskQuery()
                    .processDefinitionKey(properties.processDefinitionKey())
                    .orderByTaskId()
                    .asc()
                    .listPage(first, PAGE);
            page.stream()
                    .filter(task -> cases.contains(task.getProcessInstanceId()))
                    .map(Task::getId)
                    .forEach(openTasks::add);
            if (page.size() < PAGE) {
                break;
            }
        }
        processEngineConfiguration.getCommandExecutorTxRequired().execute(new RecalculateTaskDueDates(openTasks));
        int moved = 0;
        for (int first = 0; ; first += PAGE) {
            List<Job> timers = managementService
                    .createJobQuery()
                    .processDefinitionKey(properties.processDefinitionKey())
                    .timers()
                    .orderByJobId()
                    .asc()
                    .listPage(first, PAGE);
            for (Job timer : timers) {
                if (cases.contains(timer.getProcessInstanceId())) {
                    managementService.recalculateJobDuedate(timer.getId(), false);
                    moved++;
                }
            }
            if (timers.size() < PAGE) {
                return moved;
            }
        }
    }

    private Set<String> runningCases(Region region, int examYear) {
        Set<String> ids = new HashSet<>();
        for (int first = 0; ; first += PAGE) {
            List<ProcessInstance> page = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(properties.processDefinitionKey())
                    .variableValueEquals("region", region.name())
                    .variableValueEquals("examYear", examYear)
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(first, PAGE);
            page.forEach(instance -> ids.add(instance.getId()));
            if (page.size() < PAGE) {
                return ids;
            }
        }
    }
}
