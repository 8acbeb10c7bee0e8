package cn.medexam.qualification.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

/** A person on the engine's thread as Camunda's webapps and REST API put them there: with their groups' tenants. */
public final class EngineLogin {

    private EngineLogin() {}

    public static void as(IdentityService identity, String userId, List<String> groups) {
        identity.clearAuthentication(); // the tenants are read as the login reads them, not as whoever was here
        List<String> tenants = groups.stream()
                .flatMap(group -> identity.createTenantQuery().groupMember(group).list().stream())
                .map(Tenant::getId)
                .distinct()
                .toList();
        identity.setAuthentication(userId, groups, tenants);
    }
}
