/**
 * The registration system's API of a case: registrations in ({@code /api/registrations}: a registration starts a
 * case, a change re-decides it, a cancellation ends it) and where the case stands out ({@code GET
 * /api/cases/{candidateNo}}: status and checklist); owns no table, it composes registration, checklist and review.
 */
@ApplicationModule(
        displayName = "Registration system API",
        allowedDependencies = {"campaign", "checklist", "registration", "review"})
package cn.medexam.qualification.cases;

import org.springframework.modulith.ApplicationModule;
