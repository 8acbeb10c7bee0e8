package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fresh installation: no administrator yet. The first one comes from QR_FIRST_ADMIN_ID and QR_FIRST_ADMIN_PASSWORD,
 * or the start fails saying so. (Each test takes the administrators away inside a transaction that is rolled back.)
 */
@EngineTest
@Transactional
class FirstAdministratorTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TestUsers users;

    @BeforeEach
    void aFreshInstallationWithoutAdministrators() {
        users.ensureExist();
        identityService
                .createUserQuery()
                .memberOfGroup(ReviewGroups.ADMINS)
                .list()
                .forEach(admin -> identityService.deleteMembership(admin.getId(), ReviewGroups.ADMINS));
    }

    @Test
    void aStartWithoutTheVariablesFailsAndSaysWhatToSet() {
        assertThatThrownBy(() -> firstStart("", "").ensureAnAdministratorExists())
                .hasMessageContaining("QR_FIRST_ADMIN_ID")
                .hasMessageContaining("QR_FIRST_ADMIN_PASSWORD");
    }

    @Test
    void aWeakPasswordFailsTheStart() {
        assertThatThrownBy(() -> firstStart("kaoqu-admin", "1").ensureAnAdministratorExists())
                .hasMessageContaining(PasswordRules.MESSAGE);
        assertThat(identityService.createUserQuery().userId("kaoqu-admin").count())
                .isZero();
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironment() {
        firstStart("kaoqu-admin", "Kaoqu2027admin").ensureAnAdministratorExists();

        assertThat(identityService.checkPassword("kaoqu-admin", "Kaoqu2027admin"))
                .isTrue();
        assertThat(identityService
                        .createUserQuery()
                        .userId("kaoqu-admin")
                        .memberOfGroup(ReviewGroups.ADMINS)
                        .count())
                .isOne();
        assertThat(authorizationService.isUserAuthorized(
                        "kaoqu-admin",
                        List.of(ReviewGroups.ADMINS),
                        Permissions.ACCESS,
                        Resources.APPLICATION,
                        "cockpit"))
                .isTrue();
    }

    @Test
    void anExistingAccountIsNeverPromoted() {
        assertThatThrownBy(() ->
                        firstStart(TestUsers.SITE_REVIEWER, "Kaoqu2027admin").ensureAnAdministratorExists())
                .hasMessageContaining("existing user");
        assertThat(identityService
                        .createUserQuery()
                        .userId(TestUsers.SITE_REVIEWER)
                        .memberOfGroup(ReviewGroups.ADMINS)
                        .count())
                .isZero();
    }

    @Test
    void onceThereIsAnAdministratorTheVariablesAreIgnored() {
        firstStart("kaoqu-admin", "Kaoqu2027admin").ensureAnAdministratorExists();

        firstStart("", "").ensureAnAdministratorExists();
        firstStart("another-admin", "Another2027admin").ensureAnAdministratorExists();

        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup(ReviewGroups.ADMINS)
                        .list())
                .extracting(User::getId)
                .containsExactly("kaoqu-admin");
    }

    private FirstAdministrator firstStart(String id, String password) {
        return new FirstAdministrator(identityService, authorizationService, id, password);
    }
}
