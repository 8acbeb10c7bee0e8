package cn.medexam.qualification.system;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups of this application (ARCHITECTURE.md, people and permissions). */
public final class ReviewGroups {

    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    public static final String REGISTRARS = "registrars";
    public static final String CANDIDATES = "candidates";
    /** The office's monitoring (a Prometheus scraper's account): reads /actuator/** and nothing else. */
    public static final String MONITORING = "monitoring";

    private static final String REGION_PREFIX = "region-";

    private ReviewGroups() {}

    /** Reviewers of one exam site (考点): candidate group of that site's preliminary review tasks. */
    public static String site(String examSite) {
        return "site-" + examSite;
    }

    /** Reviewers of one exam region (考区): candidate group of the region's final review tasks. */
    public static String region(String region) {
        return REGION_PREFIX + region;
    }

    /** The region whose reviewers a group of {@link #region} is, or null for another group. */
    public static String regionOf(String groupId) {
        return groupId != null && groupId.startsWith(REGION_PREFIX) ? groupId.substring(REGION_PREFIX.length()) : null;
    }

    /** The Spring Security authority that stands for membership of a group. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }
}
