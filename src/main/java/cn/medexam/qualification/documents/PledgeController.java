package cn.medexam.qualification.documents;

import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 真实性承诺: the candidate reads and confirms it; administrators say which campaigns ask for it. */
@RestController
class PledgeController {

    private final TruthfulnessPledges pledges;
    private final MaterialUploads uploads;
    private final Campaigns campaigns;

    PledgeController(TruthfulnessPledges pledges, MaterialUploads uploads, Campaigns campaigns) {
        this.pledges = pledges;
        this.uploads = uploads;
        this.campaigns = campaigns;
    }

    record Setting(@NotNull(message = "required 不能为空") Boolean required) {}

    @GetMapping("/api/me/pledge")
    TruthfulnessPledges.Status status(Principal me) {
        return pledges.status(me.getName(), uploads.openUploadTask(me.getName()));
    }

    /** 204: recorded with the time, for the submission round that is open. */
    @PostMapping("/api/me/pledge")
    @ApiResponse(responseCode = "204", description = "已记录本轮提交的承诺及时间")
    @ApiResponse(responseCode = "409", description = "当前没有待提交的材料")
    ResponseEntity<Void> pledge(Principal me) {
        if (uploads.openUploadTask(me.getName()).isEmpty()) {
            throw ApiException.conflict("NOT_OPEN_FOR_SUBMISSION", "当前没有待提交的材料：材料已提交锁定，或已超过提交截止时间");
        }
        pledges.give(me.getName());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "200", description = "该审核安排是否要求考生承诺")
    @ApiResponse(responseCode = "404", description = "未找到该审核安排")
    @GetMapping("/api/admin/campaigns/{region}/{year}/pledge")
    Setting setting(@PathVariable Region region, @PathVariable int year) {
        requireCampaign(region, year);
        return new Setting(pledges.required(region, year));
    }

    @ApiResponse(responseCode = "200", description = "已保存：是否要求考生承诺")
    @ApiResponse(responseCode = "404", description = "未找到该审核安排")
    @PutMapping("/api/admin/campaigns/{region}/{year}/pledge")
    Setting change(@PathVariable Region region, @PathVariable int year, @Validated @RequestBody Setting setting) {
        requireCampaign(region, year);
        pledges.setRequired(region, year, setting.required());
        return new Setting(pledges.required(region, year));
    }

    private void requireCampaign(Region region, int year) {
        if (!campaigns.exists(region, year)) {
            throw ApiException.notFound("未找到" + region + " " + year + "年度的审核安排");
        }
    }
}
