package cn.medexam.qualification.documents;

import cn.medexam.qualification.registration.Registrations;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Administrators (/api/admin/** is theirs, SecurityConfig) read who viewed a case's images. */
@RestController
class ImageViewController {

    private final ImageViews views;
    private final Registrations registrations;

    ImageViewController(ImageViews views, Registrations registrations) {
        this.views = views;
        this.registrations = registrations;
    }

    @ApiResponse(responseCode = "200", description = "工作人员查看该考生图片的记录，最新在前")
    @ApiResponse(responseCode = "404", description = "未知的考生编号")
    @GetMapping("/api/admin/cases/{candidateNo}/image-views")
    List<ImageViews.ImageView> views(@PathVariable String candidateNo) {
        registrations.require(candidateNo);
        return views.of(candidateNo);
    }
}
