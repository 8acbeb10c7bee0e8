package cn.medexam.qualification.system;

/**
 * Published in the transaction that creates a reviewer group.
 *
 * @param groupId  group id, e.g. site-3701
 * @param site     true for an exam site's group, false for a region's
 * @param key      the exam site's number or the region's Chinese name, as reviewers call them
 * @param tenantId the tenant of the region's cases ({@link RegionTenants}), of which the group is a member
 */
public record ReviewerGroupCreated(String groupId, boolean site, String key, String tenantId) {}
