package cn.medexam.qualification.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator comes from the environment, not from whoever reaches Camunda's setup page first (that page
 * is closed, see {@link SecurityConfig}). On a start with no member of {@code camunda-admin}, {@code QR_FIRST_ADMIN_ID}
 * and {@code QR_FIRST_ADMIN_PASSWORD} make one (the {@link PasswordRules} apply); without them the start fails and
 * says so. Once an administrator exists the variables are ignored and can be removed. Every start makes sure that
 * group camunda-admin holds every permission, as Camunda's setup page would have granted.
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String id;
    private final String password;

    FirstAdministrator(
            IdentityService identityService,
            AuthorizationService authorizationService,
            @Value("${qr.first-admin.id:}") String id,
            @Value("${qr.first-admin.password:}") String password) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.id = id;
        this.password = password;
    }

    /** After the runners (the demo data brings its own administrator), before anyone can log in. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensureAnAdministratorExists() {
        grantAdministratorsEverything();
        if (identityService.createUserQuery().memberOfGroup(ReviewGroups.ADMINS).count() > 0) {
            return;
        }
        if (id.isBlank() || password.isBlank()) {
            throw new IllegalStateException("There is no administrator yet. Set QR_FIRST_ADMIN_ID and "
                    + "QR_FIRST_ADMIN_PASSWORD (" + PasswordRules.MESSAGE + ") for the first start.");
        }
        if (!PasswordRules.accepts(password)) {
            throw new IllegalStateException("QR_FIRST_ADMIN_PASSWORD is too weak: " + PasswordRules.MESSAGE);
        }
        if (identityService.createUserQuery().userId(id).count() > 0) {
            throw new IllegalStateException(
                    "QR_FIRST_ADMIN_ID names an existing user; choose a new id for the " + "first administrator");
        }
        User user = identityService.newUser(id);
        user.setFirstName("考区管理员");
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, ReviewGroups.ADMINS);
        log.info("first administrator {} created from QR_FIRST_ADMIN_ID", id);
    }

    /**
     * Group camunda-admin with every permission on every resource, as Camunda's own setup gives it: the webapps
     * decide by these grants (which apps a user sees, what Cockpit and Admin show).
     */
    private void grantAdministratorsEverything() {
        if (identityService.createGroupQuery().groupId(ReviewGroups.ADMINS).count() == 0) {
            Group admins = identityService.newGroup(ReviewGroups.ADMINS);
            admins.setName("考区管理员");
            admins.setType("SYSTEM");
            identityService.saveGroup(admins);
        }
        for (Resources resource : Resources.values()) {
            if (authorizationService
                            .createAuthorizationQuery()
                            .groupIdIn(ReviewGroups.ADMINS)
                            .resourceType(resource)
                            .resourceId(Authorization.ANY)
                            .count()
                    == 0) {
                Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(ReviewGroups.ADMINS);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
