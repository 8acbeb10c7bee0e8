package cn.medexam.qualification.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The application is the only writer of a case. A command that a person sends through the engine's REST API or the
 * webapps' engine API (Camunda puts that person on the thread as the current authentication) may read, claim and
 * administer jobs, but it may not write a case: no process variable, no task completion, no message, no start, no
 * deletion, no timer moved, no attachment. The application's own calls ({@code /api}, delegates, the job executor)
 * run without such an authentication and pass. Accounts, groups and permissions are administrators' work; within
 * it, {@link AccountRules} keep candidate accounts to the activation flow and let everyone change their own password.
 */
@Component
@Order(0)
public class EngineWriteGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineWriteGuard.class);

    static final String CASE_WRITE_REFUSED = "考生的材料、流程变量和审核结论只能通过本系统的页面和接口办理，引擎接口不能修改";
    static final String CANDIDATE_READ_REFUSED = "请在本系统的考生页面查看审核进度；引擎接口不向考生提供流程变量";
    static final String PASSWORD_CHECK_REFUSED = "引擎接口不核对他人的密码；请在本系统的登录页登录";
    static final String OPERATION_REFUSED = "作业重试、优先级和事件只能由考区管理员处理";
    static final String CLAIM_REFUSED = "任务只能由本人认领，不能替他人认领";
    static final String ACCOUNT_WRITE_REFUSED = "您只能修改自己的密码；账号由考区管理员维护，考生账号由激活流程建立";

    /** Commands that write a case: refused to every person, administrators included. */
    static final Set<String> CASE_WRITES = Set.of(
            // variables
            "SetTaskVariablesCmd",
            "RemoveTaskVariablesCmd",
            "PatchTaskVariablesCmd",
            "SetExecutionVariablesCmd",
            "RemoveExecutionVariablesCmd",
            "PatchExecutionVariablesCmd",
            "SetVariablesToProcessInstancesBatchCmd",
            // decisions on tasks
            "CompleteTaskCmd",
            "SubmitTaskFormCmd",
            "ResolveTaskCmd",
            "DelegateTaskCmd",
            "HandleTaskBpmnErrorCmd",
            "HandleTaskEscalationCmd",
            "CreateAttachmentCmd",
            "SaveAttachmentCmd",
            "DeleteAttachmentCmd",
            "AddCommentCmd",
            "UpdateCommentCmd",
            "DeleteTaskCommentCmd",
            "DeleteProcessInstanceCommentCmd",
            // the course of a case
            "StartProcessInstanceCmd",
            "StartProcessInstanceAtActivitiesCmd",
            "SubmitStartFormCmd",
            "CorrelateMessageCmd",
            "CorrelateAllMessageCmd",
            "CorrelateAllMessageBatchCmd",
            "MessageEventReceivedCmd",
            "SignalCmd",
            "SignalEventReceivedCmd",
            "EvaluateStartConditionCmd",
            "ModifyProcessInstanceCmd",
            "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationCmd",
            "ProcessInstanceModificationBatchCmd",
            "RestartProcessInstancesCmd",
            "RestartProcessInstancesBatchCmd",
            "DeleteProcessInstanceCmd",
            "DeleteProcessInstancesCmd",
            "DeleteProcessInstanceBatchCmd",
            "MigrateProcessInstanceCmd",
            "MigrateProcessInstanceBatchCmd",
            "SetProcessDefinitionVersionCmd",
            // deadlines are the campaign's: a timer is neither fired early nor moved by hand
            "ExecuteJobsCmd",
            "SetJobDuedateCmd",
            "RecalculateJobDuedateCmd",
            "DeleteJobCmd",
            "SuspendJobCmd",
            "ActivateJobCmd",
            "SuspendJobDefinitionCmd",
            "ActivateJobDefinitionCmd",
            "DeleteBatchCmd",
            "SuspendBatchCmd",
            // a suspended case (or process) neither moves nor takes a new registration
            "SuspendProcessInstanceCmd",
            "ActivateProcessInstanceCmd",
            "UpdateProcessInstancesSuspendStateCmd",
            "UpdateProcessInstancesSuspendStateBatchCmd",
            "SuspendProcessDefinitionCmd",
            "ActivateProcessDefinitionCmd",
            // who works a task and when it is due: claimed by oneself (ClaimTaskCmd, below), nothing else
            "AssignTaskCmd",
            "SetTaskOwnerCmd",
            "AddUserIdentityLinkCmd",
            "AddGroupIdentityLinkCmd",
            "DeleteUserIdentityLinkCmd",
            "DeleteGroupIdentityLinkCmd",
            "SaveTaskCmd",
            "CreateTaskCmd",
            "DeleteTaskCmd",
            "SetTaskNameCmd",
            "SetTaskDescriptionCmd",
            "SetTaskDueDateCmd",
            "SetTaskFollowUpDateCmd",
            "SetTaskPriorityCmd",
            // Tasklist's filters are the application's, one per group (review.TasklistFilters): a stored query's
            // expressions (${...}) run as the engine when anybody lists the filter, and could write any case
            "CreateFilterCmd",
            "SaveFilterCmd",
            "DeleteFilterCmd",
            // the models are the application's build (camunda.bpm.deployment-resource-pattern): a deployed model
            // runs its expressions as the engine, with no person on the thread, and could write any case
            "DeployCmd",
            "DeleteDeploymentCmd",
            "DeleteProcessDefinitionsByIdsCmd",
            "DeleteProcessDefinitionsByKeyCmd",
            // the record of a case stays until the history cleanup's time (PIPL, decision 0003)
            "DeleteHistoricProcessInstancesCmd",
            "DeleteHistoricProcessInstancesBatchCmd",
            "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd",
            "DeleteHistoricTaskInstanceCmd",
            "DeleteHistoricDecisionInstanceByDefinitionIdCmd",
            "DeleteHistoricDecisionInstanceByInstanceIdCmd",
            "DeleteHistoricDecisionInstancesBatchCmd",
            "DeleteHistoricDecisionInstancesBulkCmd",
            "DeleteUserOperationLogEntryCmd",
            "SetRemovalTimeToHistoricProcessInstancesCmd",
            "SetRemovalTimeToHistoricDecisionInstancesCmd",
            "UpdateProcessDefinitionHistoryTimeToLiveCmd",
            "UpdateDecisionDefinitionHistoryTimeToLiveCmd");

    /**
     * Operating the engine (a failed job's retries, priorities, incidents): administrators only. Camunda checks no
     * permission for a job without a process (the history cleanup, a batch's jobs such as a deadline move), so
     * anyone could otherwise park the cleanup with retries 0. An administrator's retry neither parks a job (0
     * retries) nor moves its due date (a timer is the campaign's).
     */
    static final Set<String> OPERATIONS = Set.of(
            "SetJobRetriesCmd",
            "SetJobsRetriesBatchCmd",
            "SetJobPriorityCmd",
            "SetJobDefinitionPriorityCmd",
            "SetExternalTaskRetriesCmd",
            "SetExternalTasksRetriesCmd",
            "SetExternalTasksRetriesBatchCmd",
            "SetExternalTaskPriorityCmd",
            "CreateIncidentCmd",
            "ResolveIncidentCmd",
            "SetAnnotationForIncidentCmd",
            "ActivateBatchCmd");

    /**
     * Reads of a case's variables, which name the reviewers (decidedBy) and carry the office's working data: a
     * candidate's own view is {@code GET /api/me/case}; their upload form reads nothing through the engine.
     */
    static final Set<String> CANDIDATE_READS = Set.of(
            "GetTaskVariablesCmd",
            "GetTaskVariableCmd",
            "GetTaskVariableCmdTyped",
            "GetTaskFormVariablesCmd",
            "GetExecutionVariablesCmd",
            "GetExecutionVariableCmd",
            "GetExecutionVariableTypedCmd");

    /** Commands that change accounts, groups or permissions. */
    static final Set<String> ACCOUNT_WRITES = Set.of(
            "CreateUserCmd",
            "SaveUserCmd",
            "DeleteUserCmd",
            "UnlockUserCmd",
            "SetUserInfoCmd",
            "DeleteUserInfoCmd",
            "SetUserPictureCmd",
            "DeleteUserPictureCmd",
            "CreateMembershipCmd",
            "DeleteMembershipCmd",
            "CreateGroupCmd",
            "SaveGroupCmd",
            "DeleteGroupCmd",
            "CreateTenantCmd",
            "SaveTenantCmd",
            "DeleteTenantCmd",
            "CreateTenantUserMembershipCmd",
            "DeleteTenantUserMembershipCmd",
            "CreateTenantGroupMembershipCmd",
            "DeleteTenantGroupMembershipCmd",
            "CreateAuthorizationCommand",
            "SaveAuthorizationCmd",
            "DeleteAuthorizationCmd");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AccountRules.class));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PasswordRules());
        // a user owns their account to read it and change its password, not to delete it
        configuration.setResourceAuthorizationProvider(new OwnAccountAuthorizations());
    }

    private static List<CommandInterceptor> withGuard(
            List<CommandInterceptor> interceptors, ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> guarded = new ArrayList<>();
        guarded.add(new Interceptor(configuration));
        if (interceptors != null) {
            guarded.addAll(interceptors);
        }
        return guarded;
    }

    private static final class Interceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Interceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // only the outermost command is the caller's; what it runs inside is the engine's own doing
            if (Context.getCommandContext() == null) {
                Authentication person = configuration.getIdentityService().getCurrentAuthentication();
                if (person != null && person.getUserId() != null) {
                    check(command, person);
                }
            }
            return next.execute(command);
        }

        private void check(Command<?> command, Authentication person) {
            String name = command.getClass().getSimpleName();
            if (CASE_WRITES.contains(name) && !givesBackAClaim(command, person)) {
                refuse(person, name, CASE_WRITE_REFUSED);
            }
            // a task is claimed by the person who will work it, never for somebody else
            if (command instanceof ClaimTaskCmd
                    && !person.getUserId().equals(field(command, ClaimTaskCmd.class, "userId"))) {
                refuse(person, name, CLAIM_REFUSED);
            }
            if (OPERATIONS.contains(name)
                    && (!isAdministrator(person) || parksAJobOrMovesATimer(command, configuration))) {
                refuse(person, name, isAdministrator(person) ? CASE_WRITE_REFUSED : OPERATION_REFUSED);
            }
            // GET /identity/verify checks any account's password past the login throttle (system.LoginThrottle);
            // a person's own password is checked when they change it
            if (command instanceof CheckPassword
                    && !person.getUserId().equals(field(command, CheckPassword.class, "userId"))) {
                refuse(person, name, PASSWORD_CHECK_REFUSED);
            }
            if (CANDIDATE_READS.contains(name) && isCandidate(person) && !isAdministrator(person)) {
                refuse(person, name, CANDIDATE_READ_REFUSED);
            }
            // a person's own password goes through SaveUserCmd; the account rules below judge it
            if (ACCOUNT_WRITES.contains(name) && !"SaveUserCmd".equals(name) && !isAdministrator(person)) {
                refuse(person, name, ACCOUNT_WRITE_REFUSED);
            }
        }
    }

    /** An administrator may free a task claimed by someone who cannot work it: back to its group, nobody's claim. */
    private static boolean givesBackAClaim(Command<?> command, Authentication person) {
        return command instanceof AssignTaskCmd
                && isAdministrator(person)
                && field(command, AbstractAddIdentityLinkCmd.class, "userId") == null;
    }

    /**
     * Retries of 0 park a job; a due date given with a retry moves it, which a failed SMS may get (Cockpit's retry
     * dialog) but a timer may not. A batch retry names its jobs by query: no due date there.
     */
    private static boolean parksAJobOrMovesATimer(Command<?> command, ProcessEngineConfigurationImpl configuration) {
        if (command instanceof SetJobRetriesCmd) {
            if ((int) field(command, SetJobRetriesCmd.class, "retries") < 1) {
                return true;
            }
            if (!(boolean) field(command, SetJobRetriesCmd.class, "isDueDateSet")) {
                return false;
            }
            JobQuery timers =
                    configuration.getManagementService().createJobQuery().timers();
            String jobId = (String) field(command, SetJobRetriesCmd.class, "jobId");
            String jobDefinitionId = (String) field(command, SetJobRetriesCmd.class, "jobDefinitionId");
            @SuppressWarnings("unchecked")
            List<String> jobIds = (List<String>) field(command, SetJobRetriesCmd.class, "jobIds");
            if (jobId != null) {
                timers.jobId(jobId);
            } else if (jobDefinitionId != null) {
                timers.jobDefinitionId(jobDefinitionId);
            } else if (jobIds != null && !jobIds.isEmpty()) {
                timers.jobIds(new HashSet<>(jobIds));
            }
            return timers.count() > 0;
        }
        return command instanceof AbstractSetJobsRetriesBatchCmd
                && ((int) field(command, AbstractSetJobsRetriesBatchCmd.class, "retries") < 1
                        || (boolean) field(command, AbstractSetJobsRetriesBatchCmd.class, "isDueDateSet"));
    }

    /** A field of a Camunda command, which keeps its arguments without getters. */
    static Object field(Command<?> command, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(declaring.getSimpleName() + " has no field " + name, e);
        }
    }

    private static boolean isCandidate(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(ReviewGroups.CANDIDATES);
    }

    static boolean isAdministrator(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(ReviewGroups.ADMINS);
    }

    static void refuse(Authentication person, String action, String message) {
        log.warn("refused {} through the engine API for user {}", action, person.getUserId());
        throw new AuthorizationException(message);
    }
}
