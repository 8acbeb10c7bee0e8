package cn.medexam.qualification.system;

/**
 * The name reviewers call a region by (山东 for SHANDONG), for the names of its reviewer groups. Implemented by the
 * campaign module, which owns the regions; declared here so that {@link IdentityProvisioning} needs no campaign types.
 */
public interface RegionNames {

    String nameOf(String regionCode);
}
