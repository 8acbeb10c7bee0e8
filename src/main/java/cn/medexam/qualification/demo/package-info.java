/**
 * Demo users, a demo campaign and twelve demo candidates in every state, for the {@code demo} profile only.
 */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"campaign", "checklist", "documents", "registration", "review", "system"})
package cn.medexam.qualification.demo;

import org.springframework.modulith.ApplicationModule;
