/**
 * Which materials a candidate must upload, decided by the region's DMN tables; owns {@code material_type}, {@code
 * checklist_item} and {@code checklist_decision}.
 */
@ApplicationModule(
        displayName = "Checklists",
        allowedDependencies = {"campaign", "registration", "system"})
package cn.medexam.qualification.checklist;

import org.springframework.modulith.ApplicationModule;
