/**
 * Campaigns: the dates of one region's exam year (upload, review, resubmission, final review), the region names,
 * and the timer dates the process reads from them; owns tables {@code exam_region} and {@code campaign}.
 */
@ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"system"})
package cn.medexam.qualification.campaign;

import org.springframework.modulith.ApplicationModule;
