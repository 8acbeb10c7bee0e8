package cn.medexam.qualification.system;

import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's database identity provider with the application's account rules, for writes a person makes through the
 * engine (REST, Admin, the webapps' profile page); the application's own writes carry no authentication and pass.
 * <ul>
 * <li>Everyone may change their own password (the {@link PasswordRules} apply), and nothing else of their account.</li>
 * <li>Administrators manage staff accounts and memberships, but not candidate accounts: those are made, and their
 * passwords set, only by the activation flow, and nobody joins group {@code candidates} any other way.</li>
 * </ul>
 */
public class AccountRules extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
        Authentication person = person();
        if (person != null
                && !isOwnPasswordChange(person, user)
                && (!EngineWriteGuard.isAdministrator(person) || isCandidateAccount(user.getId()))) {
            EngineWriteGuard.refuse(person, "saving user " + user.getId(), EngineWriteGuard.ACCOUNT_WRITE_REFUSED);
        }
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        refuseUnlessStaffAccountOfAnAdministrator("deleting user " + userId, userId);
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        refuseUnlessStaffAccountOfAnAdministrator("adding " + userId + " to " + groupId, userId);
        Authentication person = person();
        if (person != null && ReviewGroups.CANDIDATES.equals(groupId)) {
            EngineWriteGuard.refuse(
                    person, "adding " + userId + " to " + groupId, EngineWriteGuard.ACCOUNT_WRITE_REFUSED);
        }
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        refuseUnlessStaffAccountOfAnAdministrator("removing " + userId + " from " + groupId, userId);
        return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
        refuseUnlessStaffAccountOfAnAdministrator("unlocking user " + userId, userId);
        return super.unlockUser(userId);
    }

    private void refuseUnlessStaffAccountOfAnAdministrator(String action, String userId) {
        Authentication person = person();
        if (person != null && (!EngineWriteGuard.isAdministrator(person) || isCandidateAccount(userId))) {
            EngineWriteGuard.refuse(person, action, EngineWriteGuard.ACCOUNT_WRITE_REFUSED);
        }
    }

    /** The password changes; the names and e-mail a person's account is known by do not. */
    private boolean isOwnPasswordChange(Authentication person, User user) {
        if (!person.getUserId().equals(user.getId())) {
            return false;
        }
        User stored = identity().createUserQuery().userId(user.getId()).singleResult();
        return stored != null
                && Objects.equals(stored.getFirstName(), user.getFirstName())
                && Objects.equals(stored.getLastName(), user.getLastName())
                && Objects.equals(stored.getEmail(), user.getEmail());
    }

    private boolean isCandidateAccount(String userId) {
        return identity()
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(ReviewGroups.CANDIDATES)
                        .count()
                > 0;
    }

    private static Authentication person() {
        Authentication authentication = Context.getCommandContext().getAuthentication();
        return authentication == null || authentication.getUserId() == null ? null : authentication;
    }

    private static IdentityService identity() {
        return Context.getProcessEngineConfiguration().getIdentityService();
    }
}
