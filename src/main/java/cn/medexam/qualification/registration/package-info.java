/**
 * Registrations from the registration system: they start, change and cancel cases; owns {@code registration}.
 */
@ApplicationModule(
        displayName = "Registrations",
        allowedDependencies = {"campaign", "system"})
package cn.medexam.qualification.registration;

import org.springframework.modulith.ApplicationModule;
