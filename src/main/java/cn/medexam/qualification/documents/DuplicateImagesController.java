package cn.medexam.qualification.documents;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/duplicates}: a campaign's groups of near-identical images of different candidates (admin). */
@RestController
class DuplicateImagesController {

    private final ImageFingerprints fingerprints;

    DuplicateImagesController(ImageFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @ApiResponse(responseCode = "200", description = "不同考生的近似图片分组")
    @ApiResponse(responseCode = "404", description = "未知的考区")
    @GetMapping("/api/admin/duplicates")
    List<List<ImageFingerprints.GroupMember>> duplicates(@RequestParam String region, @RequestParam int year) {
        try {
            Region.valueOf(region);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.notFound("未知的考区：" + region);
        }
        return fingerprints.groups(region, year);
    }
}
