package cn.medexam.qualification.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the groups of this application and grants them what their people need in the webapps. Reviewer groups
 * are made when the first registration of their exam site or region arrives; an administrator then adds users to
 * them in Camunda Admin. A site's tasks are read through their candidate groups and assignees; a region's through
 * its tenant (decision 0029, {@link RegionTenants}), whose members are the region's group, the groups of its exam
 * sites and the candidates.
 */
@Component
public class IdentityProvisioning {

    private static final String TASKLIST = "tasklist";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ReviewProperties properties;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final RegionNames regionNames;
    private final RegionTenants tenants;
    /** Groups known to be members of a tenant ("group tenant"), so that a registration asks once per node. */
    private final Set<String> knownMembers = ConcurrentHashMap.newKeySet();

    public IdentityProvisioning(
            IdentityService identityService,
            AuthorizationService authorizationService,
            ReviewProperties properties,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            RegionNames regionNames,
            RegionTenants tenants) {
        this.events = events;
        this.tenants = tenants;
        this.regionNames = regionNames;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void provisionStandingGroups() {
        ensureGroup(ReviewGroups.REGISTRARS, "报名系统", "SYSTEM");
        if (ensureTasklistUser(ReviewGroups.CANDIDATES, "考生", "CANDIDATES")) {
            identityService
                    .createTenantQuery()
                    .list()
                    .forEach(tenant ->
                            identityService.createTenantGroupMembership(tenant.getId(), ReviewGroups.CANDIDATES));
            events.publishEvent(new CandidatesGroupCreated());
        }
    }

    /**
     * The reviewer groups of a registration's exam site and region, ready to take its tasks. Made in a transaction
     * of their own: when the first two registrations of a new site arrive at once, one makes the group and the
     * other finds it, and neither registration fails for it.
     */
    public void ensureReviewerGroups(String examSite, String region) {
        String regionName = regionNames.nameOf(region);
        String tenant = RegionTenants.of(region);
        ensureOnce(
                new ReviewerGroupCreated(ReviewGroups.region(region), false, regionName, tenant),
                regionName + "考区审核人员",
                "EXAM_REGION",
                regionName);
        ensureOnce(
                new ReviewerGroupCreated(ReviewGroups.site(examSite), true, examSite, tenant),
                "考点 " + examSite + " 审核人员",
                "EXAM_SITE",
                regionName);
    }

    /**
     * Makes sure the groups of an exam site and its region that exist from before decision 0029 are members of the
     * region's tenant, and the candidates too: a database upgraded while a season is under way.
     */
    public void ensureTenantMemberships(String examSite, String region) {
        for (String group : List.of(ReviewGroups.region(region), ReviewGroups.site(examSite))) {
            if (identityService.createGroupQuery().groupId(group).count() > 0) {
                ensureMember(RegionTenants.of(region), regionNames.nameOf(region), group);
            }
        }
    }

    /**
     * Lets a region's reviewers read the tasks of the process definition, within their region's tenant, once every
     * running case is in its region's tenant ({@link RegionTenants#everyCaseInItsRegionsTenant()}).
     *
     * @return whether the region's group has that grant now
     */
    public boolean grantRegionItsTenantsTasks(String region) {
        String groupId = ReviewGroups.region(region);
        // one authorization per group and resource: the group's READ of the definition (ensureTasklistUser)
        Authorization definition = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(properties.processDefinitionKey())
                .singleResult();
        if (definition == null) {
            return false; // no such group
        }
        if (definition.isPermissionGranted(Permissions.READ_TASK)) {
            return true;
        }
        if (!tenants.everyCaseInItsRegionsTenant()) {
            return false;
        }
        definition.addPermission(Permissions.READ_TASK);
        authorizationService.saveAuthorization(definition);
        return true;
    }

    private void ensureOnce(ReviewerGroupCreated group, String name, String type, String regionName) {
        String groupId = group.groupId();
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            // made by an administrator before its first registration, or before decision 0029: once per node
            ensureMember(group.tenantId(), regionName, groupId);
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (ensureTasklistUser(groupId, name, type)) {
                    ensureTenant(group.tenantId(), regionName);
                    identityService.createTenantGroupMembership(group.tenantId(), groupId);
                    events.publishEvent(group);
                }
            });
        } catch (RuntimeException concurrentlyCreated) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                throw concurrentlyCreated;
            }
        }
    }

    private void ensureMember(String tenantId, String regionName, String groupId) {
        String membership = groupId + " " + tenantId;
        if (!knownMembers.add(membership) || isMember(tenantId, groupId)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                ensureTenant(tenantId, regionName);
                identityService.createTenantGroupMembership(tenantId, groupId);
            });
        } catch (RuntimeException concurrentlyMade) {
            if (!isMember(tenantId, groupId)) {
                knownMembers.remove(membership);
                throw concurrentlyMade;
            }
        }
    }

    private boolean isMember(String tenantId, String groupId) {
        return identityService
                        .createTenantQuery()
                        .tenantId(tenantId)
                        .groupMember(groupId)
                        .count()
                > 0;
    }

    /** A region's tenant, with the candidates (each reads their own tasks only, by their grants) as members. */
    private void ensureTenant(String tenantId, String regionName) {
        if (identityService.createTenantQuery().tenantId(tenantId).count() > 0) {
            return;
        }
        Tenant tenant = identityService.newTenant(tenantId);
        tenant.setName(regionName + "考区");
        identityService.saveTenant(tenant);
        if (identityService.createGroupQuery().groupId(ReviewGroups.CANDIDATES).count() > 0) {
            identityService.createTenantGroupMembership(tenantId, ReviewGroups.CANDIDATES);
        } // else it joins every tenant when it is made (provisionStandingGroups)
    }

    /** @return whether the group was created now */
    private boolean ensureTasklistUser(String groupId, String name, String type) {
        if (!ensureGroup(groupId, name, type)) {
            return false;
        }
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, properties.processDefinitionKey(), Permissions.READ);
        return true;
    }

    /**
     * Lets the reviewers of a case's exam site and region read that case (its variables are the columns of their
     * Tasklist filter), and nobody else's.
     */
    public void grantCaseToReviewers(String processInstanceId, String examSite, String region) {
        grantCaseToSite(processInstanceId, examSite);
        grant(ReviewGroups.region(region), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }

    public void grantCaseToSite(String processInstanceId, String examSite) {
        grant(ReviewGroups.site(examSite), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }

    /** Takes back what {@link #grantCaseToReviewers} gave an exam site, when the case moves to another site. */
    public void revokeCaseFromSite(String processInstanceId, String examSite) {
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(ReviewGroups.site(examSite))
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId)
                .list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    /**
     * Takes back the task authorizations the engine gave an exam site with the candidate group of one of the case's
     * tasks, and the reviewer of that site who had claimed it, when the case moves to another site. Removing a
     * candidate group or an assignee leaves them behind (Camunda's DefaultAuthorizationProvider keeps existing
     * authorizations), and with them the old site would still find the task, and its case's variables through it.
     */
    public void revokeTaskFromSite(String taskId, String examSite, String formerAssignee) {
        List<Authorization> granted = new ArrayList<>(authorizationService
                .createAuthorizationQuery()
                .groupIdIn(ReviewGroups.site(examSite))
                .resourceType(Resources.TASK)
                .resourceId(taskId)
                .list());
        if (formerAssignee != null) {
            granted.addAll(authorizationService
                    .createAuthorizationQuery()
                    .userIdIn(formerAssignee)
                    .resourceType(Resources.TASK)
                    .resourceId(taskId)
                    .list());
        }
        granted.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    /**
     * Whether an account that is not a candidate's already has this id: a reviewer, the registrar, an administrator,
     * or a user an administrator made and has not placed in a group yet. A candidate account is a member of group
     * {@code candidates} and of nothing else; only activation makes one. Candidate numbers never reach such accounts.
     */
    public boolean isStaffAccount(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return false;
        }
        List<Group> groups =
                identityService.createGroupQuery().groupMember(userId).list();
        return groups.size() != 1
                || !ReviewGroups.CANDIDATES.equals(groups.get(0).getId());
    }

    /** Lets a group see one Tasklist filter. */
    public void grantFilter(String groupId, String filterId) {
        grant(groupId, Resources.FILTER, filterId, Permissions.READ);
    }

    /** @return whether the group was created now */
    private boolean ensureGroup(String groupId, String name, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return false;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return true;
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
