/**
 * The candidate's own side: account activation by SMS code, the candidate's view of their case and profile ({@code
 * /api/candidate/**}, {@code /api/me/**}); owns {@code activation_code} and {@code candidate_profile}.
 */
@ApplicationModule(
        displayName = "Candidates",
        allowedDependencies = {"campaign", "checklist", "documents", "notification", "registration", "review", "system"
        })
package cn.medexam.qualification.candidate;

import org.springframework.modulith.ApplicationModule;
