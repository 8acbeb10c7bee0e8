/**
 * Reviewers' verdicts (考点初审, 线下审核, 考区终审), serial numbers, case status and the Tasklist filters; owns {@code
 * review_decision}, {@code material_return}, {@code serial_counter} and {@code serial_number}.
 */
@ApplicationModule(
        displayName = "Review",
        allowedDependencies = {"campaign", "checklist", "documents", "registration", "system"})
package cn.medexam.qualification.review;

import org.springframework.modulith.ApplicationModule;
