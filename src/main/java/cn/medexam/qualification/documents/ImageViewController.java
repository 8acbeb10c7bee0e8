package cn.medexam.qualification.documents;

import cn.medexam.qualification.registration.Registrations;
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

    @GetMapping("/api/admin/cases/{candidateNo}/image-views")
    List<ImageViews.ImageView> views(@PathVariable String candidateNo) {
        registrations.require(candidateNo);
        return views.of(candidateNo);
    }
}
