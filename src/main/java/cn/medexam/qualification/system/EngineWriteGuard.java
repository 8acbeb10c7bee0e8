package cn.medexam.qualification.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
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
            "ProcessInstanceModificationBatchCmd",
            "RestartProcessInstancesCmd",
            "DeleteProcessInstanceCmd",
            "DeleteProcessInstancesCmd",
            "DeleteProcessInstanceBatchCmd",
            "MigrateProcessInstanceCmd",
            "MigrateProcessInstanceBatchCmd",
            "SetProcessDefinitionVersionCmd",
            // deadlines are the campaign's: a timer is neither fired early nor moved by hand
            "ExecuteJobsCmd",
            "SetJobDuedateCmd",
            "RecalculateJobDuedateCmd");

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
            if (CASE_WRITES.contains(name)) {
                refuse(person, name, CASE_WRITE_REFUSED);
            }
            // a person's own password goes through SaveUserCmd; the account rules below judge it
            if (ACCOUNT_WRITES.contains(name) && !"SaveUserCmd".equals(name) && !isAdministrator(person)) {
                refuse(person, name, ACCOUNT_WRITE_REFUSED);
            }
        }
    }

    static boolean isAdministrator(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(ReviewGroups.ADMINS);
    }

    static void refuse(Authentication person, String action, String message) {
        log.warn("refused {} through the engine API for user {}", action, person.getUserId());
        throw new AuthorizationException(message);
    }
}
