package cn.medexam.qualification.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * A tenant per exam region (decision 0029): every case is started in the tenant of its region (cases never change
 * region), from the one shared deployment of the process. The engine then checks for every person who asks what
 * tenants they belong to, and a region's reviewers may read the tasks of the whole definition
 * ({@link IdentityProvisioning}): one grant instead of one per case, and their region's tenant keeps them to their
 * region. SMS deliveries and standalone decisions belong to no tenant: only administrators read them.
 */
@Component
public class RegionTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    static final String OTHER_REGION = "该考生属于其他考区，您无权查看或办理";

    private final ReviewProperties properties;
    private ProcessEngine engine;

    RegionTenants(ReviewProperties properties) {
        this.properties = properties;
    }

    /** The tenant of a region's cases: the region's code, e.g. SHANDONG. */
    public static String of(String region) {
        return region;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
        // the engine's own two checkers, in its order, the tenant check refusing as the authorization check does
        configuration.setCommandCheckers(new ArrayList<>(
                List.of(refusingAsForbidden(new TenantCommandChecker()), new AuthorizationCommandChecker())));
    }

    /**
     * The engine refuses another region's task, case or variable asked for by id with a plain
     * {@link ProcessEngineException} ("belongs to no authenticated tenant"), which its REST API answers with 500;
     * here with an {@link AuthorizationException}, which it answers with 403, as for a case of another site.
     */
    private static CommandChecker refusingAsForbidden(CommandChecker tenantCheck) {
        return (CommandChecker) Proxy.newProxyInstance(
                CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(tenantCheck, args);
                    } catch (InvocationTargetException refused) {
                        if (refused.getCause() instanceof ProcessEngineException
                                && !(refused.getCause() instanceof AuthorizationException)) {
                            throw new AuthorizationException(OTHER_REGION);
                        }
                        throw refused.getCause();
                    }
                });
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (!properties
                .processDefinitionKey()
                .equals(context.getProcessDefinition().getKey())) {
            return null;
        }
        if (!(context.getVariables().get(CaseVariables.REGION) instanceof String region) || region.isBlank()) {
            // a case outside its region's tenant would be outside every region's sight, or in every region's
            throw new ProcessEngineException(
                    "a case is started with its region (variable " + CaseVariables.REGION + ")");
        }
        return of(region);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }

    /**
     * Whether every running case is in its region's tenant: not so in a database whose season began before decision
     * 0029, until the cases started then have ended. Until then a region's reviewers keep the grants of their cases
     * alone, since a grant on the whole definition would show them the tenant-less cases of every region.
     */
    public boolean everyCaseInItsRegionsTenant() {
        return engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(properties.processDefinitionKey())
                        .withoutTenantId()
                        .count()
                == 0;
    }
}
