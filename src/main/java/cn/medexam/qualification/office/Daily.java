package cn.medexam.qualification.office;

import java.time.LocalDate;
import java.util.List;

/**
 * Submissions and decisions per day over a campaign, for the office's charts ({@code GET
 * /api/admin/progress/daily}).
 */
public record Daily(
        String region,
        int examYear,
        List<LocalDate> days,
        List<Long> submitted,
        List<Long> resubmitted,
        List<Long> passed,
        List<Long> returned,
        List<Long> notQualified) {}
