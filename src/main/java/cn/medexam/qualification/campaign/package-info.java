/**
 * Campaigns: the dates of one region's exam year (upload, review, resubmission, final review), the region names,
 * and the timer dates the process reads from them; owns tables {@code exam_region} and {@code campaign}.
 */
package cn.medexam.qualification.campaign;
