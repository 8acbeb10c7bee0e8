package cn.medexam.qualification.support;

import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.ReviewGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The callers of the API tests, made in Camunda's identity service like every real user. */
@Component
public class TestUsers {

    public static final String PASSWORD = "Test-Passw0rd";
    public static final String ADMIN = "test-admin";
    public static final String REGISTRAR = "test-registrar";
    public static final String SITE_REVIEWER = "test-reviewer-3701";
    public static final String OTHER_SITE_REVIEWER = "test-reviewer-3702";
    public static final String REGION_REVIEWER = "test-reviewer-shandong";
    public static final String OTHER_REGION_REVIEWER = "test-reviewer-hunan";

    private final IdentityService identityService;
    private final IdentityProvisioning identity;

    TestUsers(IdentityService identityService, IdentityProvisioning identity) {
        this.identityService = identityService;
        this.identity = identity;
    }

    public void ensureExist() {
        // reviewer groups as the application makes them, with their webapp authorizations
        identity.ensureReviewerGroups("3701", "SHANDONG");
        identity.ensureReviewerGroups("3702", "HUNAN");
        ensure(ADMIN, "测试管理员", ReviewGroups.ADMINS);
        ensure(REGISTRAR, "测试报名系统", ReviewGroups.REGISTRARS);
        ensure(SITE_REVIEWER, "测试考点3701审核员", ReviewGroups.site("3701"));
        ensure(OTHER_SITE_REVIEWER, "测试考点3702审核员", ReviewGroups.site("3702"));
        ensure(REGION_REVIEWER, "测试山东考区审核员", ReviewGroups.region("SHANDONG"));
        ensure(OTHER_REGION_REVIEWER, "测试湖南考区审核员", ReviewGroups.region("HUNAN"));
    }

    private void ensure(String userId, String name, String groupId) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            identityService.saveGroup(identityService.newGroup(groupId));
        }
        User user = identityService.newUser(userId);
        user.setFirstName(name);
        user.setLastName("");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, groupId);
    }
}
