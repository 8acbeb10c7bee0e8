/**
 * The image store: uploads checked the moment they arrive, submission and locking, returned materials replaced
 * before a resubmission, staff image views; owns {@code material_image}, {@code returned_material}, {@code
 * returned_image} and {@code image_view}.
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"campaign", "checklist", "registration", "system"})
package cn.medexam.qualification.documents;

import org.springframework.modulith.ApplicationModule;
