package cn.medexam.qualification.office;

import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.ReviewProperties;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exam office's progress of a campaign: administrators every region, a region's reviewers their region, a
 * site's reviewers their site; everyone else 404. The counts come from {@code case_progress}, which the process
 * steps keep in their own transactions.
 */
@RestController
class ProgressController {

    private final OfficeAccess access;
    private final ProgressQueries progress;
    private final OfficeQueries queries;
    private final EngineClock clock;
    private final ReviewProperties properties;

    ProgressController(
            OfficeAccess access,
            ProgressQueries progress,
            OfficeQueries queries,
            EngineClock clock,
            ReviewProperties properties) {
        this.access = access;
        this.progress = progress;
        this.queries = queries;
        this.clock = clock;
        this.properties = properties;
    }

    @ApiResponse(responseCode = "200", description = "进度：各状态人数与各考点情况")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核，或无权查看")
    @GetMapping("/api/admin/progress")
    Progress progress(@RequestParam String region, @RequestParam int year, Authentication caller) {
        return progress.progress(access.scope(caller, region, year), clock.now());
    }

    @ApiResponse(responseCode = "200", description = "每日提交、重新提交、通过、退回、不合格人数")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核，或无权查看")
    @GetMapping("/api/admin/progress/daily")
    Daily daily(@RequestParam String region, @RequestParam int year, Authentication caller) {
        return queries.daily(access.scope(caller, region, year), properties.timeZone(), clock.now());
    }

    /** For the region's reviewers and administrators. */
    @ApiResponse(responseCode = "200", description = "各考点的待审任务与审核人员工作量")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核，或无权查看（考点审核人员）")
    @GetMapping("/api/admin/workload")
    Workload workload(@RequestParam String region, @RequestParam int year, Authentication caller) {
        return queries.workload(access.regionScope(caller, region, year), clock.now());
    }
}
