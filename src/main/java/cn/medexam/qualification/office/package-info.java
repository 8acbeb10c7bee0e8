/**
 * The exam office's view: progress per site ({@code GET /api/admin/progress}, page {@code /admin/progress.html}),
 * lists and CSV exports of cases, the reviewers' workload. Owns {@code case_progress} and {@code progress_event}
 * (kept by {@link cn.medexam.qualification.office.ProgressHistoryHandler} in the engine's transaction of every step),
 * {@code exam_site} and {@code case_export}.
 */
@ApplicationModule(
        displayName = "Exam office",
        allowedDependencies = {"campaign", "checklist", "registration", "review", "system"})
package cn.medexam.qualification.office;

import org.springframework.modulith.ApplicationModule;
