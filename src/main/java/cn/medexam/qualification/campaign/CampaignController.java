package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.ApiExceptionHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read and move the campaign dates of a region and year. */
@RestController
@RequestMapping("/api/admin/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignService service;
    private final ObjectMapper json;

    CampaignController(Campaigns campaigns, CampaignService service, ObjectMapper json) {
        this.campaigns = campaigns;
        this.service = service;
        this.json = json;
    }

    /**
     * @param movedTimers timers moved before this answer: 0, they move in the background ({@code timerMove})
     * @param timerMove   the background move of the running cases' timers, null when no date moved
     */
    record CampaignView(Campaign campaign, int movedTimers, TimerMove timerMove) {}

    @GetMapping
    List<Campaign> all() {
        return campaigns.all();
    }

    @ApiResponse(responseCode = "200", description = "该考区该年度的审核安排")
    @ApiResponse(responseCode = "404", description = "未找到该审核安排")
    @GetMapping("/{region}/{year}")
    Campaign one(@PathVariable Region region, @PathVariable int year) {
        return campaigns.of(region, year);
    }

    @PutMapping("/{region}/{year}")
    @ApiResponse(responseCode = "201", description = "新建审核安排")
    @ApiResponse(responseCode = "200", description = "已修改：movedTimers 与 timerMove")
    @ApiResponse(responseCode = "400", description = "INVALID_INPUT：日期缺失或先后顺序不对（errors 逐项说明）")
    ResponseEntity<?> save(@PathVariable Region region, @PathVariable int year, @RequestBody JsonNode body) {
        CampaignForm form = service.formFor(region, year);
        try {
            json.readerForUpdating(form).readValue(body);
        } catch (IOException unreadable) {
            return ApiExceptionHandler.unreadable(unreadable);
        }
        CampaignService.Change change = service.save(region, year, form);
        return ResponseEntity.status(change.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CampaignView(
                        change.campaign(),
                        change.timerMove() == null ? 0 : change.timerMove().movedTimers(),
                        change.timerMove()));
    }

    /** Progress of the latest background move of the campaign's waiting timers (also in Cockpit → Batches). */
    @GetMapping("/{region}/{year}/timer-move")
    @ApiResponse(responseCode = "200", description = "最近一次后台调整的进度")
    @ApiResponse(responseCode = "404", description = "日期从未变更")
    TimerMove timerMove(@PathVariable Region region, @PathVariable int year) {
        return service.latestTimerMove(region, year).orElseThrow(() -> ApiException.notFound("该审核安排尚未调整过日期，没有定时器调整记录"));
    }
}
