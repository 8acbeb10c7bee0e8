package cn.medexam.qualification.system;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda grants a new user ALL on their own account, deletion included. Here a user may read their account and
 * update it, which the {@link AccountRules} narrow to changing their own password.
 */
class OwnAccountAuthorizations extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[] {
            createGrantAuthorization(
                    user.getId(), null, Resources.USER, user.getId(), Permissions.READ, Permissions.UPDATE)
        };
    }
}
